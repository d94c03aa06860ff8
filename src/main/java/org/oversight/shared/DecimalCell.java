package org.oversight.shared;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Numbers as councils write them: '1,254', '85.0%', '(237)', or a no-data marker. Every figure
 * Oversight stores fits 15 digits before the point and 6 after (the database checks the same).
 */
public final class DecimalCell {

    private static final Set<String> NO_DATA = Set.of("", "-", "N/A", "NA", "TBC", "n/a");
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_DECIMALS = 6;
    private static final int MAX_LENGTH = 40;

    private DecimalCell() {
    }

    /** The number written, with its scale kept; null for a no-data marker. */
    public static BigDecimal parse(String raw) {
        if (raw == null) {
            return null;
        }
        // The minus sign a word processor or Oversight's own pages print (U+2212) is a minus.
        String s = raw.strip().replace('\u2212', '-');
        if (s.length() > MAX_LENGTH) {
            throw new NumberFormatException("'" + s.substring(0, 12) + "…' (" + s.length() + " characters) is too long to be a figure");
        }
        if (NO_DATA.contains(s) || NO_DATA.contains(s.toUpperCase())) {
            return null;
        }
        boolean bracketed = s.startsWith("(") && s.endsWith(")");
        if (bracketed) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.startsWith("£")) {
            s = s.substring(1);
        }
        if (s.contains(",")) {
            if (!s.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                throw new NumberFormatException("'" + raw.strip() + "' is not a number");
            }
            s = s.replace(",", "");
        }
        if (!s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new NumberFormatException("'" + raw.strip() + "' is not a number");
        }
        BigDecimal n = new BigDecimal(s);
        String problem = outOfRange(n);
        if (problem != null) {
            throw new NumberFormatException("'" + raw.strip() + "' " + problem);
        }
        return bracketed ? n.negate() : n;
    }

    /** The figure, if it fits what Oversight stores; else a clear error naming the field. */
    public static BigDecimal check(String field, BigDecimal n) {
        String problem = n == null ? null : outOfRange(n);
        if (problem != null) {
            throw new InputException(field, "the figure " + problem);
        }
        return n;
    }

    private static String outOfRange(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            return "is too large: a figure has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point";
        }
        if (stripped.scale() > MAX_DECIMALS) {
            return "has too many decimal places: a figure has at most " + MAX_DECIMALS;
        }
        return null;
    }

    /**
     * Whether a written figure and the sum of {@code n} written figures differ by more than their rounding can explain: half a
     * unit in the last written digit for each figure added and for the total (a table printed to £0.1m may not add exactly).
     */
    public static boolean beyondRounding(BigDecimal written, BigDecimal sum, int n) {
        return beyondRounding(written, sum, n, BigDecimal.ONE.scaleByPowerOfTen(-Math.max(Math.max(written.scale(), sum.scale()), 0)));
    }

    /** The same for figures kept without their written digits: {@code unit} is what they were rounded to (£100,000 for £0.1m). */
    public static boolean beyondRounding(BigDecimal written, BigDecimal sum, int n, BigDecimal unit) {
        return written.subtract(sum).abs().compareTo(unit.multiply(new BigDecimal("0.5")).multiply(BigDecimal.valueOf(n + 1L))) > 0;
    }
}
