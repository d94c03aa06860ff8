package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("present", "present");
        m.put("alsoPresent", "also_present");
        m.put("inAttendance", "in_attendance");
        m.put("apologies", "apologies");
        m.put("substitutes", "substitutes");
        m.put("declarations", "declarations");
        return java.util.Collections.unmodifiableMap(m);
    }

    private final JdbcClient jdbc;
    private final Committees committees;
    private final ApplicationEventPublisher events;

    Minutes(JdbcClient jdbc, Committees committees, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.committees = committees;
        this.events = events;
    }

    /** The minutes, if any; the public's without exempt minutes. */
    Optional<Record> of(Committee.Meeting m, boolean everything) {
        List<Minute> minutes = jdbc.sql("select * from minute where meeting_id = :m order by number").param("m", m.id())
                .query((rs, n) -> new Minute(rs.getInt("number"), (Integer) rs.getObject("item"), rs.getString("title"), rs.getString("discussion"), rs.getString("resolved"),
                        (Integer) rs.getObject("votes_for"), (Integer) rs.getObject("against"), (Integer) rs.getObject("abstained"), rs.getBoolean("exempt")))
                .list().stream().filter(x -> everything || !x.exempt()).toList();
        return jdbc.sql("select * from minutes where meeting_id = :m").param("m", m.id()).query((rs, n) -> {
            Map<String, String> attendance = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> f : ATTENDANCE.entrySet()) {
                attendance.put(f.getKey(), rs.getString(f.getValue()));
            }
            return new Record(rs.getLong("meeting_id"), attendance, (Long) rs.getObject("approved_at_meeting"), rs.getObject("approved_on", LocalDate.class),
                    rs.getInt("version"), minutes);
        }).optional();
    }

    /** Who was there, as {@link #ATTENDANCE}'s fields; a field not given is saved empty. */
    @Transactional
    void attendance(Committee.Meeting m, Map<String, String> fields, int version, LocalDateTime now) {
        held(m, now);
        Map<String, Object> values = new java.util.HashMap<>();
        for (Map.Entry<String, String> f : ATTENDANCE.entrySet()) {
            String v = fields.get(f.getKey());
            if (v != null && v.length() > 5_000) {
                throw new InputException(f.getKey(), "Write it in 5,000 characters or fewer");
            }
            values.put(f.getValue(), Text.orNull(v));
        }
        Optional<Record> before = of(m, true);
        approvedNot(before);
        String columns = String.join(", ", ATTENDANCE.values());
        int changed = before.isEmpty()
                ? jdbc.sql("insert into minutes (meeting_id, " + columns + ") values (:meeting_id, :" + String.join(", :", ATTENDANCE.values())
                + ") on conflict do nothing").params(values).param("meeting_id", m.id()).update()
                : jdbc.sql("update minutes set " + ATTENDANCE.values().stream().map(c -> c + " = :" + c).collect(java.util.stream.Collectors.joining(", "))
                + ", modified_at = now(), version = version + 1 where meeting_id = :meeting_id and version = :version").params(values)
                .param("meeting_id", m.id()).param("version", version).update();
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
        List<Committee.Item> agenda = committees.agenda(m, true);
        if (x.item() != null && !agenda.isEmpty() && agenda.stream().noneMatch(i -> i.number() == x.item())) {
            throw new InputException("item", "The meeting's agenda has no item " + x.item());
        }
        if (x.number() < 0 || x.number() > 999) {
            throw new InputException("minuteNumber", "A minute is numbered 1 to 999");
        }
        Optional<Record> record = of(m, true);
        approvedNot(record);
        if (record.isEmpty()) {
            jdbc.sql("insert into minutes (meeting_id) values (:m) on conflict do nothing").param("m", m.id()).update();
        }
        jdbc.sql("select meeting_id from minutes where meeting_id = :m for update").param("m", m.id()).query(Long.class).single();
        Integer last = jdbc.sql("select max(number) from minute where meeting_id = :m").param("m", m.id()).query(Integer.class).optional().orElse(null);
        if (last != null && x.number() != 0 && x.number() <= last) {
            throw new InputException("minuteNumber", "This meeting's minutes run to " + last + ": the next is " + (last + 1) + " or later");
        }
        int number = x.number() != 0 ? x.number() : next(m);
        if (number > 999) {
            throw new InputException("minuteNumber", "Minute numbers have reached 999: give the number to start again from");
        }
        jdbc.sql("""
                insert into minute (meeting_id, number, item, title, discussion, resolved, votes_for, against, abstained, exempt)
                values (:m, :n, :i, :t, :d, :r, :f, :a, :x, :e)""").param("m", m.id()).param("n", number).param("i", x.item()).param("t", t)
                .param("d", Text.orNull(discussion)).param("r", r).param("f", votesFor).param("a", against).param("x", abstained).param("e", x.exempt()).update();
        events.publishEvent(new Audited(Audited.Action.CREATE, "minute", m.id() + ":" + number, x.exempt() ? "Exempt minute " + number + " recorded"
                : "Minute " + number + " recorded: " + t, null, x.exempt() ? Map.of() : Map.of("resolved", s(r))));
        return number;
    }

    /** The number the next minute of this meeting takes: on from its own, or else from the committee's earlier meetings' minutes. */
    int next(Committee.Meeting m) {
        return jdbc.sql("""
                select coalesce((select max(number) from minute where meeting_id = :m),
                                (select max(x.number) from minute x join meeting o on o.id = x.meeting_id
                                 where o.committee_id = :c and o.starts_at < :s and o.deleted_at is null), 0) + 1""")
                .param("m", m.id()).param("c", m.committeeId()).param("s", m.starts()).query(Integer.class).single();
    }

    /** Approved at a later meeting of the same committee, which has met: from then on the minutes are fixed. */
    @Transactional
    void approve(Committee.Meeting m, long at, LocalDateTime now) {
        Optional<Record> record = of(m, true);
        if (record.isEmpty()) {
            throw new InputException("approvedAt", "There are no minutes to approve");
        }
        approvedNot(record);
        Committee.Meeting later = committees.meeting(at);
        if (later.committeeId() != m.committeeId() || !later.starts().isAfter(m.starts())) {
            throw new InputException("approvedAt", "Minutes are approved at a later meeting of the same committee");
        }
        if (later.starts().isAfter(now) || later.status() == Committee.Status.CANCELLED || later.status() == Committee.Status.POSTPONED) {
            throw new InputException("approvedAt", "Minutes are approved at a meeting that has met");
        }
        jdbc.sql("update minutes set approved_at_meeting = :at, approved_on = :on, modified_at = now(), version = version + 1 where meeting_id = :m")
                .param("at", at).param("on", later.starts().toLocalDate()).param("m", m.id()).update();
        events.publishEvent(new Audited(Audited.Action.UPDATE, "minutes", Long.toString(m.id()), "Minutes approved at the meeting of "
                + later.starts().toLocalDate(), null, Map.of("approved_at_meeting", at)));
    }

    /** Minutes are of a meeting that has met: one still marked scheduled is marked held. */
    private void held(Committee.Meeting m, LocalDateTime now) {
        if (m.starts().isAfter(now) || m.status() == Committee.Status.CANCELLED || m.status() == Committee.Status.POSTPONED) {
            throw new InputException("minutes", "Minutes are recorded once the meeting has met");
        }
        jdbc.sql("update meeting set status = 'HELD', modified_at = now(), version = version + 1 where id = :m and status = 'SCHEDULED'").param("m", m.id()).update();
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
