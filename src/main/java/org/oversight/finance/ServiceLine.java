package org.oversight.finance;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A line of the position cut by service line (Appendix 1 of the report), as written: the directorate of the budget book it
 * belongs to, the division it is printed under (if any), its cash limit, and the managers' net forecast variance (before the
 * Corporate Director's adjustments) with its movement since the last report. A line named "Sub Total …" or "Total …" is
 * a total as printed: checked against the lines it adds up, never stored.
 */
record ServiceLine(int row, String directorate, String division, String name, BigDecimal gross, BigDecimal income, BigDecimal net, BigDecimal variance,
                   BigDecimal movement, BigDecimal roundedTo) {

    /** The figures a total adds up, by their CSV column. */
    static final java.util.Map<String, java.util.function.Function<ServiceLine, BigDecimal>> FIGURES = new java.util.LinkedHashMap<>();

    static {
        FIGURES.put("cash_limit_gross", ServiceLine::gross);
        FIGURES.put("cash_limit_income", ServiceLine::income);
        FIGURES.put("cash_limit_net", ServiceLine::net);
        FIGURES.put("variance_net", ServiceLine::variance);
        FIGURES.put("movement", ServiceLine::movement);
    }

    /** What a line's written figures were rounded to, in pounds: the last digit of the least precise of them, in the file's unit. */
    static BigDecimal roundedTo(ServiceLine l, BigDecimal unitPounds) {
        int scale = FIGURES.values().stream().map(f -> f.apply(l)).filter(java.util.Objects::nonNull).mapToInt(BigDecimal::scale).min().orElse(0);
        return unitPounds.multiply(BigDecimal.ONE.scaleByPowerOfTen(-Math.max(scale, 0)));
    }

    boolean total() {
        String n = name.toLowerCase(Locale.UK);
        return n.startsWith("total") || n.startsWith("sub total") || n.startsWith("subtotal") || n.startsWith("sub-total");
    }

    /** The same line in another month: its directorate, division and name. */
    String key() {
        return directorate + "\u0000" + division + "\u0000" + name;
    }

    /** Whether {@code line} is one this total adds up: of its division when it names one, else of its directorate, else of every line. */
    boolean covers(ServiceLine line) {
        return !line.total() && (directorate == null || directorate.equals(line.directorate())) && (division == null || division.equals(line.division()));
    }
}
