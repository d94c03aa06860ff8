package org.oversight.publishing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exception reports for Red indicators, one per indicator and month, each changed only from the version read. */
@Repository
class ExceptionNoteRepository {

    private final JdbcClient jdbc;

    ExceptionNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, ExceptionNotes.Note> forMonth(YearMonth month, Collection<Long> indicators) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from exception_note where period = :p and indicator_id in (:ids)").param("p", month.atDay(1)).param("ids", indicators)
                .query((rs, n) -> new ExceptionNotes.Note(rs.getLong("indicator_id"), YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getString("why"),
                        rs.getString("action"), rs.getObject("due", LocalDate.class), rs.getString("owner"), rs.getBoolean("waived"),
                        rs.getString("waiver"), rs.getString("written_by"), rs.getObject("written_at", OffsetDateTime.class), rs.getInt("version")))
                .list().stream().collect(Collectors.toMap(ExceptionNotes.Note::indicatorId, Function.identity()));
    }

    /** The month's first exception for the indicator; false when someone wrote one meanwhile. */
    boolean insert(long indicator, YearMonth month, ExceptionNotes.Written w) {
        return jdbc.sql("""
                insert into exception_note (indicator_id, period, why, action, due, owner, waived, waiver, written_by)
                values (:i, :p, :why, :action, :due, :owner, :waived, :waiver, :u) on conflict do nothing""")
                .params(params(indicator, month, w)).update() > 0;
    }

    /** Rewrites it if nobody saved it since {@code version}; false when someone did. */
    boolean update(long indicator, YearMonth month, ExceptionNotes.Written w, int version) {
        return jdbc.sql("""
                update exception_note set why = :why, action = :action, due = :due, owner = :owner, waived = :waived, waiver = :waiver,
                    written_by = :u, written_at = now(), version = version + 1 where indicator_id = :i and period = :p and version = :v""")
                .params(params(indicator, month, w)).param("v", version).update() > 0;
    }

    /** A waiver keeps only its reason; an exception, all but a waiver's. */
    private static Map<String, Object> params(long indicator, YearMonth month, ExceptionNotes.Written w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", indicator);
        m.put("p", month.atDay(1));
        m.put("why", w.waived() ? null : Text.orNull(w.why()));
        m.put("action", w.waived() ? null : Text.orNull(w.action()));
        m.put("due", w.waived() ? null : w.due());
        m.put("owner", w.waived() ? null : Text.orNull(w.owner()));
        m.put("waived", w.waived());
        m.put("waiver", w.waived() ? Text.orNull(w.waiver()) : null);
        m.put("u", w.by());
        return m;
    }
}
