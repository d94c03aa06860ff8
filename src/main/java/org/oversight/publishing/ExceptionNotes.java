package org.oversight.publishing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exception reports for Red indicators, one per indicator and month: why, what action, by when,
 * who owns it; or the performance team's waiver with its reason. Saved with optimistic locking and
 * recorded in the audit trail.
 */
@Repository
class ExceptionNotes {

    record Note(long indicatorId, YearMonth month, String why, String action, LocalDate due, String owner, boolean waived, String waiver,
                String writtenBy, OffsetDateTime writtenAt, int version) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ExceptionNotes(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Map<Long, Note> forMonth(YearMonth month, Collection<Long> indicators) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from exception_note where period = :p and indicator_id in (:ids)").param("p", month.atDay(1)).param("ids", indicators)
                .query((rs, n) -> new Note(rs.getLong("indicator_id"), YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getString("why"),
                        rs.getString("action"), rs.getObject("due", LocalDate.class), rs.getString("owner"), rs.getBoolean("waived"),
                        rs.getString("waiver"), rs.getString("written_by"), rs.getObject("written_at", OffsetDateTime.class), rs.getInt("version")))
                .list().stream().collect(Collectors.toMap(Note::indicatorId, Function.identity()));
    }

    /**
     * Writes (or rewrites) an indicator's exception for a month; {@code version} is the one the writer
     * read (-1 for none yet). A waiver needs its reason; an exception needs all four parts.
     */
    @Transactional
    Note save(long indicator, String ref, YearMonth month, String why, String action, LocalDate due, String owner, boolean waived, String waiver,
              String user, int version) {
        if (waived) {
            require("waiver", waiver, "Say why the exception report is waived", 2000);
        } else {
            require("why", why, "Say why the indicator is Red", 4000);
            require("action", action, "Say what action is being taken", 4000);
            if (due == null) {
                throw new InputException("due", "Say by when, as a date such as 31 3 2019");
            }
            require("owner", owner, "Say who owns the action", 200);
        }
        Map<Long, Note> before = forMonth(month, List.of(indicator));
        Note was = before.get(indicator);
        int changed;
        if (was == null) {
            if (version != -1) {
                throw new ConflictException("Someone removed this exception report while you were writing; read it again.");
            }
            changed = jdbc.sql("""
                    insert into exception_note (indicator_id, period, why, action, due, owner, waived, waiver, written_by)
                    values (:i, :p, :why, :action, :due, :owner, :waived, :waiver, :u) on conflict do nothing""")
                    .params(params(indicator, month, why, action, due, owner, waived, waiver, user)).update();
        } else {
            changed = jdbc.sql("""
                    update exception_note set why = :why, action = :action, due = :due, owner = :owner, waived = :waived, waiver = :waiver,
                        written_by = :u, written_at = now(), version = version + 1 where indicator_id = :i and period = :p and version = :v""")
                    .params(params(indicator, month, why, action, due, owner, waived, waiver, user)).param("v", version).update();
        }
        if (changed == 0) {
            throw new ConflictException("Someone saved this exception report while you were writing: nothing was saved. Read theirs, then write yours again.");
        }
        Note now = forMonth(month, List.of(indicator)).get(indicator);
        events.publishEvent(new Audited(was == null ? Audited.Action.CREATE : Audited.Action.UPDATE, "exception", ref + ":" + month,
                (waived ? "Exception report waived for " : "Exception report written for ") + ref + ", " + month, was, now));
        return now;
    }

    private static Map<String, Object> params(long indicator, YearMonth month, String why, String action, LocalDate due, String owner,
                                              boolean waived, String waiver, String user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", indicator);
        m.put("p", month.atDay(1));
        m.put("why", waived ? null : Text.orNull(why));
        m.put("action", waived ? null : Text.orNull(action));
        m.put("due", waived ? null : due);
        m.put("owner", waived ? null : Text.orNull(owner));
        m.put("waived", waived);
        m.put("waiver", waived ? Text.orNull(waiver) : null);
        m.put("u", user);
        return m;
    }

    private static void require(String field, String text, String missing, int max) {
        if (Text.orNull(text) == null) {
            throw new InputException(field, missing);
        }
        if (text.length() > max) {
            throw new InputException(field, "Write " + max + " characters or fewer");
        }
    }
}
