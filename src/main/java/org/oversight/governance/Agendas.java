package org.oversight.governance;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.platform.DisplayFormat;
import org.oversight.publishing.PaperPublished;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's agenda and its published packs: items numbered in order in their sections, exempt items kept
 * from the public, standing items carrying the latest published paper, an agenda closed once the meeting is
 * cancelled or minuted, and each pack frozen as it went out. Every change is recorded in the audit trail.
 */
@Service
class Agendas {

    private final Meetings meetings;
    private final Committees committees;
    private final MeetingRepository store;
    private final MinutesRepository minutes;
    private final ApplicationEventPublisher events;

    Agendas(Meetings meetings, Committees committees, MeetingRepository store, MinutesRepository minutes, ApplicationEventPublisher events) {
        this.meetings = meetings;
        this.committees = committees;
        this.store = store;
        this.minutes = minutes;
        this.events = events;
    }

    /** The agenda as the public reads it (no exempt item, not even its number's place) or as staff do. */
    List<Committee.Item> agenda(Committee.Meeting m, boolean everything) {
        return store.agenda(m.id(), m.starts().toLocalDate()).stream().filter(i -> everything || !i.exempt()).toList();
    }

    Committee.Item item(Committee.Meeting m, int number, boolean everything) {
        return store.item(m.id(), number).filter(i -> everything || !i.exempt())
                .orElseThrow(() -> new NotFoundException("The meeting has no item " + number));
    }

    /** Adds the next item; an item in section E (taken between meetings) or any other may be exempt, then shown to staff alone. */
    @Transactional
    void addItem(long meetingId, Committee.Section section, String title, String description, boolean exempt, String standingKind, String standingScope) {
        Committee.Meeting m = meetings.meeting(meetingId);
        if (section == null) {
            throw new InputException("section", "Choose the agenda's section");
        }
        String t = Written.line("title", title, "Give the item's title", 500);
        if (description != null && description.length() > 5_000) {
            throw new InputException("description", "A description is 5,000 characters or fewer");
        }
        String kind = Text.orNull(standingKind);
        if (kind != null && !List.of("dashboard", "qpr", "exceptions", "risks", "budget", "rates", "directorate").contains(kind)) {
            throw new InputException("standing", "A standing item carries a dashboard, QPR, exception report, risk register report, budget monitoring report, rates and charges or directorate summary");
        }
        if (kind != null && exempt) {
            throw new InputException("exempt", "A standing item carries a published paper, which is public: it cannot be exempt");
        }
        if (standingScope != null && standingScope.length() > 200) {
            throw new InputException("standing", "A scope is 200 characters or fewer");
        }
        store.lockMeeting(m.id());
        open(m, "title");
        // Before the pack is out, an item goes at the end of its section and those after it move down; after, at the end.
        int number = store.packPublished(m.id()) ? store.nextNumber(m.id()) : store.makeRoomInSection(m.id(), section);
        long id = store.insertItem(m.id(), number, section, t, Text.orNull(description), exempt, kind, kind == null ? "" : Text.orNull(standingScope));
        // The audit trail is read by roles that may not read exempt items: it records that one was added, not what it is.
        // Items are named by their id there, as their numbers move while the agenda is drafted.
        events.publishEvent(new Audited(Audited.Action.CREATE, "agenda_item", Long.toString(id), "Agenda item " + number + " of the "
                + committees.committeeOf(m).name() + " meeting of " + DisplayFormat.dateWords(m.starts().toLocalDate()) + " added: "
                + (exempt ? "an exempt item" : t), null, Map.of("meeting", m.id(), "number", number, "section", section.name(), "exempt", exempt)));
    }

