package org.oversight.performance;

import java.math.BigDecimal;

/** Where an activity indicator's figure falls against its expected range: never a RAG. */
public enum ActivityRange {
    BELOW, WITHIN, ABOVE;

    public static ActivityRange of(BigDecimal value, BigDecimal lower, BigDecimal upper) {
        if (value == null || lower == null || upper == null) {
            return null;
        }
        if (value.compareTo(lower) < 0) {
            return BELOW;
        }
        return value.compareTo(upper) > 0 ? ABOVE : WITHIN;
    }
}
