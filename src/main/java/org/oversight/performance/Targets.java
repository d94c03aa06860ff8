package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.oversight.shared.FinancialYear;

/**
 * One indicator's targets: an annual target and floor per financial year, phased targets that
 * override the annual one for their months, and activity thresholds per quarter.
 */
record Targets(Map<Integer, Year> years, List<Phase> phases, List<Threshold> thresholds) {

    /** floorPercent: the floor as a percentage of the target in force ('Red below 90% of target'). */
    record Year(int startYear, BigDecimal target, BigDecimal floorValue, BigDecimal floorPercent, BigDecimal tolerance, int version) {
    }

    record Phase(YearMonth first, YearMonth last, BigDecimal target, BigDecimal floorValue) {
        boolean covers(YearMonth m) {
            return !m.isBefore(first) && !m.isAfter(last);
        }
    }

    record Threshold(int startYear, int quarter, BigDecimal lower, BigDecimal upper) {
    }

    /** What a figure for a month is rated against. */
    record Standard(BigDecimal target, BigDecimal floor, BigDecimal tolerance, boolean phased) {
        static final Standard NONE = new Standard(null, null, null, false);
    }

    static final Targets NONE = new Targets(Map.of(), List.of(), List.of());

    Standard forMonth(YearMonth month) {
        Year year = years.get(FinancialYear.of(month).startYear());
        Phase phase = null;
        for (Phase p : phases) {
            if (p.covers(month)) {
                phase = p;
                break;
            }
        }
        BigDecimal tolerance = year == null ? null : year.tolerance();
        if (phase != null) {
            BigDecimal floor = phase.floorValue() != null ? phase.floorValue() : percentFloor(year, phase.target());
            return new Standard(phase.target(), floor, tolerance, true);
        }
        if (year == null || year.target() == null) {
            return year == null ? Standard.NONE : new Standard(null, null, tolerance, false);
        }
        BigDecimal floor = year.floorValue() != null ? year.floorValue() : percentFloor(year, year.target());
        return new Standard(year.target(), floor, tolerance, false);
    }

    private static BigDecimal percentFloor(Year year, BigDecimal target) {
        if (year == null || year.floorPercent() == null || target == null) {
            return null;
        }
        // Exact: a percentage of a decimal is a decimal, so 90% of 85.0 is 76.5 with no rounding.
        return target.multiply(year.floorPercent()).movePointLeft(2).stripTrailingZeros();
    }

    Threshold thresholdFor(YearMonth month) {
        int fy = FinancialYear.of(month).startYear();
        int q = FinancialYear.quarterOf(month);
        return thresholds.stream().filter(t -> t.startYear() == fy && t.quarter() == q).findFirst().orElse(null);
    }
}
