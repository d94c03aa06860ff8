package org.oversight.performance;

public enum Direction {
    IMPROVED("↑", "improved"), SAME("↔", "no change"), WORSENED("↓", "worsened");

    private final String arrow;
    private final String words;

    Direction(String arrow, String words) {
        this.arrow = arrow;
        this.words = words;
    }

    public String arrow() {
        return arrow;
    }

    public String words() {
        return words;
    }
}
