package org.oversight.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.oversight.shared.FinancialYear;
import org.oversight.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each year's schedule of rates and charges with its rates. */
@Repository
class RateScheduleRepository {

    private final JdbcClient jdbc;

    RateScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int countSchedules() {
        return jdbc.sql("select count(*) from rate_schedule").query(Integer.class).single();
    }

    /** The years with a schedule, latest first. */
    List<FinancialYear> years() {
        return jdbc.sql("select year from rate_schedule order by year desc").query(Integer.class).list().stream().map(FinancialYear::new).toList();
    }

    Optional<RatesAndCharges.Schedule> find(FinancialYear year) {
        List<RatesAndCharges.Line> lines = jdbc.sql("select * from rate_item where year = :y order by position").param("y", year.startYear()).query((rs, n) -> {
            String formula = rs.getString("formula");
            return new RatesAndCharges.Line(new RateSchedule.Rate(rs.getInt("position"), rs.getString("key"), rs.getString("item"), rs.getString("unit"),
                    amount(rs.getBigDecimal("current")), rs.getString("basis"), formula == null ? null : RateFormula.parse(formula), formula == null ? "" : formula,
                    amount(rs.getBigDecimal("multiple")), amount(rs.getBigDecimal("proposed")), rs.getString("notes")), amount(rs.getBigDecimal("approved")),
                    amount(rs.getBigDecimal("worked_out")), rs.getString("rule"), rs.getString("departure"));
        }).list();
        return jdbc.sql("select * from rate_schedule where year = :y").param("y", year.startYear()).query((rs, n) -> new RatesAndCharges.Schedule(year,
                percent(rs.getBigDecimal("pay_award")), rs.getString("pay_source"), percent(rs.getBigDecimal("cpi")), rs.getString("cpi_source"),
                rs.getString("decision_no"), rs.getObject("effective_from", LocalDate.class), rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class), rs.getString("entered_by"), rs.getObject("modified_at", OffsetDateTime.class),
                rs.getInt("version"), lines)).optional();
    }

    /** Changes to a year's schedule are one at a time, whether or not it exists yet. */
    void lock(FinancialYear year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rate_schedule'), :y)").param("y", year.startYear()).query(Object.class).optional();
    }

    void insert(FinancialYear year, String user) {
        jdbc.sql("insert into rate_schedule (year, entered_by) values (:y, :u)").param("y", year.startYear()).param("u", user).update();
    }

    void markReloaded(FinancialYear year, String user) {
        jdbc.sql("update rate_schedule set entered_by = :u, modified_at = now(), version = version + 1 where year = :y").param("y", year.startYear())
                .param("u", user).update();
    }

    /** The year's rates replaced by {@code rates}, in their order. */
    void replaceRates(FinancialYear year, List<RateSchedule.Rate> rates) {
        jdbc.sql("delete from rate_item where year = :y").param("y", year.startYear()).update();
        int position = 0;
        for (RateSchedule.Rate r : rates) {
            jdbc.sql("""
                    insert into rate_item (year, position, key, item, unit, current, basis, formula, multiple, proposed, notes)
                    values (:y, :p, :k, :i, :u, :c, :b, :f, :m, :pr, :n)""").param("y", year.startYear()).param("p", ++position).param("k", r.id())
                    .param("i", r.item()).param("u", r.unit()).param("c", r.current()).param("b", r.basis()).param("f", Text.orNull(r.formulaText()))
                    .param("m", r.multiple()).param("pr", r.proposed()).param("n", r.notes()).update();
        }
    }

    void saveUplift(FinancialYear year, BigDecimal pay, String paySource, BigDecimal cpi, String cpiSource, String user) {
        jdbc.sql("""
                update rate_schedule set pay_award = :p, pay_source = :ps, cpi = :c, cpi_source = :cs, entered_by = :u, modified_at = now(),
                    version = version + 1 where year = :y""")
                .param("p", pay).param("ps", paySource).param("c", cpi).param("cs", cpiSource).param("u", user).param("y", year.startYear()).update();
    }

    /** The other year whose schedule {@code decisionNo} approved, if any. */
    Optional<FinancialYear> yearApprovedBy(String decisionNo, FinancialYear besides) {
        return jdbc.sql("select year from rate_schedule where decision_no = :d and year <> :y").param("d", decisionNo).param("y", besides.startYear())
                .query(Integer.class).optional().map(FinancialYear::new);
    }

    void approveRate(FinancialYear year, RatesAndCharges.Proposed p, String departure) {
        jdbc.sql("update rate_item set approved = :a, worked_out = :w, rule = :r, departure = :d where year = :y and key = :k").param("a", p.rate())
                .param("w", p.computed()).param("r", p.rule())
                .param("d", departure).param("y", year.startYear()).param("k", p.id()).update();
    }

    void approve(FinancialYear year, String decisionNo, LocalDate effectiveFrom, String user) {
        jdbc.sql("""
                update rate_schedule set decision_no = :d, effective_from = :e, approved_by = :u, approved_at = now(), version = version + 1
                where year = :y""").param("d", decisionNo).param("e", effectiveFrom).param("u", user).param("y", year.startYear()).update();
    }

    private static BigDecimal amount(BigDecimal x) {
        return x == null ? null : x.scale() > 2 ? x.stripTrailingZeros().setScale(Math.max(2, x.stripTrailingZeros().scale())) : x;
    }

    private static BigDecimal percent(BigDecimal x) {
        return x == null ? null : x.stripTrailingZeros().scale() < 0 ? x.setScale(0) : x.stripTrailingZeros();
    }
}
