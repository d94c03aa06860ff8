package org.oversight.governance;

import org.oversight.platform.Accounts;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.structure.Unit;
import org.oversight.structure.UnitRenamed;
import org.oversight.structure.Units;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
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
 * The committee cycle's rules: a committee's code from its name, a person on a committee once at a
 * time, a meeting that ends after it starts, agenda items numbered in order in their sections,
 * exempt items kept from the public, and standing items carrying the latest published paper.
 * Every change is recorded in the audit trail.
 */
@Service
class Committees {

    private final CommitteeRepository committees;
    private final MeetingRepository meetings;
    private final MinutesRepository minutes;
    private final DecisionRepository decisions;
    private final ApplicationEventPublisher events;

    private final Accounts accounts;

    private final Units units;

    Committees(CommitteeRepository committees, MeetingRepository meetings, MinutesRepository minutes, DecisionRepository decisions, ApplicationEventPublisher events, Accounts accounts, Units units) {
        this.units = units;
        this.committees = committees;
        this.meetings = meetings;
        this.minutes = minutes;
        this.decisions = decisions;
        this.events = events;
        this.accounts = accounts;
    }

    /**
     * Links a seated councillor to their sign-in name (blank unlinks), so that as a Member they read the
     * exempt items and draft packs of the committees they sit on. The account must exist and be a Member's.
     */
    @Transactional
    void linkAccount(String code, long membership, String username) {
        Committee c = get(code);
        String u = Text.orNull(username);
        if (u != null) {
            var account = accounts.byUsername(u).orElseThrow(() -> new InputException("account-" + membership, "There is no user " + u
                    + ": the administrator adds them first"));
            if (!account.roles().contains(Role.MEMBER)) {
                throw new InputException("account-" + membership, u + " does not have the Member role: the administrator gives it first");
            }
            var other = committees.otherPersonWithAccount(u, membership);
            if (other.isPresent()) {
                throw new InputException("account-" + membership, u + " is linked to " + other.get() + " already");
            }
        }
        if (!committees.linkAccount(c.id(), membership, u)) {
            throw new InputException("account-" + membership, "That seat is not on this committee");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "membership", Long.toString(membership), u == null ? "Sign-in name unlinked from a seat on "
                + c.name() : "Seat on " + c.name() + " linked to the sign-in name " + u, null, java.util.Collections.singletonMap("username", u)));
    }

    List<MeetingRepository.ReportOn> reportsOn(String decisionNo) {
        return meetings.reportsOn(decisionNo);
    }

    /** Whether the signed-in Member sits on the meeting's committee (today, or on the meeting's day). */
    boolean seated(Committee.Meeting m, String username) {
        return username != null && (committees.seated(m.committeeId(), username, java.time.LocalDate.now(CalendarFeed.COUNCIL))
                || committees.seated(m.committeeId(), username, m.starts().toLocalDate()));
    }

    /** The directorate whose business the committee oversees, chosen from the structure (blank: none). */
    @Transactional
    Committee oversees(String code, String unit) {
        Committee c = get(code);
        String named = Text.orNull(unit) == null ? null : units.names().resolve(unit, Unit.Kind.DIRECTORATE, null, "unit");
        committees.setCommitteeUnit(c.id(), named);
        Committee after = committees.committee(c.id());
        events.publishEvent(new Audited(Audited.Action.UPDATE, "committee", c.code(), "Committee " + c.name() + " oversees "
                + (named == null ? "no directorate" : named), c, after));
        return after;
    }

    /** A directorate renamed in the structure is still the one its committee oversees; agendas not yet approved follow it. A reaction: it follows the rename's commit. */
    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        committees.renameUnit(renamed.before(), renamed.after());
    }

    List<Committee> all() {
        return committees.committees();
    }

    Committee get(String code) {
        return committees.committee(code).orElseThrow(() -> new NotFoundException("There is no committee " + code));
    }

    @Transactional
    Committee create(String name, Committee.Kind kind, String terms, String unit) {
        String named = Text.orNull(unit) == null ? null : units.names().resolve(unit, Unit.Kind.DIRECTORATE, null, "unit");
        String n = required("name", name, "Give the committee's name", 200);
        if (kind == null) {
            throw new InputException("kind", "Choose what kind of committee it is");
        }
        if (terms != null && terms.length() > 20_000) {
            throw new InputException("terms", "Terms of reference are 20,000 characters or fewer");
        }
        String code = n.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        code = code.length() < 2 ? "committee-" + code : code.substring(0, Math.min(60, code.length())).replaceAll("-+$", "");
        committees.lockCommittees();
        if (committees.committees().stream().anyMatch(c -> c.name().equalsIgnoreCase(n))) {
            throw new InputException("name", "There is already a committee called " + n);
        }
        String finalCode = code;
        if (committees.committee(code).isPresent()) {
            throw new InputException("name", "The name gives the address /committees/" + finalCode + ", which another committee has");
        }
        long id = committees.insertCommittee(code, n, kind, Text.orNull(terms));
        committees.setCommitteeUnit(id, named);
        Committee c = committees.committee(id);
        events.publishEvent(new Audited(Audited.Action.CREATE, "committee", c.code(), "Committee created: " + c.name(), null, c));
        return c;
    }

    List<Committee.Term> terms() {
        return committees.terms();
    }

    /** A term of office of the council: named, from its first day, to its last if it has ended; terms do not overlap. */
    @Transactional
    Committee.Term addTerm(String name, LocalDate start, LocalDate end) {
        String n = required("termName", name, "Name the term, such as 2017 to 2021", 200);
        if (start == null) {
            throw new InputException("termStart", "Give the term's first day, such as 4 5 2017");
        }
        if (end != null && !end.isAfter(start)) {
            throw new InputException("termEnd", "The term ends on " + DisplayFormat.dateWords(end) + ", not after it starts on " + DisplayFormat.dateWords(start));
        }
        committees.lockTerms();
        for (Committee.Term t : committees.terms()) {
            if ((t.end() == null || !start.isAfter(t.end())) && (end == null || !end.isBefore(t.start()))) {
                throw new InputException("termStart", "That overlaps the term " + t.name() + " (from " + DisplayFormat.dateWords(t.start())
                        + (t.end() == null ? ", still running): end it first" : " to " + DisplayFormat.dateWords(t.end()) + ")"));
            }
        }
        long id = committees.insertTerm(n, start, end);
        Committee.Term t = committees.terms().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        events.publishEvent(new Audited(Audited.Action.CREATE, "legislative_term", Long.toString(id), "Term of office added: " + n, null, t));
        return t;
    }

    /** Ends a running term of office on its last day (after it began). */
    @Transactional
    void endLegislativeTerm(long id, LocalDate end) {
        if (end == null) {
            throw new InputException("termEnd-" + id, "Give the term's last day, such as 5 5 2021");
        }
        committees.lockTerms();
        if (!committees.endTerm(id, end)) {
            throw new InputException("termEnd-" + id, "That term has ended already, or began on or after " + DisplayFormat.dateWords(end));
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "legislative_term", Long.toString(id), "Term of office ended on " + DisplayFormat.dateWords(end),
                null, Map.of("end", end.toString())));
    }

    /** Removes a term entered in error; the open data keep it as deleted. */
    @Transactional
    void deleteTerm(long id) {
        if (!committees.deleteTerm(id)) {
            throw new NotFoundException("There is no term " + id);
        }
        events.publishEvent(new Audited(Audited.Action.DELETE, "legislative_term", Long.toString(id), "Term of office removed", null, null));
    }

    /** Seats a person on the committee; refused if they already sit on it for any day of the new term. */
    @Transactional
    void addMember(String code, String name, String party, Committee.Role role, LocalDate start, LocalDate end) {
        Committee c = get(code);
        String n = required("name", name, "Give the member's name", 200);
        if (party != null && party.length() > 200) {
            throw new InputException("party", "A party's name is 200 characters or fewer");
        }
        if (role == null) {
            throw new InputException("role", "Choose the member's role");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new InputException("end", "The term ends on " + DisplayFormat.dateWords(end) + ", before it starts on " + DisplayFormat.dateWords(start));
        }
        committees.lock(c.id());
        long person = committees.person(n, Text.orNull(party));
        if (!committees.overlapping(c.id(), person, null, start, end).isEmpty()) {
            throw new InputException("name", n + " is already a member of " + c.name() + " for some of that time: end the earlier term first");
        }
        if (role == Committee.Role.CHAIRMAN || role == Committee.Role.VICE_CHAIRMAN) {
            for (Committee.Member other : committees.overlapping(c.id(), null, role, start, end)) {
                throw new InputException("role", other.name() + " is " + role.words() + " of " + c.name() + " for some of that time: end that term first");
            }
        }
        committees.insertMember(c.id(), person, role, start, end);
        events.publishEvent(new Audited(Audited.Action.CREATE, "membership", c.code() + ":" + n, n + " joined " + c.name() + " as " + role.words(),
                null, Map.of("committee", c.code(), "person", n, "role", role.name())));
    }

    /** A cancelled meeting's agenda, and one whose minutes are written, are history: they do not change. */
    private void agendaOpen(Committee.Meeting m, String field) {
        if (m.status() == Committee.Status.CANCELLED) {
            throw new InputException(field, "The meeting is cancelled: its agenda does not change");
        }
        if (minutes.hasMinutes(m.id())) {
            throw new InputException(field, "The meeting has its minutes: its agenda is the record of what it considered, and does not change");
        }
    }

    /**
     * Moves item {@code number} (the item {@code itemId}, as the clerk saw it) one place up or down within
     * its section, before the pack is published (whose page ranges name the items by number).
     */
    @Transactional
    void move(long meetingId, int number, long itemId, boolean up) {
        Committee.Meeting m = meeting(meetingId);
        meetings.lockMeeting(m.id());
        agendaOpen(m, "move");
        if (meetings.packPublished(m.id())) {
            throw new InputException("move", "The agenda pack is published with these item numbers: add or withdraw items instead of reordering");
        }
        Committee.Item item = meetings.item(m.id(), number).orElseThrow(() -> new InputException("move", "The agenda has no item " + number));
        if (item.id() != itemId) {
            throw new InputException("move", "The agenda changed since you read it (item " + number + " is now " + item.title() + "): nothing was moved");
        }
        Integer other = meetings.swap(m.id(), number, item.section(), up);
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
        Committee.Meeting m = meeting(meetingId);
        meetings.lockMeeting(m.id());
        agendaOpen(m, "withdraw");
        Committee.Item item = meetings.item(m.id(), number).orElseThrow(() -> new InputException("withdraw", "The agenda has no item " + number + " to withdraw"));
        meetings.withdraw(m.id(), number);
        events.publishEvent(new Audited(Audited.Action.DELETE, "agenda_item", Long.toString(item.id()), "Agenda item " + number + " of the meeting of "
                + DisplayFormat.dateWords(m.starts().toLocalDate()) + " withdrawn", null, null));
    }

    /** Removes a seat entered in error (a term that ended is ended instead); the open data keep it as deleted. */
    @Transactional
    void removeSeat(String code, long membership) {
        Committee c = get(code);
        if (!committees.deleteMembership(c.id(), membership)) {
            throw new InputException("end", "That seat is not on this committee, or has been removed already");
        }
        events.publishEvent(new Audited(Audited.Action.DELETE, "membership", Long.toString(membership), "A seat on " + c.name() + " removed as entered in error",
                null, null));
    }

    /** Ends a member's term on {@code end} (on or after it began); the seat stays in the record with its dates. */
    @Transactional
    void endTerm(String code, long membership, LocalDate end) {
        Committee c = get(code);
        if (end == null) {
            throw new InputException("end", "Give the last day of the term, such as 31 3 2019");
        }
        if (!committees.endMembership(c.id(), membership, end)) {
            throw new InputException("end", "That term has ended already, is not on this committee, or began after " + DisplayFormat.dateWords(end));
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "membership", Long.toString(membership), "A term on " + c.name() + " ended on " + end,
                null, Map.of("end", end.toString())));
    }

    /** Cancels, postpones, reinstates or marks a meeting held; a meeting is held only once it has started. */
    @Transactional
    Committee.Meeting status(long meetingId, Committee.Status status, int version, LocalDateTime now) {
        Committee.Meeting m = meeting(meetingId);
        if (status == null) {
            throw new InputException("status", "Choose the meeting's status");
        }
        if (status != Committee.Status.HELD && (minutes.hasMinutes(m.id()) || minutes.approvedMinutesAt(m.id()))) {
            throw new InputException("status", "The meeting " + (minutes.hasMinutes(m.id()) ? "has minutes" : "approved minutes") + ": it was held, and stays so");
        }
        if (status == Committee.Status.HELD && m.starts().isAfter(now)) {
            throw new InputException("status", "A meeting is held once it has started: this one starts on " + DisplayFormat.dateWords(m.starts().toLocalDate()));
        }
        if (!meetings.status(meetingId, status, version)) {
            throw new ConflictException("Someone changed this meeting while you were reading it: nothing was saved. Read it again.");
        }
        Committee.Meeting after = meeting(meetingId);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "meeting", Long.toString(meetingId), committeeOf(m).name() + " meeting of "
                + m.starts().toLocalDate() + ": " + status.words(), m, after));
        return after;
    }

    int version(Committee.Meeting m) {
        return meetings.meetingVersion(m.id());
    }

    List<Committee.Member> former(Committee c, LocalDate on) {
        return committees.former(c.id(), on);
    }

    List<Committee.Member> members(Committee c, LocalDate on) {
        return committees.members(c.id(), on);
    }

    /** Schedules (or records) a meeting on {@code day}; {@code from} null when its time is not known, and then no end either. */
    @Transactional
    Committee.Meeting schedule(String code, LocalDate day, LocalTime from, LocalTime until, String location, String webcast, Committee.Status status) {
        return schedule(code, day, from, until, location, webcast, status, List.of());
    }

    /** The meeting form's boxes, in its order. */
    private static final List<String> MEETING_BOXES = List.of("date", "time", "until", "location", "webcast");

    /** The same, refused with every mistake at once, those of the boxes the form could not read ({@code unread}) among them. */
    @Transactional
    Committee.Meeting schedule(String code, LocalDate day, LocalTime from, LocalTime until, String location, String webcast, Committee.Status status,
                               List<InputException> unread) {
        Committee c = get(code);
        List<InputException> wrong = new java.util.ArrayList<>(unread);
        if (day == null) {
            wrong.add(new InputException("date", "Give the meeting's date, such as 12 3 2019"));
        }
        if (from == null && until != null) {
            wrong.add(new InputException("time", "Give the time the meeting starts, or leave both times empty if they are not known"));
        }
        if (from != null && until != null && !until.isAfter(from)) {
            wrong.add(new InputException("until", "The meeting ends at " + until + ", not after it starts at " + from));
        }
        for (LocalTime t : new LocalTime[]{from, until}) {
            if (day != null && t != null && !day.atTime(t).atZone(CalendarFeed.COUNCIL).toLocalDateTime().equals(day.atTime(t))) {
                wrong.add(new InputException(t == from ? "time" : "until", "There is no " + t + " on " + DisplayFormat.dateWords(day)
                        + " in the UK: the clocks go forward an hour at 01:00"));
            }
        }
        if (location != null && (location.length() > 300 || location.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F))) {
            wrong.add(new InputException("location", "Write the place on one line, in 300 characters or fewer"));
        }
        if (webcast != null && !webcast.isBlank() && !webcast.strip().matches("https?://\\S{1,490}")) {
            wrong.add(new InputException("webcast", "A webcast is an address starting http:// or https://"));
        }
        InputException.refuse(wrong, MEETING_BOXES);
        LocalDateTime starts = day.atTime(from == null ? LocalTime.MIDNIGHT : from);
        long id = meetings.insertMeeting(c.id(), starts, from != null, until == null ? null : day.atTime(until), Text.orNull(location), Text.orNull(webcast),
                status == null ? Committee.Status.SCHEDULED : status);
        Committee.Meeting m = meetings.meeting(id).orElseThrow();
        events.publishEvent(new Audited(Audited.Action.CREATE, "meeting", Long.toString(id), c.name() + " meeting scheduled for " + day
                + (from == null ? " (time not given)" : " at " + from), null, m));
        return m;
    }

    List<Committee.Meeting> meetings(Committee c) {
        return meetings.meetings(c.id());
    }

    List<Committee.Meeting> meetings() {
        return meetings.meetings(null);
    }

    Committee.Meeting meeting(long id) {
        return meetings.meeting(id).orElseThrow(() -> new NotFoundException("There is no meeting " + id));
    }

    Committee committeeOf(Committee.Meeting m) {
        return committees.committee(m.committeeId());
    }

    /** The agenda as the public reads it (no exempt item, not even its number's place) or as staff do. */
    List<Committee.Item> agenda(Committee.Meeting m, boolean everything) {
        return meetings.agenda(m.id(), m.starts().toLocalDate()).stream().filter(i -> everything || !i.exempt()).toList();
    }

    /** Adds the next item; an item in section E (taken between meetings) or any other may be exempt, then shown to staff alone. */
    @Transactional
    void addItem(long meetingId, Committee.Section section, String title, String description, boolean exempt, String standingKind, String standingScope) {
        Committee.Meeting m = meeting(meetingId);
        if (section == null) {
            throw new InputException("section", "Choose the agenda's section");
        }
        String t = required("title", title, "Give the item's title", 500);
        if (description != null && description.length() > 5_000) {
            throw new InputException("description", "A description is 5,000 characters or fewer");
        }
        String kind = Text.orNull(standingKind);
        if (kind != null && !List.of("dashboard", "qpr", "exceptions", "risks", "budget", "rates", "directorate").contains(kind)) {
            throw new InputException("standingKind", "A standing item carries a dashboard, QPR, exception report, risk register report, budget monitoring report, rates and charges or directorate summary");
        }
        if (kind != null && exempt) {
            throw new InputException("exempt", "A standing item carries a published paper, which is public: it cannot be exempt");
        }
        if (standingScope != null && standingScope.length() > 200) {
            throw new InputException("standingScope", "A scope is 200 characters or fewer");
        }
        meetings.lockMeeting(m.id());
        agendaOpen(m, "title");
        // Before the pack is out, an item goes at the end of its section and those after it move down; after, at the end.
        int number = meetings.packPublished(m.id()) ? meetings.nextNumber(m.id()) : meetings.makeRoomInSection(m.id(), section);
        long id = meetings.insertItem(m.id(), number, section, t, Text.orNull(description), exempt, kind, kind == null ? "" : Text.orNull(standingScope));
        // The audit trail is read by roles that may not read exempt items: it records that one was added, not what it is.
        // Items are named by their id there, as their numbers move while the agenda is drafted.
        events.publishEvent(new Audited(Audited.Action.CREATE, "agenda_item", Long.toString(id), "Agenda item " + number + " of the "
                + committeeOf(m).name() + " meeting of " + DisplayFormat.dateWords(m.starts().toLocalDate()) + " added: "
                + (exempt ? "an exempt item" : t), null, Map.of("meeting", m.id(), "number", number, "section", section.name(), "exempt", exempt)));
    }

    Committee.Item item(Committee.Meeting m, int number, boolean everything) {
        return meetings.item(m.id(), number).filter(i -> everything || !i.exempt())
                .orElseThrow(() -> new NotFoundException("The meeting has no item " + number));
    }

    java.util.Optional<Committee.Report> report(Committee.Item i) {
        return meetings.report(i.id());
    }

    /** The report form's boxes, in its order. */
    private static final List<String> REPORT_BOXES = List.of("from", "to", "decisionNo", "classification", "pastPathway", "futurePathway",
            "electoralDivision", "summary", "verb", "recommendation", "body");

    /** The day the meeting's minutes were approved, from when its agenda and reports are the record; none until then. */
    java.util.Optional<LocalDate> approvedOn(Committee.Meeting m) {
        return minutes.minutesApprovedOn(m.id());
    }

    /**
     * Writes an item's report; {@code version} as read (-1 for a new one); a decision number is YY/NNNNN. Refused once the meeting's
     * minutes are approved: the report is then the record of what the meeting considered.
     */
    @Transactional
    void saveReport(Committee.Item i, Committee.Report r, int version) {
        minutes.minutesApprovedOn(i.meetingId()).ifPresent(on -> {
            throw new InputException("report", "The minutes of this meeting were approved on " + DisplayFormat.dateWords(on)
                    + ": its reports are the record of what it considered, and do not change");
        });
        List<InputException> wrong = new java.util.ArrayList<>();
        if (r.decisionNo() != null && !r.decisionNo().matches("[0-9]{2}/[0-9]{5}")) {
            wrong.add(new InputException("decisionNo", "A decision number is the year and a five-figure number, such as 18/00067"));
        } else if (r.decisionNo() != null && !decisions.decisionExists(r.decisionNo())) {
            wrong.add(new InputException("decisionNo", "There is no decision " + r.decisionNo() + ": choose the decision from the list, or put it on the forward plan first"));
        }
        String[][] bounded = {{"from", r.from(), "500"}, {"to", r.to(), "500"}, {"classification", r.classification(), "100"},
                {"pastPathway", r.pastPathway(), "500"}, {"futurePathway", r.futurePathway(), "500"}, {"electoralDivision", r.electoralDivision(), "500"},
                {"summary", r.summary(), "5000"}, {"recommendation", r.recommendation(), "5000"}, {"body", r.body(), "200000"}};
        for (String[] f : bounded) {
            if (f[1] != null && f[1].length() > Integer.parseInt(f[2])) {
                wrong.add(new InputException(f[0], "Write it in " + String.format("%,d", Integer.parseInt(f[2])) + " characters or fewer"));
            }
        }
        InputException.refuse(wrong, REPORT_BOXES);
        if (!meetings.saveReport(r, version)) {
            throw new ConflictException("Someone saved this report while you were writing: nothing was saved. Read theirs, then write yours again.");
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "report", Long.toString(i.id()),
                i.exempt() ? "Report written for exempt item " + i.number() : "Report written for item " + i.number() + ": " + i.title(), null,
                i.exempt() ? null : r));
    }

    /** Freezes the public pack as the next version, with its SHA-256, and records who published it. */
    @Transactional
    int publishPack(Committee.Meeting m, AgendaPack.Assembled a, java.time.OffsetDateTime assembledFrom, String user) {
        meetings.lockMeeting(m.id());
        if (m.status() == Committee.Status.CANCELLED) {
            throw new InputException("pack", "The meeting is cancelled: there is no pack to publish");
        }
        if (meetings.agendaChangedSince(m.id(), assembledFrom)) {
            throw new InputException("pack", "The agenda changed while the pack was being assembled: nothing was published. Publish it again");
        }
        var latest = meetings.packs(m.id()).stream().findFirst();
        if (latest.isPresent() && !meetings.agendaChangedSince(m.id(), latest.get().publishedAt())) {
            throw new InputException("pack", "Nothing in the agenda, its reports or its papers has changed since version " + latest.get().version()
                    + " was published");
        }
        String sha = DigestUtils.sha256Hex(a.pdf());
        int version = meetings.insertPack(m.id(), a.pdf(), sha, a.pages(), user);
        meetings.touchMeeting(m.id());
        events.publishEvent(new Audited(Audited.Action.PUBLISH, "agenda_pack", m.id() + ":" + version, "Agenda pack published for the "
                + committeeOf(m).name() + " meeting of " + m.starts().toLocalDate() + " (version " + version + ", " + a.pages() + " pages)", null,
                Map.of("pdf_sha256", sha, "pages", a.pages())));
        return version;
    }

    /** The kinds of paper a standing item may carry, as KIND|SCOPE with their names. */
    Map<String, String> standingKinds() {
        Map<String, String> names = Map.of("dashboard", "Performance dashboard", "qpr", "Quarterly Performance Report", "exceptions", "Exception report",
                "risks", "Risk register report", "budget", "Budget monitoring report", "rates", "Rates and charges",
                "directorate", "Directorate summary");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String[] k : meetings.publishedKinds()) {
            out.put(k[0] + "|" + k[1], names.get(k[0]) + ", " + (k[1].isEmpty() ? "the whole council" : k[1]));
        }
        return out;
    }

    /** Every paper the publishing module puts out, so that standing items carry the latest. A reaction: it follows the publication's commit. */
    @ApplicationModuleListener
    void on(PaperPublished p) {
        meetings.paperPublished(p.kind(), p.scope(), p.period(), p.version(), p.title());
    }

    private static String required(String field, String text, String missing, int max) {
        String t = Text.orNull(text);
        if (t == null) {
            throw new InputException(field, missing);
        }
        if (t.length() > max || t.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InputException(field, "Write it on one line, in " + max + " characters or fewer");
        }
        return t;
    }
}
