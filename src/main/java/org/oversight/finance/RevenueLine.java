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

    /** The revised variance: the managers' net variance with the Corporate Director's adjustment (none is 0). */
    BigDecimal revised() {
        BigDecimal v = variance();
        return v == null ? null : adjustment == null ? v : v.add(adjustment);
    }

    /** The movement since the last report; none when nothing was reported last time. */
    BigDecimal movement() {
        BigDecimal r = revised();
        return r == null || lastReported == null ? null : r.subtract(lastReported);
    }

    private static BigDecimal sum(BigDecimal gross, BigDecimal income) {
        return gross == null || income == null ? null : gross.add(income);
    }
}
