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

    record Record(long meetingId, String present, String apologies, String substitutes, String declarations, Long approvedAt, LocalDate approvedOn,
                  int version, List<Minute> minutes) {
    }

    record Minute(int number, String title, String discussion, String resolved, Integer votesFor, Integer against, Integer abstained, boolean exempt) {
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
                .query((rs, n) -> new Minute(rs.getInt("number"), rs.getString("title"), rs.getString("discussion"), rs.getString("resolved"),
                        (Integer) rs.getObject("votes_for"), (Integer) rs.getObject("against"), (Integer) rs.getObject("abstained"), rs.getBoolean("exempt")))
                .list().stream().filter(x -> everything || !x.exempt()).toList();
        return jdbc.sql("select * from minutes where meeting_id = :m").param("m", m.id()).query((rs, n) -> new Record(rs.getLong("meeting_id"),
                rs.getString("present"), rs.getString("apologies"), rs.getString("substitutes"), rs.getString("declarations"),
                (Long) rs.getObject("approved_at_meeting"), rs.getObject("approved_on", LocalDate.class), rs.getInt("version"), minutes)).optional();
    }

    @Transactional
    void attendance(Committee.Meeting m, String present, String apologies, String substitutes, String declarations, int version, LocalDateTime now) {
        held(m, now);
        for (String[] f : new String[][]{{"present", present}, {"apologies", apologies}, {"substitutes", substitutes}, {"declarations", declarations}}) {
            if (f[1] != null && f[1].length() > 5_000) {
                throw new InputException(f[0], "Write it in 5,000 characters or fewer");
            }
        }
        Optional<Record> before = of(m, true);
        approvedNot(before);
        int changed = before.isEmpty()
                ? jdbc.sql("insert into minutes (meeting_id, present, apologies, substitutes, declarations) values (:m, :p, :a, :s, :d) on conflict do nothing")
                .param("m", m.id()).param("p", Text.orNull(present)).param("a", Text.orNull(apologies)).param("s", Text.orNull(substitutes))
                .param("d", Text.orNull(declarations)).update()
                : jdbc.sql("""
                update minutes set present = :p, apologies = :a, substitutes = :s, declarations = :d, modified_at = now(), version = version + 1
                where meeting_id = :m and version = :v""").param("m", m.id()).param("p", Text.orNull(present)).param("a", Text.orNull(apologies))
                .param("s", Text.orNull(substitutes)).param("d", Text.orNull(declarations)).param("v", version).update();
        if (changed == 0) {
            throw new ConflictException("Someone saved these minutes while you were writing: nothing was saved. Read them again.");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "minutes", Long.toString(m.id()), "Attendance recorded in the minutes", null,
                Map.of("present", s(present), "apologies", s(apologies))));
    }

    /** The next minute; a resolution is written as it is read, starting "RESOLVED that". */
    @Transactional
    int add(Committee.Meeting m, String title, String discussion, String resolved, Integer votesFor, Integer against, Integer abstained, boolean exempt,
            LocalDateTime now) {
        held(m, now);
        String t = Text.orNull(title);
        if (t == null || t.length() > 500) {
            throw new InputException("minuteTitle", "Give the minute's heading, in 500 characters or fewer");
        }
        String r = Text.orNull(resolved);
        if (r != null && !r.startsWith("RESOLVED that")) {
            throw new InputException("resolved", "A resolution reads as it is minuted, beginning: RESOLVED that");
        }
        if (!(votesFor == null && against == null && abstained == null) && (votesFor == null || against == null || abstained == null)) {
            throw new InputException("votesFor", "Give all three of the votes (for, against, abstained), or none when there was no vote");
        }
        if (votesFor != null && (votesFor < 0 || against < 0 || abstained < 0)) {
            throw new InputException("votesFor", "Votes are counted from 0");
        }
        if (discussion != null && discussion.length() > 20_000 || r != null && r.length() > 5_000) {
            throw new InputException(discussion != null && discussion.length() > 20_000 ? "discussion" : "resolved", "That is too long to minute");
        }
        Optional<Record> record = of(m, true);
        approvedNot(record);
        if (record.isEmpty()) {
            jdbc.sql("insert into minutes (meeting_id) values (:m) on conflict do nothing").param("m", m.id()).update();
        }
        jdbc.sql("select meeting_id from minutes where meeting_id = :m for update").param("m", m.id()).query(Long.class).single();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from minute where meeting_id = :m").param("m", m.id()).query(Integer.class).single();
        jdbc.sql("""
                insert into minute (meeting_id, number, title, discussion, resolved, votes_for, against, abstained, exempt)
                values (:m, :n, :t, :d, :r, :f, :a, :x, :e)""").param("m", m.id()).param("n", number).param("t", t).param("d", Text.orNull(discussion))
                .param("r", r).param("f", votesFor).param("a", against).param("x", abstained).param("e", exempt).update();
        events.publishEvent(new Audited(Audited.Action.CREATE, "minute", m.id() + ":" + number, "Minute " + number + " recorded: " + t, null,
                Map.of("resolved", s(r))));
        return number;
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
        held(later, now);
        jdbc.sql("update minutes set approved_at_meeting = :at, approved_on = :on, modified_at = now(), version = version + 1 where meeting_id = :m")
                .param("at", at).param("on", later.starts().toLocalDate()).param("m", m.id()).update();
        events.publishEvent(new Audited(Audited.Action.UPDATE, "minutes", Long.toString(m.id()), "Minutes approved at the meeting of "
                + later.starts().toLocalDate(), null, Map.of("approved_at_meeting", at)));
    }

    private static void held(Committee.Meeting m, LocalDateTime now) {
        if (m.starts().isAfter(now) || m.status() == Committee.Status.CANCELLED || m.status() == Committee.Status.POSTPONED) {
            throw new InputException("minutes", "Minutes are recorded once the meeting has met");
        }
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
