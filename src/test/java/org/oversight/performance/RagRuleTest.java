package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RagRuleTest {

    private static BigDecimal n(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0} value {1} target {2} floor {3} tolerance {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            // higher is better
            "HIGHER, 85.0, 85, 76.5, -, GREEN",    // equal to the target achieves it
            "HIGHER, 85.1, 85, 76.5, -, GREEN",
            "HIGHER, 84.9, 85, 76.5, -, AMBER",
            "HIGHER, 76.5, 85, 76.5, -, AMBER",    // equal to the floor is not below it
            "HIGHER, 76.4, 85, 76.5, -, RED",
            "HIGHER, 10, 85, -, -, AMBER",         // without a floor nothing is red
            // lower is better
            "LOWER, 130, 130, 150, -, GREEN",
            "LOWER, 129, 130, 150, -, GREEN",
            "LOWER, 131, 130, 150, -, AMBER",
            "LOWER, 150, 130, 150, -, AMBER",
            "LOWER, 150.01, 130, 150, -, RED",
            "LOWER, 137, 130, -, -, AMBER",
            // closest to target is best
            "TARGET, 100, 100, 120, -, GREEN",
            "TARGET, 105, 100, 120, 5, GREEN",    // at the edge of the tolerance
            "TARGET, 95, 100, 120, 5, GREEN",
            "TARGET, 105.1, 100, 120, 5, AMBER",
            "TARGET, 80, 100, 120, 5, AMBER",     // as far below as the floor is above
            "TARGET, 79.9, 100, 120, 5, RED",
            "TARGET, 101, 100, -, -, AMBER",       // default tolerance 0
            // not rated
            "-, 50, 60, 40, -, NOT_RATED",
            "HIGHER, -, 60, 40, -, NOT_RATED",
            "HIGHER, 50, -, 40, -, NOT_RATED",
    })
    void ratesAtEveryBoundary(Polarity p, String value, String target, String floor, String tolerance, Rag expected) {
        assertThat(RagRule.rag(p, n(value), n(target), n(floor), n(tolerance))).isEqualTo(expected);
        assertThat(RagRule.rate(p, n(value), n(target), n(floor), n(tolerance), null).rag()).isEqualTo(expected);
    }

    @Test
    void aPercentSignOnOneSideIsTheSameNumber() {
        // 85.0% read from a file is 85.0; compared by value, not by scale.
        assertThat(RagRule.rag(Polarity.HIGHER, n("85.0"), n("85"), null, null)).isEqualTo(Rag.GREEN);
    }

    @Test
    void explainsEachRatingInWords() {
        assertThat(RagRule.rate(Polarity.HIGHER, n("60.7"), n("85.0"), n("76.5"), null, null).reason())
                .isEqualTo("60.7 is below the floor 76.5 (target 85.0, higher is better)");
        assertThat(RagRule.rate(Polarity.HIGHER, n("83.6"), n("85.0"), n("76.5"), null, "%").reason())
                .isEqualTo("83.6% is below the target 85.0% but not below the floor 76.5% (higher is better)");
        assertThat(RagRule.rate(Polarity.LOWER, n("137"), n("130"), null, null, null).reason())
                .isEqualTo("137 is above the target 130 and no floor is set (lower is better)");
        assertThat(RagRule.rate(Polarity.LOWER, n("130"), n("130"), null, null, null).reason())
                .isEqualTo("130 equals the target 130 (lower is better)");
        assertThat(RagRule.rate(null, n("1"), n("2"), null, null, null).reason()).contains("never rated");
        assertThat(RagRule.rate(Polarity.HIGHER, null, n("2"), null, null, null).reason()).isEqualTo("no figure for the period");
    }

    @ParameterizedTest(name = "{0} from {2} to {1} (target {3}) -> {4}")
    @CsvSource(nullValues = "-", value = {
            "HIGHER, 78, 77, -, IMPROVED", "HIGHER, 77, 77.0, -, SAME", "HIGHER, 76, 77, -, WORSENED",
            "LOWER, 101, 137, -, IMPROVED", "LOWER, 137, 101, -, WORSENED",
            "TARGET, 98, 105, 100, IMPROVED", "TARGET, 95, 105, 100, SAME", "TARGET, 90, 105, 100, WORSENED",
            "TARGET, 98, 105, -, -", "HIGHER, -, 77, -, -", "HIGHER, 77, -, -, -", "-, 77, 70, -, -"})
    void directionOfTravelFollowsPolarity(Polarity p, String latest, String earlier, String target, Direction expected) {
        assertThat(RagRule.direction(p, n(latest), n(earlier), n(target))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"5, 5, 10, WITHIN", "10, 5, 10, WITHIN", "4.9, 5, 10, BELOW", "10.1, 5, 10, ABOVE", "-, 5, 10, -"})
    void activityIndicatorsFallBelowWithinOrAboveTheirRange(String value, String lower, String upper, ActivityRange expected) {
        assertThat(ActivityRange.of(n(value), n(lower), n(upper))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1187, count, '1,187'", "868, count, 868", "1234567.50, count, '1,234,567.50'", "-12345, count, '-12,345'", "77.0, %, 77.0%",
            "100.0, count, 100.0", "1000, '%', '1,000%'"})
    void aFigureInAReasonIsWrittenAsTheTablesShowIt(String value, String unit, String shown) {
        assertThat(RagRule.show(new BigDecimal(value), unit, null)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"75, 1, 75.0%", "11.3, 2, 11.30%", "77.04, 1, 77.04%", "1187, 0, '1,187%'", "77.0, 0, 77%", "11.30, 1, 11.3%"})
    void aReasonWritesFiguresToTheIndicatorsDecimalPlacesWithoutRoundingAwayADifference(String value, int decimals, String shown) {
        assertThat(RagRule.show(new BigDecimal(value), "%", decimals)).isEqualTo(shown);
    }

    @Test
    void anIndicatorsReasonUsesItsDecimalPlaces() {
        assertThat(RagRule.rate(Polarity.HIGHER, n("75"), n("77"), n("70"), null, "%", 1).reason())
                .isEqualTo("75.0% is below the target 77.0% but not below the floor 70.0% (higher is better)");
    }
}
