package org.oversight.finance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A line of the position cut by service line (Appendix 1 of the report), as written: the directorate of the budget book it
 * belongs to, the division it is printed under (if any), its cash limit, and the managers' net forecast variance (before the
 * Corporate Director's adjustments) with its movement since the last report. A line named "Sub Total …" or "Total …" is
 * a total as printed: checked against the lines it adds up, never stored.
 */
record ServiceLine(int row, String directorate, String division, String name, BigDecimal gross, BigDecimal income, BigDecimal net, BigDecimal variance,
                   BigDecimal movement, BigDecimal roundedTo) {

    /** The figures a total adds up, by their CSV column. */
    static final Map<String, Function<ServiceLine, BigDecimal>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("cash_limit_gross", ServiceLine::gross);
        FIGURES.put("cash_limit_income", ServiceLine::income);
        FIGURES.put("cash_limit_net", ServiceLine::net);
        FIGURES.put("variance_net", ServiceLine::variance);
        FIGURES.put("movement", ServiceLine::movement);
    }

    /**
     * What a file's figures were rounded to, in pounds: the last digit of its most precise figure, in the file's unit. One for the file, as
     * a spreadsheet saves 0.0 as 0 and 164.0 as 164: a figure written with fewer digits is not the less precise for it.
     */
    static BigDecimal roundedTo(List<ServiceLine> lines, BigDecimal unitPounds) {
        int scale = lines.stream().flatMap(l -> FIGURES.values().stream().map(f -> f.apply(l))).filter(Objects::nonNull)
                .mapToInt(BigDecimal::scale).max().orElse(0);
        return unitPounds.multiply(BigDecimal.ONE.scaleByPowerOfTen(-Math.max(scale, 0)));
    }

    boolean total() {
        return TOTAL.matcher(name).lookingAt();
    }

    /** "Total …", "Sub Total …", "Sub-total", "Grand total", however spaced and cased. */
    private static final Pattern TOTAL = Pattern.compile("\\s*(sub\\s*-?\\s*|grand\\s+)?total\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The same line in another month: its directorate, division and name. */
    String key() {
        return directorate + "\u0000" + division + "\u0000" + name;
    }

    /** Whether {@code line} is one this total adds up: of its division when it names one, else of its directorate, else of every line. */
    boolean covers(ServiceLine line) {
        return !line.total() && (directorate == null || directorate.equals(line.directorate())) && (division == null || division.equals(line.division()));
    }
}
