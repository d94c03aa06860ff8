package org.oversight.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.FinancialYear;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each month's forecasts by heading of the book. */
@Repository
class ForecastRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ForecastRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The month's figures by heading, with the year's cash limits. */
    Map<Long, Budget.Figures> figures(YearMonth month) {
        Map<Long, Budget.Figures> out = new HashMap<>();
        jdbc.sql("""
                select coalesce(f.heading_id, c.heading_id) as heading_id, c.gross - coalesce(later.gross, 0) as gross, c.income - coalesce(later.income, 0) as income,
                    c.net - coalesce(later.net, 0) as net, f.variance_net, f.adjustment, f.last_reported, f.comment, f.management_action
                from (select * from forecast where month = :m) f full join (select * from cash_limit where year = :y) c on c.heading_id = f.heading_id
                -- the cash limit as it stood in the month: the changes made by later months' files taken back off
                left join lateral (select sum(x.gross) as gross, sum(x.income) as income, sum(x.net) as net from cash_limit_change x
                                   where x.heading_id = c.heading_id and x.year = :y and x.month > :m) later on true""")
                .param("m", month.atDay(1)).param("y", FinancialYear.of(month).startYear()).query(rs -> {
                    out.put(rs.getLong("heading_id"), new Budget.Figures(rs.getBigDecimal("gross"), rs.getBigDecimal("income"), rs.getBigDecimal("net"),
                            rs.getBigDecimal("variance_net"), rs.getBigDecimal("adjustment"), rs.getBigDecimal("last_reported"), rs.getString("comment"),
                            rs.getBigDecimal("management_action")));
                });
        return out;
    }

    boolean hasForecasts(YearMonth month) {
        return jdbc.sql("select exists (select 1 from forecast where month = :m)").param("m", month.atDay(1)).query(Boolean.class).single();
    }

    List<YearMonth> months() {
        return jdbc.sql("select distinct month from forecast order by month desc").query(LocalDate.class).list().stream().map(YearMonth::from)
                .toList();
    }

    /**
     * The position last reported, as it was when the month began: the month before's revised variances kept on the month's
     * forecasts (a row made for a heading that has none), never replacing one already there (the file's, or kept before).
     */
    void keepLastReported(YearMonth month, Map<Long, BigDecimal> revised, String user) {
        batch.batchUpdate("""
                insert into forecast (heading_id, month, last_reported, entered_by) values (:h, :m, :l, :u)
                on conflict (heading_id, month) do update set last_reported = coalesce(forecast.last_reported, excluded.last_reported)""",
                revised.entrySet().stream().map(e -> new MapSqlParameterSource().addValue("h", e.getKey())
                        .addValue("m", month.atDay(1)).addValue("l", e.getValue()).addValue("u", user))
                        .toArray(SqlParameterSource[]::new));
    }

    /** A file's forecasts, in one batch: a management action already entered on the form is kept. */
    void saveForecasts(YearMonth month, List<Map.Entry<Long, Forecast>> forecasts, String user) {
        batch.batchUpdate("""
                insert into forecast (heading_id, month, variance_gross, variance_income, variance_net, adjustment, last_reported, comment, entered_by)
                values (:h, :m, :vg, :vi, :vn, :a, :l, :c, :u)
                on conflict (heading_id, month) do update set variance_gross = excluded.variance_gross, variance_income = excluded.variance_income,
                    variance_net = excluded.variance_net, adjustment = excluded.adjustment,
                    last_reported = coalesce(excluded.last_reported, forecast.last_reported),
                    comment = excluded.comment, entered_by = excluded.entered_by, modified_at = now(), version = forecast.version + 1""",
                forecasts.stream().map(e -> new MapSqlParameterSource().addValue("h", e.getKey())
                        .addValue("m", month.atDay(1)).addValue("vg", e.getValue().gross()).addValue("vi", e.getValue().income())
                        .addValue("vn", e.getValue().net()).addValue("a", e.getValue().adjustment()).addValue("l", e.getValue().lastReported())
                        .addValue("c", e.getValue().comment()).addValue("u", user)).toArray(SqlParameterSource[]::new));
    }

    /** The month's forecast of a heading as entered, with its version, if there is one. */
    Optional<Entered> forecast(long heading, YearMonth month) {
        return jdbc.sql("select * from forecast where heading_id = :h and month = :m").param("h", heading).param("m", month.atDay(1))
                .query((rs, n) -> new Entered(new Forecast(rs.getBigDecimal("variance_gross"), rs.getBigDecimal("variance_income"), rs.getBigDecimal("variance_net"),
                        rs.getBigDecimal("adjustment"), rs.getBigDecimal("last_reported"), rs.getString("comment"), rs.getBigDecimal("management_action")),
                        rs.getInt("version"))).optional();
    }

    record Entered(Forecast forecast, int version) {
    }

    /** Saves the month's forecast as read at {@code version} (-1: there was none); false if someone saved it since. */
    boolean enterForecast(long heading, YearMonth month, Forecast f, int version, String user) {
        if (version < 0) {
            return jdbc.sql("""
                    insert into forecast (heading_id, month, variance_gross, variance_income, variance_net, adjustment, comment, management_action, entered_by)
                    values (:h, :m, :vg, :vi, :vn, :a, :c, :ma, :u) on conflict do nothing""")
                    .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                    .param("a", f.adjustment()).param("c", f.comment()).param("ma", f.managementAction()).param("u", user).update() == 1;
        }
        return jdbc.sql("""
                update forecast set variance_gross = :vg, variance_income = :vi, variance_net = :vn, adjustment = :a, comment = :c,
                    management_action = :ma, entered_by = :u, modified_at = now(), version = version + 1
                where heading_id = :h and month = :m and version = :v""")
                .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                .param("a", f.adjustment()).param("c", f.comment()).param("ma", f.managementAction()).param("u", user).param("v", version).update() == 1;
    }

    /** A forecast as entered: the managers' variance, the adjustment, the last reported position (first month only) and the reason. */
    record Forecast(BigDecimal gross, BigDecimal income, BigDecimal net, BigDecimal adjustment, BigDecimal lastReported, String comment,
                    BigDecimal managementAction) {
    }

    /** Months with anything of the report loaded: forecasts, capital, reserves or service lines. */
    List<YearMonth> reportMonths() {
        return jdbc.sql("""
                select month from forecast union select month from capital_position union select month from reserve_balance
                union select month from service_line_position order by month desc""")
                .query(LocalDate.class).list().stream().map(YearMonth::from).toList();
    }
}
