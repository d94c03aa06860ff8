package org.oversight.governance;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.oversight.platform.CurrentUser;
import org.oversight.shared.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A meeting's agenda packs: each version as published, for everyone; the pack as it stands, for those who read drafts; the clerk publishing it. */
@Controller
class AgendaPackController {

    private final Meetings meetings;
    private final Agendas agendas;
    private final AgendaPack pack;
    private final MeetingRepository store;
    private final ExemptReaders readers;
    private final CurrentUser user;

    AgendaPackController(Meetings meetings, Agendas agendas, AgendaPack pack, MeetingRepository store, ExemptReaders readers, CurrentUser user) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.pack = pack;
        this.store = store;
        this.readers = readers;
        this.user = user;
    }

    /** The latest agenda pack the public received, with its hash. */
    @GetMapping("/meetings/{id:[0-9]{1,18}}/pack.pdf")
    ResponseEntity<Resource> pack(@PathVariable long id) {
        return pack(id, store.packs(id).stream().findFirst());
    }

    /** Each version as it went out, so what was published stays where it was. */
    @GetMapping("/meetings/{id:[0-9]{1,18}}/pack/v{version:[1-9][0-9]{0,5}}.pdf")
    ResponseEntity<Resource> packVersion(@PathVariable long id, @PathVariable int version) {
        return pack(id, store.packs(id).stream().filter(p -> p.version() == version).findFirst());
    }

    private ResponseEntity<Resource> pack(long id, Optional<MeetingRepository.Pack> pack) {
        MeetingRepository.Pack p = pack.orElseThrow(() -> new NotFoundException("This meeting has no such agenda pack published"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(p.sha256())) + ":")
                .header("Content-Disposition", "inline; filename=\"agenda-pack-" + id + "-v" + p.version() + ".pdf\"").body(store.packBody(p.id()));
    }

    /**
     * The pack as it stands, exempt items included and marked for those who may read them: for clerks and finance officers (who read
     * drafts), and for the Members who sit on the committee, not every Member.
     */
    @GetMapping("/meetings/{id:[0-9]{1,18}}/pack/draft.pdf")
    ResponseEntity<byte[]> draftPack(@PathVariable long id) {
        Committee.Meeting m = meetings.meeting(id);
        if (!readers.drafts(m)) {
            throw new AccessDeniedException("The draft pack is for clerks, finance officers and the committee's members");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pack.assemble(m, readers.exempt(m)).pdf());
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/pack")
    String publishPack(@PathVariable long id, RedirectAttributes redirect) {
        Committee.Meeting m = meetings.meeting(id);
        OffsetDateTime from = store.now();
        AgendaPack.Assembled a = pack.assemble(m, false);
        Integer version = GovernancePages.pressed(redirect, () -> agendas.publishPack(m, a, from, user.name()));
        if (version != null) {
            redirect.addFlashAttribute("notice", "Published the agenda pack (version " + version + ", " + a.pages() + " pages).");
        }
        return "redirect:/meetings/" + id + "#pack";
    }
}
