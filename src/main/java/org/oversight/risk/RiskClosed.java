package org.oversight.risk;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A risk was closed, for a reason that stays with it. */
public record RiskClosed(String code, String reason, Risk before, Risk after) implements Recorded {

    @Override
    public Audited audited() {
        return new Audited(Audited.Action.UPDATE, "risk", code, "Risk " + code + " closed: " + reason, before, after);
    }
}
