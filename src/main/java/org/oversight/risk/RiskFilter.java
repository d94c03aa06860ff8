package org.oversight.risk;

import java.time.LocalDate;
import java.util.Locale;

import org.oversight.shared.Text;

/** Risks across every register, narrowed to a register, a band, an owner, or those whose review is overdue. */
class RiskFilter {

    public String register;
    public RiskMatrix.Level band;
    public String owner;
    public boolean overdue;

    boolean any() {
        return Text.orNull(register) != null || band != null || Text.orNull(owner) != null || overdue;
    }

    boolean matches(Register g, Risk r, LocalDate today) {
        String who = Text.orNull(owner);
        return (Text.orNull(register) == null || register.equals(g.code()))
                && (band == null || g.matrix().band(r.current().score()) == band)
                && (who == null || r.owners().stream().anyMatch(o -> o.toLowerCase(Locale.UK).contains(who.toLowerCase(Locale.UK))))
                && (!overdue || r.reviewOverdue(today));
    }
}
