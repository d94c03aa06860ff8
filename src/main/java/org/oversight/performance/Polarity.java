package org.oversight.performance;

import java.util.Locale;

/** Which way is better. An indicator without a polarity is contextual and never rated. */
public enum Polarity {
    HIGHER("higher is better", "H"),
    LOWER("lower is better", "L"),
    TARGET("closest to target is best", "T");

    private final String words;
    private final String code;

    Polarity(String words, String code) {
        this.words = words;
        this.code = code;
    }

    public String words() {
        return words;
    }

    public String code() {
        return code;
    }

    /** H / higher, L / lower, T / target in any case; blank is null (contextual). */
    public static Polarity parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "" -> null;
            case "H", "HIGHER" -> HIGHER;
            case "L", "LOWER" -> LOWER;
            case "T", "TARGET" -> TARGET;
            default -> throw new IllegalArgumentException("'" + text.strip() + "' is not a polarity: use H, L or T");
        };
    }
}
