package org.oversight.risk;

import java.time.LocalDate;
import java.util.List;

/** One row of the risk register interchange format (docs/formats/risk-register-csv.md). */
public record RiskRow(String id, String title, String register, List<String> owners, String cabinetMember,
                      String cause, String event, String consequence, Rating current, Rating target,
                      Integer previousScore, RiskDirection publishedDirection, LocalDate lastReview, LocalDate nextReview) {

    /** Computed from previous_score when there is one; null otherwise, as the spec says. */
    public RiskDirection direction() {
        return previousScore == null ? null : RiskDirection.between(previousScore, current.score());
    }
}
