package org.oversight.risk;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A risk was reviewed: its score before and after, and which way it moved. */
public record RiskReviewed(String code, int previousScore, int score, RiskDirection direction, Risk before, Risk after) implements Recorded {

    @Override
    public Audited audited() {
        return new Audited(Audited.Action.UPDATE, "risk", code, "Risk " + code + " reviewed: " + previousScore + " to " + score
                + " (" + direction.words() + ")", before, after);
    }
}
