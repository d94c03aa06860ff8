package org.oversight.finance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each service's activity budget by month. */
@Repository
class ActivityBudgetRepository {

    private final JdbcClient jdbc;

    ActivityBudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveActivity(YearMonth month, ActivityBudget a, String user) {
        jdbc.sql("""
                insert into activity_budget (service, month, affordable_units, forecast_units, budget_unit_cost, forecast_unit_cost, actual_units,
                    indicator_ref, entered_by)
                values (:s, :m, :a, :f, :b, :c, :t, :i, :u)
                on conflict (service, month) do update set affordable_units = excluded.affordable_units, forecast_units = excluded.forecast_units,
                    budget_unit_cost = excluded.budget_unit_cost, forecast_unit_cost = excluded.forecast_unit_cost, actual_units = excluded.actual_units,
                    indicator_ref = excluded.indicator_ref, entered_by = excluded.entered_by, modified_at = now()""")
                .param("s", a.service()).param("m", month.atDay(1)).param("a", a.affordableUnits()).param("f", a.forecastUnits())
                .param("b", a.budgetUnitCost()).param("c", a.forecastUnitCost()).param("t", a.actualUnits()).param("i", a.indicatorRef())
                .param("u", user).update();
    }

    List<ActivityBudget> activity(YearMonth month) {
        return jdbc.sql("select * from activity_budget where month = :m order by service").param("m", month.atDay(1)).query((rs, n) -> activity(rs)).list();
    }

    /** Each service's months from {@code from} to {@code to}, oldest first. */
    Map<String, Map<YearMonth, ActivityBudget>> activityHistory(YearMonth from, YearMonth to) {
        Map<String, Map<YearMonth, ActivityBudget>> out = new HashMap<>();
        jdbc.sql("select * from activity_budget where month between :f and :t order by month").param("f", from.atDay(1)).param("t", to.atDay(1)).query(rs -> {
            out.computeIfAbsent(rs.getString("service"), k -> new HashMap<>()).put(YearMonth.from(rs.getDate("month").toLocalDate()), activity(rs));
        });
        return out;
    }

    /** The latest month at or before {@code month} with activity budgets. */
    Optional<YearMonth> activityMonth(YearMonth month) {
        return jdbc.sql("select month from activity_budget where month <= :m order by month desc limit 1").param("m", month.atDay(1))
                .query(LocalDate.class).optional().map(YearMonth::from);
    }

    private static ActivityBudget activity(ResultSet rs) throws SQLException {
        return new ActivityBudget(0, rs.getString("service"), written(rs.getBigDecimal("affordable_units")), written(rs.getBigDecimal("forecast_units")),
                written(rs.getBigDecimal("budget_unit_cost")), written(rs.getBigDecimal("forecast_unit_cost")), written(rs.getBigDecimal("actual_units")),
                rs.getString("indicator_ref"));
    }

    /** A count or unit cost as written: the column's six decimals are storage, not what was typed (4,200 is not 4,200.000000). */
    private static BigDecimal written(BigDecimal n) {
        return n == null ? null : n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros().setScale(Math.max(n.stripTrailingZeros().scale(), 0));
    }
}
