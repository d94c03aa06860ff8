package org.oversight.finance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A capital scheme's monitoring line (or a directorate's whole programme, where the papers give it
 * without its schemes): the approved cost and the approval of spending beyond it, spend in earlier
 * years and to date, this year's working budget and later years', the year's variance split into
 * real (the scheme costs more or less) and rephasing (spend moves between years), the split last
 * reported (and, as a paper prints them, the movements since, which are checked, never stored),
 * whether it is delayed, and its funding. Blank figures stay null; {@code id} is the stored scheme's (none for a file's line).
 */
record CapitalLine(int row, String directorate, String scheme, BigDecimal approvedCost, String approval, BigDecimal previousSpend, BigDecimal budget,
                   BigDecimal laterYears, BigDecimal spendToDate, BigDecimal variance, BigDecimal real, BigDecimal rephasing, BigDecimal lastReal,
                   BigDecimal lastRephasing, BigDecimal realMovement, BigDecimal rephasingMovement, Boolean delayed, List<Funding> funding, String comment,
                   Long id) {

    record Funding(String source, BigDecimal amount) {
    }

    /** The figures of a line a Total line adds up, by their CSV column. */
    static final Map<String, Function<CapitalLine, BigDecimal>> FIGURES = figures();

    private static Map<String, Function<CapitalLine, BigDecimal>> figures() {
        Map<String, Function<CapitalLine, BigDecimal>> f = new LinkedHashMap<>();
        f.put("approved_cost", CapitalLine::approvedCost);
        f.put("previous_spend", CapitalLine::previousSpend);
        f.put("budget", CapitalLine::budget);
        f.put("later_years", CapitalLine::laterYears);
        f.put("spend_to_date", CapitalLine::spendToDate);
        f.put("variance", CapitalLine::variance);
        f.put("real_variance", CapitalLine::real);
        f.put("rephasing_variance", CapitalLine::rephasing);
        f.put("last_real", CapitalLine::lastReal);
        f.put("last_rephasing", CapitalLine::lastRephasing);
        f.put("real_movement", CapitalLine::realMovement);
        f.put("rephasing_movement", CapitalLine::rephasingMovement);
        return f;
    }

    /** Green: on time and on budget. Amber: delayed, or over budget and unfunded. Red: delayed and over budget. */
    enum Status {
        GREEN("Green", "on time and budget"), AMBER("Amber", "delayed, or over budget and unfunded"), RED("Red", "delayed and over budget");

        final String label;
        final String meaning;

        Status(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() {
            return label;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** A line named "Total …" is the sum of the lines above it, not a scheme of its own. */
    boolean total() {
        return directorate.toLowerCase(Locale.UK).startsWith("total");
    }

    /** The year's variance: as written, or real + rephasing. */
    BigDecimal yearVariance() {
        return variance != null ? variance : real == null || rephasing == null ? null : real.add(rephasing);
    }

    /** The year's forecast spend: the working budget with the variance. */
    BigDecimal forecast() {
        BigDecimal v = yearVariance();
        return budget == null || v == null ? null : budget.add(v);
    }

    /** Over budget: the real variance (the change in the scheme's cost) is an overspend. */
    boolean overBudget() {
        return real != null && real.signum() > 0;
    }

    /** Funded: the funding identified covers the approved cost with the real variance. */
    boolean funded() {
        BigDecimal cost = approvedCost == null ? null : approvedCost.add(real == null ? BigDecimal.ZERO : real);
        return cost != null && !funding.isEmpty() && funding.stream().map(Funding::amount).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(cost) >= 0;
    }

    /** The status, when it is known whether the scheme is delayed; none for a programme given without its schemes. */
    Status status() {
        if (delayed == null || scheme == null) {
            return null;
        }
        if (delayed) {
            return overBudget() ? Status.RED : Status.AMBER;
        }
        return overBudget() && !funded() ? Status.AMBER : Status.GREEN;
    }

    /** Spend so far, earlier years' and this year's, beyond the approved cost. */
    boolean spentBeyondApproval() {
        BigDecimal spent = previousSpend == null && spendToDate == null ? null
                : (previousSpend == null ? BigDecimal.ZERO : previousSpend).add(spendToDate == null ? BigDecimal.ZERO : spendToDate);
        return spent != null && approvedCost != null && spent.compareTo(approvedCost) > 0;
    }

    /** Real or rephasing movement since the last report over its threshold in size (£0.1m and £1m by default): the headlines name it. */
    static boolean reported(BigDecimal realMovement, BigDecimal rephasingMovement, BigDecimal realThreshold, BigDecimal rephasingThreshold) {
        return realMovement != null && realMovement.abs().compareTo(realThreshold) > 0
                || rephasingMovement != null && rephasingMovement.abs().compareTo(rephasingThreshold) > 0;
    }
}
