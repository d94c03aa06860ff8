package org.oversight.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link Recorded} event (plain {@link Audited} changes among them) in the
 * transaction that made it, and searches the trail; one listener among the modules that may listen.
 * Nothing here updates or deletes: the table refuses it (see V2__platform.sql).
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CurrentUser user;

    AuditTrail(JdbcClient jdbc, JsonMapper json, CurrentUser user) {
        this.jdbc = jdbc;
        this.json = json;
        this.user = user;
    }

    // A rule, not a reaction: synchronous, in the act's transaction, so that an act without its record does not commit.
    @EventListener
    void record(Recorded event) {
        Audited e = event.audited();
        jdbc.sql("""
                insert into audit_event (actor, action, record_type, record_id, summary, before, after)
                values (:actor, :action, :type, :id, :summary, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("actor", user.name()).param("action", e.action().name()).param("type", e.recordType())
                .param("id", e.recordId()).param("summary", e.summary())
                .param("before", e.before() == null ? null : json.writeValueAsString(e.before()))
                .param("after", e.after() == null ? null : json.writeValueAsString(e.after())).update();
    }

    public record Entry(long id, OffsetDateTime at, String actor, String action, String recordType, String recordId,
                        String summary, String before, String after) {
    }

    /**
     * Newest first. {@code record} matches a record and its parts ('7' finds '7' and '7:2019-01');
     * {@code type} is one record type or several separated by commas.
     */
    public List<Entry> search(String actor, LocalDate from, LocalDate to, String type, String record, int limit) {
        return search(actor, from, to, type, record, limit, 0, true);
    }

    /** Records about people and their access: an administrator's to read, not the performance or risk team's. */
    static final List<String> PEOPLE = List.of("user", "api-token");

    /**
     * The same, {@code offset} entries on: a page of the trail. At most 100,000 at a time. Without
     * {@code people}, the records about accounts and tokens ({@link #PEOPLE}) are left out.
     */
    public List<Entry> search(String actor, LocalDate from, LocalDate to, String type, String record, int limit, int offset, boolean people) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        Map<String, Object> p = new HashMap<>();
        if (!people) {
            sql.append(" and record_type not in (:people)");
            p.put("people", PEOPLE);
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor ilike :actor");
            p.put("actor", "%" + actor.strip() + "%");
        }
        if (from != null) {
            sql.append(" and at >= :from");
            p.put("from", from.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" and at < :to");
            p.put("to", to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (type != null && !type.isBlank()) {
            // Several types, comma-separated: a record with its parts of other types (an indicator with its figures and targets).
            sql.append(" and record_type in (:type)");
            p.put("type", Arrays.stream(type.split(",")).map(String::strip).toList());
        }
        if (record != null && !record.isBlank()) {
            sql.append(" and (record_id = :record or record_id like :parts)");
            p.put("record", record.strip());
            p.put("parts", record.strip().replace("%", "\\%").replace("_", "\\_") + ":%");
        }
        sql.append(" order by at desc, id desc limit :limit offset :offset");
        p.put("limit", Math.max(1, Math.min(limit, 100_000)));
        p.put("offset", Math.max(0, offset));
        List<Entry> out = new ArrayList<>();
        jdbc.sql(sql.toString()).params(p).query(rs -> {
            out.add(new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("action"),
                    rs.getString("record_type"), rs.getString("record_id"), rs.getString("summary"), rs.getString("before"),
                    rs.getString("after")));
        });
        return out;
    }
}
