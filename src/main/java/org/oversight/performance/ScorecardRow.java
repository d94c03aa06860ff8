package org.oversight.performance;

import java.math.BigDecimal;

/** One row of the scorecard interchange format (docs/formats/scorecard-csv.md). */
public record ScorecardRow(
        String ref, String title, String section, Polarity polarity, String dataPeriod, String unit,
        BigDecimal value, BigDecimal numerator, BigDecimal denominator,
        BigDecimal target, BigDecimal floor, BigDecimal tolerance,
        BigDecimal previous, BigDecimal outturn, Rag publishedRag) {

    public RagRule.Rating rating() {
        return RagRule.rate(polarity, value, target, floor, tolerance, unit);
    }

    public Direction directionFromPrevious() {
        return RagRule.direction(polarity, value, previous, target);
    }

    public Direction directionFromOutturn() {
        return RagRule.direction(polarity, value, outturn, target);
    }
}
