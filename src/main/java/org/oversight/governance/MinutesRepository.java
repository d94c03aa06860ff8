package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The minutes of meetings as stored: the attendance, approval and version of each meeting's, and its numbered minutes. */
@Repository
class MinutesRepository {

    private final JdbcClient jdbc;

    MinutesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean approvedMinutesAt(long meeting) {
        return jdbc.sql("select count(*) from minutes where approved_at_meeting = :m").param("m", meeting).query(Integer.class).single() > 0;
    }

    /** The day the meeting's minutes were approved; none while they are a draft, or not written. */
    Optional<LocalDate> minutesApprovedOn(long meeting) {
        return jdbc.sql("select approved_on from minutes where meeting_id = :m and approved_at_meeting is not null").param("m", meeting)
                .query(LocalDate.class).optional();
    }

    boolean hasMinutes(long meeting) {
        return jdbc.sql("select count(*) from minutes where meeting_id = :m").param("m", meeting).query(Integer.class).single() > 0;
    }

    List<Minutes.Minute> minutes(long meeting) {
        return jdbc.sql("select * from minute where meeting_id = :m order by number").param("m", meeting)
                .query((rs, n) -> new Minutes.Minute(rs.getInt("number"), (Integer) rs.getObject("item"), rs.getString("title"), rs.getString("discussion"), rs.getString("resolved"),
                        (Integer) rs.getObject("votes_for"), (Integer) rs.getObject("against"), (Integer) rs.getObject("abstained"), rs.getBoolean("exempt")))
                .list();
    }

    /** The meeting's minutes, carrying {@code minutes} as read; none if they were never started. */
    Optional<Minutes.Record> record(long meeting, List<Minutes.Minute> minutes) {
        return jdbc.sql("select * from minutes where meeting_id = :m").param("m", meeting).query((rs, n) -> {
            Map<String, String> attendance = new LinkedHashMap<>();
            for (Map.Entry<String, String> f : Minutes.ATTENDANCE.entrySet()) {
                attendance.put(f.getKey(), rs.getString(f.getValue()));
            }
            return new Minutes.Record(rs.getLong("meeting_id"), attendance, (Long) rs.getObject("approved_at_meeting"), rs.getObject("approved_on", LocalDate.class),
                    rs.getInt("version"), minutes);
        }).optional();
    }

    /** Starts the meeting's minutes with their attendance ({@link Minutes#ATTENDANCE}'s columns); 0 if someone started them meanwhile. */
    int insertAttendance(long meeting, Map<String, Object> values) {
        String columns = String.join(", ", Minutes.ATTENDANCE.values());
        return jdbc.sql("insert into minutes (meeting_id, " + columns + ") values (:meeting_id, :" + String.join(", :", Minutes.ATTENDANCE.values())
                + ") on conflict do nothing").params(values).param("meeting_id", meeting).update();
    }

    /** 0 if someone saved the minutes since {@code version} was read. */
    int updateAttendance(long meeting, Map<String, Object> values, int version) {
        return jdbc.sql("update minutes set " + Minutes.ATTENDANCE.values().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "))
                + ", modified_at = now(), version = version + 1 where meeting_id = :meeting_id and version = :version").params(values)
                .param("meeting_id", meeting).param("version", version).update();
    }

    void start(long meeting) {
        jdbc.sql("insert into minutes (meeting_id) values (:m) on conflict do nothing").param("m", meeting).update();
    }

    /** Locks the meeting's minutes: two minutes added at once are numbered one after the other. */
    void lock(long meeting) {
        jdbc.sql("select meeting_id from minutes where meeting_id = :m for update").param("m", meeting).query(Long.class).single();
    }

    Optional<Integer> lastNumber(long meeting) {
        return jdbc.sql("select max(number) from minute where meeting_id = :m").param("m", meeting).query(Integer.class).optional();
    }

    void insertMinute(long meeting, int number, Integer item, String title, String discussion, String resolved, Integer votesFor, Integer against,
                      Integer abstained, boolean exempt) {
        jdbc.sql("""
                insert into minute (meeting_id, number, item, title, discussion, resolved, votes_for, against, abstained, exempt)
                values (:m, :n, :i, :t, :d, :r, :f, :a, :x, :e)""").param("m", meeting).param("n", number).param("i", item).param("t", title)
                .param("d", discussion).param("r", resolved).param("f", votesFor).param("a", against).param("x", abstained).param("e", exempt).update();
    }

    /** One more than the meeting's last minute, or else than the last of the committee's meetings before {@code starts}; 1 for the first. */
    int nextNumber(long meeting, long committee, LocalDateTime starts) {
        return jdbc.sql("""
                select coalesce((select max(number) from minute where meeting_id = :m),
                                (select max(x.number) from minute x join meeting o on o.id = x.meeting_id
                                 where o.committee_id = :c and o.starts_at < :s and o.deleted_at is null), 0) + 1""")
                .param("m", meeting).param("c", committee).param("s", starts).query(Integer.class).single();
    }

    void approve(long meeting, long at, LocalDate on) {
        jdbc.sql("update minutes set approved_at_meeting = :at, approved_on = :on, modified_at = now(), version = version + 1 where meeting_id = :m")
                .param("at", at).param("on", on).param("m", meeting).update();
    }

    /** The demo's minutes as the agenda prints them: attendance ({@link Minutes#ATTENDANCE}'s columns) first. */
    void loadAttendance(long meeting, Map<String, Object> attendance) {
        jdbc.sql("insert into minutes (meeting_id, " + String.join(", ", Minutes.ATTENDANCE.values()) + ") values (:meeting_id, :"
                + String.join(", :", Minutes.ATTENDANCE.values()) + ")").params(attendance).param("meeting_id", meeting).update();
    }

    void loadMinute(long meeting, int number, int item, String title, String discussion, String resolved) {
        jdbc.sql("insert into minute (meeting_id, number, item, title, discussion, resolved) values (:m, :n, :i, :t, :d, :r)").param("m", meeting)
                .param("n", number).param("i", item).param("t", title).param("d", discussion).param("r", resolved).update();
    }
}
