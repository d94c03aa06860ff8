package org.oversight.delays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delayed days as stored: the organisations, and each one's days by month or week. */
@Repository
class DelayedDaysRepository {

    private final JdbcClient jdbc;

    DelayedDaysRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int countOrganisations() {
        return jdbc.sql("select count(*) from delay_organisation").query(Integer.class).single();
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
                            DelayedDays.written(rs.getBigDecimal("nhs")), DelayedDays.written(rs.getBigDecimal("social_care")),
                            DelayedDays.written(rs.getBigDecimal("both_bodies")));
                }).list();
    }

    /** The weeks with figures, by the day they end, latest first. */
    List<LocalDate> weeks() {
        return jdbc.sql("select distinct period_end from delayed_days where week order by period_end desc").query(LocalDate.class).list();
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
}
