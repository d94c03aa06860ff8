package org.oversight.governance;

import static org.oversight.governance.GovernancePages.failed;
import static org.oversight.governance.GovernancePages.s;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A committee's work programme for everyone, today's or as it stood on a day; and the clerk's form that adds a member's request to it. */
@Controller
class WorkProgrammeController {

    private final Committees committees;
    private final Meetings meetings;
    private final WorkProgramme programme;
    private final CurrentUser user;

    WorkProgrammeController(Committees committees, Meetings meetings, WorkProgramme programme, CurrentUser user) {
        this.committees = committees;
        this.meetings = meetings;
        this.programme = programme;
        this.user = user;
    }

    @GetMapping("/committees/{code}/work-programme")
    String workProgramme(@PathVariable String code, @RequestParam(required = false) String from, Model model) {
        Committee c = committees.get(code);
        LocalDate asOf = Written.date("from", from);
        LocalDateTime now = LocalDateTime.now(CalendarFeed.COUNCIL);
        model.addAttribute("p", programme.of(c, asOf == null ? now : asOf.atTime(LocalTime.MAX)));
        model.addAttribute("asOf", asOf);
        // An earlier programme, for a committee whose future is empty: as it stood after the last meeting it held.
        model.addAttribute("lastMeeting", meetings.meetings(c).stream().filter(m -> m.status() == Committee.Status.HELD && m.starts().isBefore(now))
                .map(m -> m.starts().toLocalDate()).reduce((a, b) -> b).orElse(null));
        model.addAttribute("clerk", user.has(Role.CLERK));
        GovernancePages.defaults(model);
        return "governance/work-programme";
    }

    @PostMapping("/committees/{code}/work-programme")
    String request(@PathVariable String code, @RequestParam(required = false) String requestTitle, @RequestParam(required = false) String requestedBy,
                   @RequestParam(required = false) Long meeting, RedirectAttributes redirect) {
        try {
            programme.request(committees.get(code), requestTitle, requestedBy, meeting, LocalDateTime.now(CalendarFeed.COUNCIL));
            redirect.addFlashAttribute("notice", "Added to the work programme.");
            return "redirect:/committees/" + code + "/work-programme";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("requestTitle", s(requestTitle), "requestedBy", s(requestedBy)), "/committees/" + code + "/work-programme#request");
        }
    }
}
