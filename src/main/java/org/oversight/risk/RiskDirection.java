package org.oversight.risk;

import java.util.Locale;

/** How a risk's current score moved since its last review. */
public enum RiskDirection {
    DECREASED("↓", "decreased"), INCREASED("↑", "increased"), SAME("↔", "no change"), NEW("NEW", "new risk"),
    CONTEXT_CHANGED("**", "context changed, no comparison");

    private final String symbol;
    private final String words;

    RiskDirection(String symbol, String words) {
        this.symbol = symbol;
        this.words = words;
    }

    /** As a page writes it: '↓ decreased', 'New risk', '** context changed, no comparison'. */
    public String label() {
        return this == NEW ? "New risk" : symbol + " " + words;
    }

    public String symbol() {
        return symbol;
    }

    public String words() {
        return words;
    }

    /** Lower score DECREASED, higher INCREASED, equal SAME, no previous score NEW. */
    public static RiskDirection between(Integer previous, int current) {
        if (previous == null) {
            return NEW;
        }
        return current < previous ? DECREASED : current > previous ? INCREASED : SAME;
    }

    /** As the papers print it: ↑ ↓ ↔ NEW **; blank is null. */
    public static RiskDirection parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "" -> null;
            case "↑" -> INCREASED;
            case "↓" -> DECREASED;
            case "↔" -> SAME;
            case "NEW" -> NEW;
            case "**" -> CONTEXT_CHANGED;
            default -> throw new IllegalArgumentException("'" + text.strip() + "' is not a direction: use ↑, ↓, ↔, NEW or **");
        };
    }
}
