package org.oversight.performance;

import java.util.Locale;

public enum Rag {
    GREEN, AMBER, RED, NOT_RATED;

    /** A published rating: G / A / R or the full word; blank is null. */
    public static Rag parsePublished(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "" -> null;
            case "G", "GREEN" -> GREEN;
            case "A", "AMBER" -> AMBER;
            case "R", "RED" -> RED;
            default -> throw new IllegalArgumentException("'" + text.strip() + "' is not a rating: use G, A or R");
        };
    }

    /** Worst first, for sorting a table by rating: Red, Amber, Green, then not rated. */
    public int rank() {
        return switch (this) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
            case NOT_RATED -> 3;
        };
    }

    public String label() {
        return this == NOT_RATED ? "Not rated" : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
