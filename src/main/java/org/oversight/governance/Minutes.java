package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minutes: recorded once the meeting has met, numbered, each with its discussion and resolution
 * and the votes if there was one; a draft until a later meeting of the same committee approves
 * them (recorded), and then fixed — the database refuses any change.
 */
@Service
class Minutes {

    record Record(long meetingId, Map<String, String> attendance, Long approvedAt, LocalDate approvedOn, int version, List<Minute> minutes) {
    }

    /** {@code number} 0 when adding: the next in the committee's series; {@code item}: the agenda item it records, if given. */
    record Minute(int number, Integer item, String title, String discussion, String resolved, Integer votesFor, Integer against, Integer abstained,
                  boolean exempt) {
    }

    /** The attendance a council's minutes print, in order: form field → column. */
    static final Map<String, String> ATTENDANCE = orderedAttendance();

    private static Map<String, String> orderedAttendance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("present", "present");
        m.put("alsoPresent", "also_present");
        m.put("inAttendance", "in_attendance");
        m.put("apologies", "apologies");
        m.put("substitutes", "substitutes");
        m.put("declarations", "declarations");
        return Collections.unmodifiableMap(m);
    }

    private final MinutesRepository store;
    private final MeetingRepository meetings;
    private final Meetings schedule;
    private final Agendas agendas;
    private final ApplicationEventPublisher events;

    Minutes(MinutesRepository store, MeetingRepository meetings, Meetings schedule, Agendas agendas, ApplicationEventPublisher events) {
        this.store = store;
        this.meetings = meetings;
        this.schedule = schedule;
        this.agendas = agendas;
        this.events = events;
    }

    /** The minutes, if any; the public's without exempt minutes. */
    Optional<Record> of(Committee.Meeting m, boolean everything) {
        List<Minute> minutes = store.minutes(m.id()).stream().filter(x -> everything || !x.exempt()).toList();
        return store.record(m.id(), minutes);
    }

    /** Who was there, as {@link #ATTENDANCE}'s fields; a field not given is saved empty. */
    @Transactional
    void attendance(Committee.Meeting m, Map<String, String> fields, int version, LocalDateTime now) {
        held(m, now);
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, String> f : ATTENDANCE.entrySet()) {
            String v = fields.get(f.getKey());
            if (v != null && v.length() > 5_000) {
                throw new InputException(f.getKey(), "Write it in 5,000 characters or fewer");
            }
            values.put(f.getValue(), Text.orNull(v));
        }
        Optional<Record> before = of(m, true);
        approvedNot(before);
        int changed = before.isEmpty() ? store.insertAttendance(m.id(), values) : store.updateAttendance(m.id(), values, version);
        if (changed == 0) {
            throw new ConflictException("Someone saved these minutes while you were writing: nothing was saved. Read them again.");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "minutes", Long.toString(m.id()), "Attendance recorded in the minutes",
                before.map(Record::attendance).orElse(null), values));
    }

    /**
     * Adds a minute; a resolution is written as it is read, starting "RESOLVED that". Numbered next in the
     * committee's series (on from its previous meeting's minutes) unless the clerk gives the number, as at
     * the start of a municipal year; numbers only rise within a meeting.
     */
    @Transactional
    int add(Committee.Meeting m, Minute x, LocalDateTime now) {
        held(m, now);
        String t = Text.orNull(x.title());
        if (t == null || t.length() > 500) {
            throw new InputException("minuteTitle", "Give the minute's heading, in 500 characters or fewer");
        }
        String r = Text.orNull(x.resolved());
        if (r != null && r.regionMatches(true, 0, "RESOLVED that", 0, 13)) {
            r = "RESOLVED that" + r.substring(13); // as minutes print it, however it was typed
        }
        if (r != null && !r.startsWith("RESOLVED that")) {
            throw new InputException("resolved", "A resolution reads as it is minuted, beginning: RESOLVED that");
        }
        Integer votesFor = x.votesFor(), against = x.against(), abstained = x.abstained();
        if (!(votesFor == null && against == null && abstained == null) && (votesFor == null || against == null || abstained == null)) {
            throw new InputException("votesFor", "Give all three of the votes (for, against, abstained), or none when there was no vote");
        }
        if (votesFor != null && (votesFor < 0 || against < 0 || abstained < 0 || votesFor > 999 || against > 999 || abstained > 999)) {
            throw new InputException("votesFor", "Votes are counted from 0 to 999");
        }
        String discussion = x.discussion();
        if (discussion != null && discussion.length() > 20_000 || r != null && r.length() > 5_000) {
            throw new InputException(discussion != null && discussion.length() > 20_000 ? "discussion" : "resolved", "That is too long to minute");
        }
        if (x.item() != null && (x.item() < 1 || x.item() > 999)) {
            throw new InputException("item", "An agenda item is numbered 1 to 999");
        }
        // A meeting whose agenda is recorded here: the minute names one of its items (one without, such as a meeting before Oversight, may name any).
        List<Committee.Item> agenda = agendas.agenda(m, true);
        if (x.item() != null && !agenda.isEmpty() && agenda.stream().noneMatch(i -> i.number() == x.item())) {
            throw new InputException("item", "The meeting's agenda has no item " + x.item());
        }
        if (x.number() < 0 || x.number() > 999) {
            throw new InputException("minuteNumber", "A minute is numbered 1 to 999");
        }
        Optional<Record> record = of(m, true);
        approvedNot(record);
        if (record.isEmpty()) {
            store.start(m.id());
        }
        store.lock(m.id());
        Integer last = store.lastNumber(m.id()).orElse(null);
        if (last != null && x.number() != 0 && x.number() <= last) {
            throw new InputException("minuteNumber", "This meeting's minutes run to " + last + ": the next is " + (last + 1) + " or later");
        }
        int number = x.number() != 0 ? x.number() : next(m);
        if (number > 999) {
            throw new InputException("minuteNumber", "Minute numbers have reached 999: give the number to start again from");
        }
        store.insertMinute(m.id(), number, x.item(), t, Text.orNull(discussion), r, votesFor, against, abstained, x.exempt());
        events.publishEvent(new Audited(Audited.Action.CREATE, "minute", m.id() + ":" + number, x.exempt() ? "Exempt minute " + number + " recorded"
                : "Minute " + number + " recorded: " + t, null, x.exempt() ? Map.of() : Map.of("resolved", s(r))));
        return number;
    }

    /** The number the next minute of this meeting takes: on from its own, or else from the committee's earlier meetings' minutes. */
    int next(Committee.Meeting m) {
        return store.nextNumber(m.id(), m.committeeId(), m.starts());
    }

    /** Approved at a later meeting of the same committee, which has met: from then on the minutes are fixed. */
    @Transactional
    void approve(Committee.Meeting m, long at, LocalDateTime now) {
        Optional<Record> record = of(m, true);
        if (record.isEmpty()) {
            throw new InputException("at", "There are no minutes to approve");
        }
        approvedNot(record);
        Committee.Meeting later = schedule.meeting(at);
        if (later.committeeId() != m.committeeId() || !later.starts().isAfter(m.starts())) {
            throw new InputException("at", "Minutes are approved at a later meeting of the same committee");
        }
        if (later.starts().isAfter(now) || later.status() == Committee.Status.CANCELLED || later.status() == Committee.Status.POSTPONED) {
            throw new InputException("at", "Minutes are approved at a meeting that has met");
        }
        store.approve(m.id(), at, later.starts().toLocalDate());
        events.publishEvent(new Audited(Audited.Action.UPDATE, "minutes", Long.toString(m.id()), "Minutes approved at the meeting of "
                + later.starts().toLocalDate(), null, Map.of("approved_at_meeting", at)));
    }

    /** Minutes are of a meeting that has met: one still marked scheduled is marked held. */
    private void held(Committee.Meeting m, LocalDateTime now) {
        if (m.starts().isAfter(now) || m.status() == Committee.Status.CANCELLED || m.status() == Committee.Status.POSTPONED) {
            throw new InputException("minutes", "Minutes are recorded once the meeting has met");
        }
        meetings.markHeld(m.id());
    }

    private static void approvedNot(Optional<Record> r) {
        if (r.isPresent() && r.get().approvedAt() != null) {
            throw new InputException("minutes", "These minutes were approved on " + r.get().approvedOn() + " and cannot be changed");
        }
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
