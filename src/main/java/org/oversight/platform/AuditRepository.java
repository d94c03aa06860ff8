package org.oversight.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail's entries: written once, never changed (the table refuses it, see V2__platform.sql). */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code before} and {@code after} as JSON text, or none. */
    void insert(String actor, String action, String type, String id, String summary, String before, String after) {
        jdbc.sql("""
                insert into audit_event (actor, action, record_type, record_id, summary, before, after)
                values (:actor, :action, :type, :id, :summary, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("actor", actor).param("action", action).param("type", type).param("id", id).param("summary", summary)
                .param("before", before).param("after", after).update();
    }

    /** As {@link AuditTrail#search(String, LocalDate, LocalDate, String, String, int, int, boolean)} says. */
    List<AuditTrail.Entry> search(String actor, LocalDate from, LocalDate to, String type, String record, int limit, int offset, boolean people) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        Map<String, Object> p = new HashMap<>();
        if (!people) {
            sql.append(" and record_type not in (:people)");
            p.put("people", AuditTrail.PEOPLE);
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
        List<AuditTrail.Entry> out = new ArrayList<>();
        jdbc.sql(sql.toString()).params(p).query(rs -> {
            out.add(new AuditTrail.Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("action"),
                    rs.getString("record_type"), rs.getString("record_id"), rs.getString("summary"), rs.getString("before"),
                    rs.getString("after")));
        });
        return out;
    }
}
