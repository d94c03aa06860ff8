package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The budget book, cash limits and monthly forecasts in PostgreSQL. */
@Repository
class FinanceStore {

    private final JdbcClient jdbc;

    FinanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Budget.Heading> headings() {
        return jdbc.sql("select * from budget_heading order by position, id").query((rs, n) -> new Budget.Heading(rs.getLong("id"),
                (Long) rs.getObject("parent_id"), rs.getString("name"), rs.getInt("position"))).list();
    }

    /** Loads are one at a time: a book and its forecasts change together or not at all. */
    void lock() {
        jdbc.sql("lock table budget_heading in share row exclusive mode").update();
    }

    Optional<Long> heading(Long parent, String name) {
        return jdbc.sql("select id from budget_heading where parent_id is not distinct from :p and name = :n").param("p", parent).param("n", name)
                .query(Long.class).optional();
    }

    long insertHeading(Long parent, String name) {
        return jdbc.sql("""
                insert into budget_heading (parent_id, name, position) values (:p, :n, (select coalesce(max(position), 0) + 1 from budget_heading)) returning id""")
                .param("p", parent).param("n", name).query(Long.class).single();
    }

    /** The month's figures by heading, with the year's cash limits. */
    Map<Long, Budget.Figures> figures(YearMonth month) {
        Map<Long, Budget.Figures> out = new HashMap<>();
        jdbc.sql("""
                select coalesce(f.heading_id, c.heading_id) as heading_id, c.gross, c.income, c.net, f.variance_net, f.adjustment, f.last_reported, f.comment
                from (select * from forecast where month = :m) f full join (select * from cash_limit where year = :y) c on c.heading_id = f.heading_id""")
                .param("m", month.atDay(1)).param("y", org.oversight.shared.FinancialYear.of(month).startYear()).query(rs -> {
                    out.put(rs.getLong("heading_id"), new Budget.Figures(rs.getBigDecimal("gross"), rs.getBigDecimal("income"), rs.getBigDecimal("net"),
                            rs.getBigDecimal("variance_net"), rs.getBigDecimal("adjustment"), rs.getBigDecimal("last_reported"), rs.getString("comment")));
                });
        return out;
    }

    boolean hasForecasts(YearMonth month) {
        return jdbc.sql("select exists (select 1 from forecast where month = :m)").param("m", month.atDay(1)).query(Boolean.class).single();
    }

    List<YearMonth> months() {
        return jdbc.sql("select distinct month from forecast order by month desc").query(java.time.LocalDate.class).list().stream().map(YearMonth::from)
                .toList();
    }

    Optional<Budget.Figures> cashLimit(long heading, int year) {
        return jdbc.sql("select * from cash_limit where heading_id = :h and year = :y").param("h", heading).param("y", year)
                .query((rs, n) -> new Budget.Figures(rs.getBigDecimal("gross"), rs.getBigDecimal("income"), rs.getBigDecimal("net"), null, null, null, null))
                .optional();
    }

    void saveCashLimit(long heading, int year, BigDecimal gross, BigDecimal income, BigDecimal net) {
        jdbc.sql("""
                insert into cash_limit (heading_id, year, gross, income, net) values (:h, :y, :g, :i, :n)
                on conflict (heading_id, year) do update set gross = excluded.gross, income = excluded.income, net = excluded.net,
                    modified_at = now(), version = cash_limit.version + 1""")
                .param("h", heading).param("y", year).param("g", gross).param("i", income).param("n", net).update();
    }

    void insertChange(long heading, int year, BigDecimal gross, BigDecimal income, BigDecimal net, String reason, String user) {
        jdbc.sql("""
                insert into cash_limit_change (heading_id, year, gross, income, net, reason, made_by) values (:h, :y, :g, :i, :n, :r, :u)""")
                .param("h", heading).param("y", year).param("g", gross).param("i", income).param("n", net).param("r", reason).param("u", user).update();
    }

