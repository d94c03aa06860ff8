package org.oversight.governance;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' requests for a committee's work programme as stored. */
@Repository
class WorkRequestRepository {

    private final JdbcClient jdbc;

    WorkRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WorkProgramme.Request> requests(long committee) {
        return jdbc.sql("select * from work_request where committee_id = :c order by id").param("c", committee)
                .query((rs, n) -> new WorkProgramme.Request(rs.getLong("id"), rs.getString("title"), rs.getString("requested_by"), (Long) rs.getObject("meeting_id")))
                .list();
    }

    /** When the committee's programme last changed: its meetings, their items, its requests or the decisions sent to it; null if never. */
    OffsetDateTime lastUpdated(long committee) {
        return jdbc.sql("""
                select max(t) from (
                    select max(modified_at) as t from meeting where committee_id = :c
                    union all select max(i.modified_at) from agenda_item i join meeting m on m.id = i.meeting_id where m.committee_id = :c
                    union all select max(modified_at) from work_request where committee_id = :c
                    union all select max(modified_at) from decision where committee_id = :c) x""").param("c", committee)
                .query(OffsetDateTime.class).optional().orElse(null);
    }

    void insert(long committee, String title, String requestedBy, Long meeting) {
        jdbc.sql("insert into work_request (committee_id, title, requested_by, meeting_id) values (:c, :t, :r, :m)").param("c", committee).param("t", title)
                .param("r", requestedBy).param("m", meeting).update();
    }
}
