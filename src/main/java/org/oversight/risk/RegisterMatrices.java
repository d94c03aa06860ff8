package org.oversight.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/** A register's matrix changed, with nothing re-rated silently. */
@Service
@Validated
class RegisterMatrices {

    private final RegisterRepository registers;
    private final RiskRepository risks;
    private final ApplicationEventPublisher events;

    RegisterMatrices(RegisterRepository registers, RiskRepository risks, ApplicationEventPublisher events) {
        this.registers = registers;
        this.risks = risks;
        this.events = events;
    }

    /** The rating as the matrix would give it; an error naming what does not fit. */
    static void fit(RiskMatrix m, Rating r) {
        if (r.hasLevels()) {
            m.rate(r.likelihood(), r.impact());
        } else {
            m.rateScore(r.score());
        }
    }

    /** New cut-offs on the register's own matrix: scores up to {@code lowUpTo} are low, up to {@code mediumUpTo} medium. */
    @Transactional
    List<String> changeBands(String registerCode, @Valid MatrixForm f) {
        RiskMatrix m = registers.get(registerCode).matrix();
        return change(registerCode, new RiskMatrix(m.size(), m.likelihoodLabels(), m.impactLabels(), List.of(
                new RiskMatrix.Band(RiskMatrix.Level.LOW, f.lowUpTo, m.colour(RiskMatrix.Level.LOW)),
                new RiskMatrix.Band(RiskMatrix.Level.MEDIUM, f.mediumUpTo, m.colour(RiskMatrix.Level.MEDIUM)),
                new RiskMatrix.Band(RiskMatrix.Level.HIGH, m.size() * m.size(), m.colour(RiskMatrix.Level.HIGH)))), f.version);
    }

    /**
     * Changes a register's matrix. Every risk must still fit, and the risks whose band changes are
     * listed in the audit record of the change.
     */
    @Transactional
    List<String> change(String registerCode, RiskMatrix matrix, int version) {
        Register g = registers.get(registerCode);
        List<String> rebanded = new ArrayList<>();
        for (Risk r : risks.inRegister(g.id(), true)) {
            for (Rating rating : Arrays.asList(r.current(), r.target())) {
                if (rating == null) {
                    continue;
                }
                try {
                    fit(matrix, rating);
                } catch (InputException e) {
                    throw new InputException("matrix", r.code() + " is rated " + rating.score() + ", which the new matrix cannot hold: " + e.problem());
                }
            }
            if (g.matrix().band(r.current().score()) != matrix.band(r.current().score())) {
                rebanded.add(r.code() + " " + g.matrix().band(r.current().score()) + " to " + matrix.band(r.current().score()));
            }
        }
        registers.updateMatrix(g.id(), matrix, version);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "risk-register", registerCode, "Matrix of " + g.name() + " changed; "
                + (rebanded.isEmpty() ? "no risk changes band" : rebanded.size() + " risks re-rated: " + String.join(", ", rebanded)),
                g.matrix(), matrix));
        return rebanded;
    }
}
