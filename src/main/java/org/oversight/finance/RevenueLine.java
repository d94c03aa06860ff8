package org.oversight.finance;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A budget book heading's monitoring line, as written: its cash limit (gross, income, net; income
 * negative), the managers' forecast variance (+ a pressure, − an underspend), the Corporate
 * Director's adjustment and the revised variance last reported. Blank figures stay null.
 */
record RevenueLine(int row, String heading, String group, BigDecimal cashLimitGross, BigDecimal cashLimitIncome, BigDecimal cashLimitNet,
                   BigDecimal varianceGross, BigDecimal varianceIncome, BigDecimal varianceNet, BigDecimal adjustment, BigDecimal lastReported,
                   String comment) {

    /** A line named "Total …" is the sum of the lines above it in its group, not a heading of its own. */
    boolean total() {
        return heading.toLowerCase(Locale.UK).startsWith("total");
    }

    /** The net cash limit: as written, or gross + income when only they are. */
    BigDecimal net() {
        return cashLimitNet != null ? cashLimitNet : sum(cashLimitGross, cashLimitIncome);
    }

    /** The managers' net variance: as written, or gross + income when only they are. */
    BigDecimal variance() {
        return varianceNet != null ? varianceNet : sum(varianceGross, varianceIncome);
    }

    BigDecimal revised() {
        return revised(variance(), adjustment);
    }

    BigDecimal movement() {
        return movement(revised(), lastReported);
    }

    /**
     * The revised variance: the managers' net variance with the Corporate Director's adjustment (none is 0). A line that is an
     * adjustment alone (a Corporate Director's line of its own) is revised by it; a line with neither has none.
     */
    static BigDecimal revised(BigDecimal variance, BigDecimal adjustment) {
        return plus(variance, adjustment);
    }

    /** The movement since the last report; none when nothing was reported last time. */
    static BigDecimal movement(BigDecimal revised, BigDecimal lastReported) {
        return less(revised, lastReported);
    }

    /** The module's one sum of figures that may be missing: a figure added to a missing one is itself. */
    static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** The module's one difference of figures that may be missing: none unless both are there. */
    static BigDecimal less(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static BigDecimal sum(BigDecimal gross, BigDecimal income) {
        return gross == null || income == null ? null : gross.add(income);
    }
}
