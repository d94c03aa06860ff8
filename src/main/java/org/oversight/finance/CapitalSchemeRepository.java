package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.FinancialYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The capital schemes, with each month's position and funding. */
@Repository
class CapitalSchemeRepository {

    private final JdbcClient jdbc;

    CapitalSchemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A directorate renamed: its capital schemes (which carry no date) read under the new name. */
    void renameDirectorate(String before, String after) {
        jdbc.sql("update capital_scheme c set directorate = :a where directorate = :b and not exists (select 1 from capital_scheme o where o.directorate = :a and o.name is not distinct from c.name)")
                .param("a", after).param("b", before).update();
    }

    /** A month's capital lines replace whatever the month held: the versions they had, by scheme, so that a form read before is stale after. */
    Map<Long, Integer> clearCapital(YearMonth month) {
        jdbc.sql("delete from capital_funding where month = :m").param("m", month.atDay(1)).update();
        Map<Long, Integer> versions = new HashMap<>();
        jdbc.sql("delete from capital_position where month = :m returning scheme_id, version").param("m", month.atDay(1))
                .query(rs -> {
                    versions.put(rs.getLong("scheme_id"), rs.getInt("version"));
                });
        return versions;
    }

    void saveCapital(YearMonth month, CapitalLine l, Map<Long, Integer> versions, String user) {
        long id = jdbc.sql("""
                insert into capital_scheme (directorate, name, approved_cost, approval) values (:d, :n, :c, :a)
                on conflict (directorate, name) do update set approved_cost = excluded.approved_cost, approval = excluded.approval returning id""")
                .param("d", l.directorate()).param("n", l.scheme()).param("c", l.approvedCost()).param("a", l.approval()).query(Long.class).single();
        jdbc.sql("""
                insert into capital_position (scheme_id, month, previous_spend, budget, later_years, spend_to_date, real_variance, rephasing_variance,
                    last_real, last_rephasing, delayed, comment, entered_by, version)
                values (:s, :m, :p, :b, :l, :t, :r, :f, :lr, :lf, :d, :c, :u, :v)""")
                .param("s", id).param("m", month.atDay(1)).param("p", l.previousSpend()).param("b", l.budget()).param("l", l.laterYears())
                .param("t", l.spendToDate()).param("r", l.real()).param("f", l.rephasing()).param("lr", l.lastReal()).param("lf", l.lastRephasing())
                .param("d", l.delayed()).param("c", l.comment()).param("u", user).param("v", versions.containsKey(id) ? versions.get(id) + 1 : 0).update();
        for (CapitalLine.Funding f : l.funding()) {
            jdbc.sql("insert into capital_funding (scheme_id, month, source, amount) values (:s, :m, :o, :a)").param("s", id).param("m", month.atDay(1))
                    .param("o", f.source()).param("a", f.amount()).update();
        }
    }

    /** The month's capital lines, directorate by directorate as loaded; variance = real + rephasing. */
    List<CapitalLine> capital(YearMonth month) {
        Map<Long, List<CapitalLine.Funding>> funding = new HashMap<>();
        jdbc.sql("select * from capital_funding where month = :m order by source").param("m", month.atDay(1)).query(rs -> {
            funding.computeIfAbsent(rs.getLong("scheme_id"), k -> new ArrayList<>()).add(new CapitalLine.Funding(rs.getString("source"), rs.getBigDecimal("amount")));
        });
        return jdbc.sql("""
                select s.*, p.* from capital_position p join capital_scheme s on s.id = p.scheme_id where p.month = :m
                order by min(s.id) over (partition by s.directorate), s.name nulls first, s.id""")
                .param("m", month.atDay(1)).query((rs, n) -> new CapitalLine(0, rs.getString("directorate"), rs.getString("name"), rs.getBigDecimal("approved_cost"),
                        rs.getString("approval"), rs.getBigDecimal("previous_spend"), rs.getBigDecimal("budget"), rs.getBigDecimal("later_years"),
                        rs.getBigDecimal("spend_to_date"), null, rs.getBigDecimal("real_variance"), rs.getBigDecimal("rephasing_variance"),
                        rs.getBigDecimal("last_real"), rs.getBigDecimal("last_rephasing"), null, null, (Boolean) rs.getObject("delayed"),
                        funding.getOrDefault(rs.getLong("scheme_id"), List.of()), rs.getString("comment"), rs.getLong("scheme_id"))).list();
    }

