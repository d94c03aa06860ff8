package org.oversight.risk;

/** A risk rating: likelihood and impact when published, always the score (their product). */
public record Rating(Integer likelihood, Integer impact, int score) {

    public boolean hasLevels() {
        return likelihood != null && impact != null;
    }
}
