package org.oversight.delays;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Better Care Fund targets as stored: a month's delayed days in total and by body ({@code total}, {@code nhs}, {@code social_care}, {@code both}). */
@Repository
class DelayTargetRepository {

    private final JdbcClient jdbc;

    DelayTargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The month's targets by body. */
    Map<String, BigDecimal> targets(YearMonth month) {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbc.sql("select body, days from delay_target where month = :m").param("m", month.atDay(1)).query(rs -> {
            out.put(rs.getString("body"), DelayedDays.written(rs.getBigDecimal("days")));
        });
        return out;
    }

    /** The target for all delays of each month from {@code from} to {@code to} that has one. */
    Map<YearMonth, BigDecimal> totalTargets(YearMonth from, YearMonth to) {
        Map<YearMonth, BigDecimal> out = new HashMap<>();
        jdbc.sql("select month, days from delay_target where body = 'total' and month between :f and :t").param("f", from.atDay(1)).param("t", to.atDay(1))
                .query(rs -> {
                    out.put(YearMonth.from(rs.getDate("month").toLocalDate()), DelayedDays.written(rs.getBigDecimal("days")));
                });
        return out;
    }

    /** The month's targets replace those it had; a body without one has none. */
    void save(YearMonth month, Map<String, BigDecimal> days, String user) {
        jdbc.sql("delete from delay_target where month = :m").param("m", month.atDay(1)).update();
        days.forEach((body, d) -> jdbc.sql("insert into delay_target (month, body, days, entered_by) values (:m, :b, :d, :u)").param("m", month.atDay(1))
                .param("b", body).param("d", d).param("u", user).update());
    }
}