    /**
     * Moves item {@code number} (the item {@code itemId}, as the clerk saw it) one place up or down within
     * its section, before the pack is published (whose page ranges name the items by number).
     */
    @Transactional
    void move(long meetingId, int number, long itemId, boolean up) {
        Committee.Meeting m = meetings.meeting(meetingId);
        store.lockMeeting(m.id());
        open(m, "move");
        if (store.packPublished(m.id())) {
            throw new InputException("move", "The agenda pack is published with these item numbers: add or withdraw items instead of reordering");
        }
        Committee.Item item = store.item(m.id(), number).orElseThrow(() -> new InputException("move", "The agenda has no item " + number));
        if (item.id() != itemId) {
            throw new InputException("move", "The agenda changed since you read it (item " + number + " is now " + item.title() + "): nothing was moved");
        }
        Integer other = store.swap(m.id(), number, item.section(), up);
        if (other == null) {
            throw new InputException("move", "Item " + number + " is already " + (up ? "first" : "last") + " in section " + item.section()
                    + ": an item moves within its section");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "agenda_item", Long.toString(item.id()), "Agenda item " + number + " moved "
                + (up ? "up" : "down") + ", changing places with item " + other, null, Map.of("meeting", m.id(), "from", number, "to", other)));
    }

    /** Withdraws an agenda item before the pack goes out; its number is not reused, and the open data say it was withdrawn. */
    @Transactional
    void withdraw(long meetingId, int number) {
        Committee.Meeting m = meetings.meeting(meetingId);
        store.lockMeeting(m.id());
        open(m, "withdraw");
        Committee.Item item = store.item(m.id(), number).orElseThrow(() -> new InputException("withdraw", "The agenda has no item " + number + " to withdraw"));
        store.withdraw(m.id(), number);
        events.publishEvent(new Audited(Audited.Action.DELETE, "agenda_item", Long.toString(item.id()), "Agenda item " + number + " of the meeting of "
                + DisplayFormat.dateWords(m.starts().toLocalDate()) + " withdrawn", null, null));
    }

    /** A cancelled meeting's agenda, and one whose minutes are written, are history: they do not change. */
    private void open(Committee.Meeting m, String field) {
        if (m.status() == Committee.Status.CANCELLED) {
            throw new InputException(field, "The meeting is cancelled: its agenda does not change");
        }
        if (minutes.hasMinutes(m.id())) {
            throw new InputException(field, "The meeting has its minutes: its agenda is the record of what it considered, and does not change");
        }
    }

    /** Freezes the public pack as the next version, with its SHA-256, and records who published it. */
    @Transactional
    int publishPack(Committee.Meeting m, AgendaPack.Assembled a, OffsetDateTime assembledFrom, String user) {
        store.lockMeeting(m.id());
        if (m.status() == Committee.Status.CANCELLED) {
            throw new InputException("pack", "The meeting is cancelled: there is no pack to publish");
        }
        if (store.agendaChangedSince(m.id(), assembledFrom)) {
            throw new InputException("pack", "The agenda changed while the pack was being assembled: nothing was published. Publish it again");
        }
        var latest = store.packs(m.id()).stream().findFirst();
        if (latest.isPresent() && !store.agendaChangedSince(m.id(), latest.get().publishedAt())) {
            throw new InputException("pack", "Nothing in the agenda, its reports or its papers has changed since version " + latest.get().version()
                    + " was published");
        }
        String sha = DigestUtils.sha256Hex(a.pdf());
        int version = store.insertPack(m.id(), a.pdf(), sha, a.pages(), user);
        store.touchMeeting(m.id());
        events.publishEvent(new Audited(Audited.Action.PUBLISH, "agenda_pack", m.id() + ":" + version, "Agenda pack published for the "
                + committees.committeeOf(m).name() + " meeting of " + m.starts().toLocalDate() + " (version " + version + ", " + a.pages() + " pages)", null,
                Map.of("pdf_sha256", sha, "pages", a.pages())));
        return version;
    }

    /** The kinds of paper a standing item may carry, as KIND|SCOPE with their names. */
    Map<String, String> standingKinds() {
        Map<String, String> names = Map.of("dashboard", "Performance dashboard", "qpr", "Quarterly Performance Report", "exceptions", "Exception report",
                "risks", "Risk register report", "budget", "Budget monitoring report", "rates", "Rates and charges",
                "directorate", "Directorate summary");
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] k : store.publishedKinds()) {
            out.put(k[0] + "|" + k[1], names.get(k[0]) + ", " + (k[1].isEmpty() ? "the whole council" : k[1]));
        }
        return out;
    }

    /** Every paper the publishing module puts out, so that standing items carry the latest. A reaction: it follows the publication's commit. */
    @ApplicationModuleListener
    void on(PaperPublished p) {
        store.paperPublished(p.kind(), p.scope(), p.period(), p.version(), p.title());
    }
}
