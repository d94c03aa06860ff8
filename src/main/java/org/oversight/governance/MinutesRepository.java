package org.oversight.governance;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The minutes of meetings as stored. */
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
    java.util.Optional<LocalDate> minutesApprovedOn(long meeting) {
        return jdbc.sql("select approved_on from minutes where meeting_id = :m and approved_at_meeting is not null").param("m", meeting)
                .query(LocalDate.class).optional();
    }

    boolean hasMinutes(long meeting) {
        return jdbc.sql("select count(*) from minutes where meeting_id = :m").param("m", meeting).query(Integer.class).single() > 0;
    }
}