    void saveForecast(long heading, YearMonth month, Forecast f, String user) {
        jdbc.sql("""
                insert into forecast (heading_id, month, variance_gross, variance_income, variance_net, adjustment, last_reported, comment, entered_by)
                values (:h, :m, :vg, :vi, :vn, :a, :l, :c, :u)
                on conflict (heading_id, month) do update set variance_gross = excluded.variance_gross, variance_income = excluded.variance_income,
                    variance_net = excluded.variance_net, adjustment = excluded.adjustment, last_reported = excluded.last_reported,
                    comment = excluded.comment, entered_by = excluded.entered_by, modified_at = now(), version = forecast.version + 1""")
                .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                .param("a", f.adjustment()).param("l", f.lastReported()).param("c", f.comment()).param("u", user).update();
    }

    /** The month's forecast of a heading as entered, with its version, if there is one. */
    Optional<Entered> forecast(long heading, YearMonth month) {
        return jdbc.sql("select * from forecast where heading_id = :h and month = :m").param("h", heading).param("m", month.atDay(1))
                .query((rs, n) -> new Entered(new Forecast(rs.getBigDecimal("variance_gross"), rs.getBigDecimal("variance_income"), rs.getBigDecimal("variance_net"),
                        rs.getBigDecimal("adjustment"), rs.getBigDecimal("last_reported"), rs.getString("comment")), rs.getInt("version"))).optional();
    }

    record Entered(Forecast forecast, int version) {
    }

    /** Saves the month's forecast as read at {@code version} (-1: there was none); false if someone saved it since. */
    boolean enterForecast(long heading, YearMonth month, Forecast f, int version, String user) {
        if (version < 0) {
            return jdbc.sql("""
                    insert into forecast (heading_id, month, variance_gross, variance_income, variance_net, adjustment, comment, entered_by)
                    values (:h, :m, :vg, :vi, :vn, :a, :c, :u) on conflict do nothing""")
                    .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                    .param("a", f.adjustment()).param("c", f.comment()).param("u", user).update() == 1;
        }
        return jdbc.sql("""
                update forecast set variance_gross = :vg, variance_income = :vi, variance_net = :vn, adjustment = :a, comment = :c, entered_by = :u,
                    modified_at = now(), version = version + 1
                where heading_id = :h and month = :m and version = :v""")
                .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                .param("a", f.adjustment()).param("c", f.comment()).param("u", user).param("v", version).update() == 1;
    }

    boolean headingHasLines(long heading) {
        return jdbc.sql("select exists (select 1 from budget_heading where parent_id = :h)").param("h", heading).query(Boolean.class).single();
    }

    void saveActivity(YearMonth month, ActivityBudget a, String user) {
        jdbc.sql("""
                insert into activity_budget (service, month, affordable_units, forecast_units, budget_unit_cost, forecast_unit_cost, entered_by)
                values (:s, :m, :a, :f, :b, :c, :u)
                on conflict (service, month) do update set affordable_units = excluded.affordable_units, forecast_units = excluded.forecast_units,
                    budget_unit_cost = excluded.budget_unit_cost, forecast_unit_cost = excluded.forecast_unit_cost, entered_by = excluded.entered_by,
                    modified_at = now()""")
                .param("s", a.service()).param("m", month.atDay(1)).param("a", a.affordableUnits()).param("f", a.forecastUnits())
                .param("b", a.budgetUnitCost()).param("c", a.forecastUnitCost()).param("u", user).update();
    }

    List<ActivityBudget> activity(YearMonth month) {
        return jdbc.sql("select * from activity_budget where month = :m order by service").param("m", month.atDay(1))
                .query((rs, n) -> new ActivityBudget(0, rs.getString("service"), rs.getBigDecimal("affordable_units"), rs.getBigDecimal("forecast_units"),
                        rs.getBigDecimal("budget_unit_cost"), rs.getBigDecimal("forecast_unit_cost"))).list();
    }

    /** A forecast as entered: the managers' variance, the adjustment, the last reported position (first month only) and the reason. */
    record Forecast(BigDecimal gross, BigDecimal income, BigDecimal net, BigDecimal adjustment, BigDecimal lastReported, String comment) {
    }
}