    /** A stored scheme's month as a form reads it, at its version. */
    record CapitalEntry(CapitalLine line, YearMonth month, int version) {
    }

    /** The scheme's position in {@code month}, else its latest in the same financial year before it (a form then starts a new month from it). */
    Optional<CapitalEntry> capitalEntry(long scheme, YearMonth month) {
        YearMonth april = FinancialYear.of(month).firstMonth();
        return jdbc.sql("""
                select s.*, p.* from capital_position p join capital_scheme s on s.id = p.scheme_id
                where s.id = :s and p.month between :from and :m order by p.month desc limit 1""")
                .param("s", scheme).param("from", april.atDay(1)).param("m", month.atDay(1))
                .query((rs, n) -> new CapitalEntry(new CapitalLine(0, rs.getString("directorate"), rs.getString("name"), rs.getBigDecimal("approved_cost"),
                        rs.getString("approval"), rs.getBigDecimal("previous_spend"), rs.getBigDecimal("budget"), rs.getBigDecimal("later_years"),
                        rs.getBigDecimal("spend_to_date"), null, rs.getBigDecimal("real_variance"), rs.getBigDecimal("rephasing_variance"),
                        rs.getBigDecimal("last_real"), rs.getBigDecimal("last_rephasing"), null, null, (Boolean) rs.getObject("delayed"), List.of(),
                        rs.getString("comment"), scheme), YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("version"))).optional();
    }

    /** The scheme's name and directorate, whichever months it has. */
    Optional<String> capitalSchemeName(long scheme) {
        return jdbc.sql("select coalesce(name, directorate || ' (the programme as a whole)') from capital_scheme where id = :s").param("s", scheme)
                .query(String.class).optional();
    }

    /**
     * A month's forecast for a scheme typed on a form: the month's position updated at the version read, or, when the month has none
     * ({@code version} -1), made from the month {@code from} — its budget, spend in earlier years, later years and funding carried.
     * False when someone saved the month since it was read.
     */
    boolean enterCapital(long scheme, YearMonth month, YearMonth from, BigDecimal spendToDate, BigDecimal real, BigDecimal rephasing, Boolean delayed,
                         String comment, int version, String user) {
        if (version < 0) {
            int made = jdbc.sql("""
                    insert into capital_position (scheme_id, month, previous_spend, budget, later_years, spend_to_date, real_variance, rephasing_variance,
                        delayed, comment, entered_by)
                    select scheme_id, :m, previous_spend, budget, later_years, :t, :r, :f, :d, :c, :u from capital_position where scheme_id = :s and month = :from
                    on conflict do nothing""")
                    .param("s", scheme).param("m", month.atDay(1)).param("from", from.atDay(1)).param("t", spendToDate).param("r", real).param("f", rephasing)
                    .param("d", delayed).param("c", comment).param("u", user).update();
            if (made == 1) {
                jdbc.sql("insert into capital_funding (scheme_id, month, source, amount) select scheme_id, :m, source, amount from capital_funding "
                        + "where scheme_id = :s and month = :from").param("s", scheme).param("m", month.atDay(1)).param("from", from.atDay(1)).update();
            }
            return made == 1;
        }
        return jdbc.sql("""
                update capital_position set spend_to_date = :t, real_variance = :r, rephasing_variance = :f, delayed = :d, comment = :c, entered_by = :u,
                    modified_at = now(), version = version + 1
                where scheme_id = :s and month = :m and version = :v""")
                .param("s", scheme).param("m", month.atDay(1)).param("t", spendToDate).param("r", real).param("f", rephasing).param("d", delayed)
                .param("c", comment).param("u", user).param("v", version).update() == 1;
    }
}
