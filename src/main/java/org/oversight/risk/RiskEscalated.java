package org.oversight.risk;

import java.util.Locale;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A risk moved between registers: up the hierarchy (escalated), down it, or across. */
public record RiskEscalated(String code, String fromRegister, String toRegister, Kind kind, String reason, Risk before, Risk after)
        implements Recorded {

    public enum Kind { ESCALATED, DE_ESCALATED, MOVED }

    @Override
    public Audited audited() {
        return new Audited(Audited.Action.UPDATE, "risk", code, "Risk " + code + " " + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " from " + fromRegister + " to " + toRegister + ": " + reason, before, after);
    }
}
