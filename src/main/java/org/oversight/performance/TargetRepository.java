package org.oversight.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oversight.shared.ConflictException;
import org.oversight.shared.FinancialYear;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TargetRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    TargetRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Targets forIndicator(long id) {
        return forIndicators(List.of(id)).getOrDefault(id, Targets.NONE);
    }

    Map<Long, Targets> forIndicators(Collection<Long> ids) {
        Map<Long, Map<Integer, Targets.Year>> years = new HashMap<>();
        Map<Long, List<Targets.Phase>> phases = new HashMap<>();
        Map<Long, List<Targets.Threshold>> thresholds = new HashMap<>();
        if (ids.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("select * from target_year where indicator_id in (:ids)").param("ids", ids).query(rs -> {
            years.computeIfAbsent(rs.getLong("indicator_id"), k -> new HashMap<>()).put(rs.getInt("start_year"),
                    new Targets.Year(rs.getInt("start_year"), rs.getBigDecimal("target"), rs.getBigDecimal("floor_value"),
                            rs.getBigDecimal("floor_percent"), rs.getBigDecimal("tolerance"), rs.getInt("version")));
        });
        jdbc.sql("select * from target_phase where indicator_id in (:ids) order by first_month").param("ids", ids).query(rs -> {
            phases.computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>()).add(new Targets.Phase(
                    YearMonth.from(rs.getObject("first_month", LocalDate.class)), YearMonth.from(rs.getObject("last_month", LocalDate.class)),
                    rs.getBigDecimal("target"), rs.getBigDecimal("floor_value")));
        });
        jdbc.sql("select * from activity_threshold where indicator_id in (:ids) order by start_year, quarter").param("ids", ids).query(rs -> {
            thresholds.computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>()).add(new Targets.Threshold(
                    rs.getInt("start_year"), rs.getInt("quarter"), rs.getBigDecimal("lower_bound"), rs.getBigDecimal("upper_bound")));
        });
        Map<Long, Targets> out = new HashMap<>();
        for (Long id : ids) {
            out.put(id, new Targets(years.getOrDefault(id, Map.of()), phases.getOrDefault(id, List.of()),
                    thresholds.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** Creates or changes a year's target; {@code expectedVersion} null means the year had none. */
    void saveYear(long indicatorId, Targets.Year y, Integer expectedVersion) {
        var p = new HashMap<String, Object>();
        p.put("i", indicatorId);
        p.put("y", y.startYear());
        p.put("t", y.target());
        p.put("fv", y.floorValue());
        p.put("fp", y.floorPercent());
        p.put("tol", y.tolerance());
        p.put("v", expectedVersion);
        int n = expectedVersion == null
                ? jdbc.sql("""
                        insert into target_year (indicator_id, start_year, target, floor_value, floor_percent, tolerance)
                        values (:i, :y, :t, :fv, :fp, :tol) on conflict do nothing""").params(p).update()
                : jdbc.sql("""
                        update target_year set target = :t, floor_value = :fv, floor_percent = :fp, tolerance = :tol, version = version + 1
                        where indicator_id = :i and start_year = :y and version = :v""").params(p).update();
        if (n == 0) {
            throw new ConflictException("The " + new FinancialYear(y.startYear())
                    + " target was changed by someone else after you opened it. Your change was not saved.");
        }
    }

    void savePhase(long indicatorId, Targets.Phase phase) {
        savePhases(Map.of(indicatorId, phase));
    }

    /** Each phase replaces the phases it overlaps for its indicator; two batched statements for any number. */
    void savePhases(Map<Long, Targets.Phase> phases) {
        SqlParameterSource[] all = phases.entrySet().stream().map(e -> new MapSqlParameterSource().addValue("i", e.getKey())
                .addValue("f", e.getValue().first().atDay(1)).addValue("l", e.getValue().last().atDay(1))
                .addValue("t", e.getValue().target()).addValue("fl", e.getValue().floorValue())).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("delete from target_phase where indicator_id = :i and first_month <= :l and last_month >= :f", all);
        batch.batchUpdate("insert into target_phase (indicator_id, first_month, last_month, target, floor_value) values (:i, :f, :l, :t, :fl)",
                Arrays.stream(all).filter(p -> p.getValue("t") != null).toArray(SqlParameterSource[]::new));
    }

    void saveThreshold(long indicatorId, Targets.Threshold t) {
        jdbc.sql("""
                insert into activity_threshold (indicator_id, start_year, quarter, lower_bound, upper_bound) values (:i, :y, :q, :lo, :hi)
                on conflict (indicator_id, start_year, quarter) do update set lower_bound = excluded.lower_bound, upper_bound = excluded.upper_bound""")
                .param("i", indicatorId).param("y", t.startYear()).param("q", t.quarter()).param("lo", t.lower()).param("hi", t.upper()).update();
    }

    Map<Long, BigDecimal> outturns(Collection<Long> ids, int startYear) {
        Map<Long, BigDecimal> m = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select indicator_id, value from outturn where indicator_id in (:ids) and start_year = :y")
                    .param("ids", ids).param("y", startYear).query(rs -> {
                        m.put(rs.getLong(1), rs.getBigDecimal(2));
                    });
        }
        return m;
    }

    void saveOutturn(long indicatorId, int startYear, BigDecimal value, boolean projected) {
        jdbc.sql("""
                insert into outturn (indicator_id, start_year, value, projected) values (:i, :y, :v, :p)
                on conflict (indicator_id, start_year) do update set value = excluded.value, projected = excluded.projected""")
                .param("i", indicatorId).param("y", startYear).param("v", value).param("p", projected).update();
    }
}
