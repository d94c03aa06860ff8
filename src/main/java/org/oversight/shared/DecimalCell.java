package org.oversight.shared;

import java.math.BigDecimal;
import java.util.Set;

/** Numbers as councils write them: "1,254", "85.0%", "(237)", or a no-data marker. */
public final class DecimalCell {

    private static final Set<String> NO_DATA = Set.of("", "-", "N/A", "NA", "TBC", "n/a");

    private DecimalCell() {
    }

    /** The number written, with its scale kept; null for a no-data marker. */
    public static BigDecimal parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
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
        return bracketed ? n.negate() : n;
    }
}
