package org.oversight.delays;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delayed transfers of care as stored: organisations, their days by period, the adult population by year, the targets by month. */
@Repository
class DelaysStore {

    private final JdbcClient jdbc;

    DelaysStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One load at a time: two files naming a new organisation at once would both try to add it. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('delayed_days'))").query(Object.class).optional();
    }

    /** The period as stored: a month by its last day, a week by the day it ends. */
    static LocalDate end(DelayedDays.Period p) {
        return p.week() ? p.weekEnding() : p.month().atEndOfMonth();
    }

    /** The organisation of that name, however cased; made when there is none (true in {@code made}). */
    long organisationId(String name, Set<String> made) {
        Optional<Long> held = jdbc.sql("select id from delay_organisation where lower(name) = lower(:n) order by id limit 1").param("n", name)
                .query(Long.class).optional();
        if (held.isPresent()) {
            return held.get();
        }
        made.add(name);
        return jdbc.sql("insert into delay_organisation (name, position) values (:n, (select coalesce(max(position), 0) + 1 from delay_organisation)) returning id")
                .param("n", name).query(Long.class).single();
    }

    /** Every organisation's figures for the period, removed (a file that names a period gives it whole); what they were, for the audit trail. */
    List<DelayedDays> clear(DelayedDays.Period p) {
        List<DelayedDays> before = days(p.week(), end(p), end(p));
        jdbc.sql("delete from delayed_days where week = :w and period_end = :e").param("w", p.week()).param("e", end(p)).update();
        return before;
    }

    /** The day of the week the weeks held end on, if any are held. */
    Optional<DayOfWeek> weekday() {
        return jdbc.sql("select period_end from delayed_days where week limit 1").query(LocalDate.class).optional().map(LocalDate::getDayOfWeek);
    }

    void save(DelayedDays d, long id, String user) {
        jdbc.sql("""
                insert into delayed_days (organisation_id, period_end, week, nhs, social_care, both_bodies, entered_by) values (:o, :e, :w, :n, :s, :b, :u)
                on conflict (organisation_id, period_end, week) do update set nhs = excluded.nhs, social_care = excluded.social_care,
                    both_bodies = excluded.both_bodies, entered_by = excluded.entered_by, modified_at = now()""")
                .param("o", id).param("e", end(d.period())).param("w", d.period().week()).param("n", d.nhs()).param("s", d.socialCare())
                .param("b", d.both()).param("u", user).update();
    }

    /** Every organisation's days in the periods ending from {@code from} to {@code to}, months or weeks, in the organisations' order. */
    List<DelayedDays> days(boolean week, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select o.name, d.* from delayed_days d join delay_organisation o on o.id = d.organisation_id
                where d.week = :w and d.period_end between :f and :t order by d.period_end, o.position""")
                .param("w", week).param("f", from).param("t", to).query((rs, n) -> {
                    LocalDate end = rs.getDate("period_end").toLocalDate();
                    return new DelayedDays(rs.getString("name"), new DelayedDays.Period(week ? null : YearMonth.from(end), week ? end : null),
                            days(rs.getBigDecimal("nhs")), days(rs.getBigDecimal("social_care")), days(rs.getBigDecimal("both_bodies")));
                }).list();
    }

    /** Days as written: 4110, not the column's 4110.00. */
    private static BigDecimal days(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The weeks with figures, by the day they end, latest first. */
    List<LocalDate> weeks() {
        return jdbc.sql("select distinct period_end from delayed_days where week order by period_end desc").query(LocalDate.class).list();
    }

    record Organisation(long id, String name) {
    }

    Optional<Organisation> organisation(long id) {
        return jdbc.sql("select id, name from delay_organisation where id = :i").param("i", id).query((rs, n) -> new Organisation(rs.getLong("id"),
                rs.getString("name"))).optional();
    }

    /** The organisations with weekly figures, in their order. */
    List<Organisation> weeklyOrganisations() {
        return jdbc.sql("select o.id, o.name from delay_organisation o where exists (select 1 from delayed_days d where d.organisation_id = o.id and d.week) "
                + "order by o.position").query((rs, n) -> new Organisation(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** The months with monthly figures, latest first. */
    List<YearMonth> months() {
        return jdbc.sql("select distinct period_end from delayed_days where not week order by period_end desc").query(LocalDate.class).list().stream()
                .map(YearMonth::from).toList();
    }

    record Population(int year, BigDecimal adults, String source) {
    }

    Optional<Population> population(int year) {
        return jdbc.sql("select * from delay_population where year = :y").param("y", year)
                .query((rs, n) -> new Population(rs.getInt("year"), rs.getBigDecimal("adults"), rs.getString("source"))).optional();
    }

    void savePopulation(Population p, String user) {
        jdbc.sql("""
                insert into delay_population (year, adults, source, entered_by) values (:y, :a, :s, :u)
                on conflict (year) do update set adults = excluded.adults, source = excluded.source, entered_by = excluded.entered_by, modified_at = now()""")
                .param("y", p.year()).param("a", p.adults()).param("s", p.source()).param("u", user).update();
    }

    /** The month's targets by body ({@code total}, {@code nhs}, {@code social_care}, {@code both}). */
    Map<String, BigDecimal> targets(YearMonth month) {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbc.sql("select body, days from delay_target where month = :m").param("m", month.atDay(1)).query(rs -> {
            out.put(rs.getString("body"), days(rs.getBigDecimal("days")));
        });
        return out;
    }

    Map<YearMonth, BigDecimal> totalTargets(YearMonth from, YearMonth to) {
        Map<YearMonth, BigDecimal> out = new HashMap<>();
        jdbc.sql("select month, days from delay_target where body = 'total' and month between :f and :t").param("f", from.atDay(1)).param("t", to.atDay(1))
                .query(rs -> {
                    out.put(YearMonth.from(rs.getDate("month").toLocalDate()), days(rs.getBigDecimal("days")));
                });
        return out;
    }

    /** The indicators fed, by measure ({@code per_100k}, {@code social_care_share}). */
    Map<String, Long> feeds() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select measure, indicator_id from delay_feed").query(rs -> {
            out.put(rs.getString("measure"), rs.getLong("indicator_id"));
        });
        return out;
    }

    void saveFeed(String measure, Long indicator, String user) {
        jdbc.sql("delete from delay_feed where measure = :m").param("m", measure).update();
        if (indicator != null) {
            jdbc.sql("insert into delay_feed (measure, indicator_id, entered_by) values (:m, :i, :u)").param("m", measure).param("i", indicator)
                    .param("u", user).update();
        }
    }

    /** What the feed last wrote as the indicator's figure, by month. */
    Map<YearMonth, BigDecimal> fed(long indicator) {
        Map<YearMonth, BigDecimal> out = new HashMap<>();
        jdbc.sql("select month, value from delay_fed_figure where indicator_id = :i").param("i", indicator).query(rs -> {
            out.put(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getBigDecimal("value"));
        });
        return out;
    }

    void fed(long indicator, YearMonth month, BigDecimal value) {
        jdbc.sql("""
                insert into delay_fed_figure (indicator_id, month, value) values (:i, :m, :v)
                on conflict (indicator_id, month) do update set value = excluded.value""").param("i", indicator).param("m", month.atDay(1)).param("v", value).update();
    }

    /** The month's targets replace those it had; a body without one has none. */
    void saveTargets(YearMonth month, Map<String, BigDecimal> days, String user) {
        jdbc.sql("delete from delay_target where month = :m").param("m", month.atDay(1)).update();
        days.forEach((body, d) -> jdbc.sql("insert into delay_target (month, body, days, entered_by) values (:m, :b, :d, :u)").param("m", month.atDay(1))
                .param("b", body).param("d", d).param("u", user).update());
    }
}
