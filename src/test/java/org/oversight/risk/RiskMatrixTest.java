package org.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.shared.InputException;

class RiskMatrixTest {

    @ParameterizedTest
    @CsvSource({"1, LOW", "6, LOW", "8, MEDIUM", "15, MEDIUM", "16, HIGH", "25, HIGH"})
    void bandsChangeExactlyAtTheirCutOffs(int score, RiskMatrix.Level band) {
        assertThat(RiskMatrix.DEFAULT.band(score)).isEqualTo(band);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 11, 13, 14, 17, 26, 0})
    void scoresNoLikelihoodAndImpactCanGiveAreRefused(int score) {
        assertThatThrownBy(() -> RiskMatrix.DEFAULT.rateScore(score)).isInstanceOf(InputException.class)
                .hasMessageContaining("is not a score this 5 × 5 matrix can give");
    }

    @Test
    void ratesLikelihoodTimesImpactWithinTheMatrixOnly() {
        assertThat(RiskMatrix.DEFAULT.rate(4, 5).score()).isEqualTo(20);
        assertThatThrownBy(() -> RiskMatrix.DEFAULT.rate(6, 1)).hasMessageContaining("likelihood 6 is outside the matrix");
        assertThatThrownBy(() -> RiskMatrix.DEFAULT.rate(1, 0)).hasMessageContaining("impact 0 is outside the matrix");
        assertThat(RiskMatrix.DEFAULT.likelihoodLabel(3)).isEqualTo("Possible");
        assertThat(RiskMatrix.DEFAULT.impactLabel(5)).isEqualTo("Major");
    }

    @Test
    void aRegisterMayConfigureItsOwnMatrix() {
        RiskMatrix four = new RiskMatrix(4, List.of("Rare", "Unlikely", "Likely", "Almost certain"), List.of("Low", "Medium", "High", "Severe"),
                List.of(new RiskMatrix.Band(RiskMatrix.Level.LOW, 4, "Green"), new RiskMatrix.Band(RiskMatrix.Level.MEDIUM, 9, "Amber"),
                        new RiskMatrix.Band(RiskMatrix.Level.HIGH, 16, "Red")));
        assertThat(four.band(9)).isEqualTo(RiskMatrix.Level.MEDIUM);
        assertThat(four.band(12)).isEqualTo(RiskMatrix.Level.HIGH);
        assertThatThrownBy(() -> four.rate(5, 1)).hasMessageContaining("runs from 1 to 4");
        assertThatThrownBy(() -> new RiskMatrix(4, four.likelihoodLabels(), four.impactLabels(),
                List.of(new RiskMatrix.Band(RiskMatrix.Level.LOW, 4, "Green")))).hasMessageContaining("must reach the largest score, 16");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"20, 16, DECREASED", "12, 16, INCREASED", "16, 16, SAME", "-, 16, NEW"})
    void directionSinceTheLastReviewFollowsTheScore(Integer previous, int current, RiskDirection expected) {
        assertThat(RiskDirection.between(previous, current)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a label of sixty-one characters, longer than any heading needs", "two\nlines"})
    void aLevelsLabelIsOneShortLine(String label) {
        List<String> labels = List.of(label, "Unlikely", "Possible", "Likely", "Very Likely");
        assertThatThrownBy(() -> new RiskMatrix(5, labels, RiskMatrix.DEFAULT.impactLabels(), RiskMatrix.DEFAULT.bands()))
                .isInstanceOf(InputException.class).hasMessageContaining("1 to 60 characters");
    }

    @Test
    void aBandsColourIsAWord() {
        List<RiskMatrix.Band> bands = List.of(new RiskMatrix.Band(RiskMatrix.Level.LOW, 6, "Green\" onload=\"x"),
                new RiskMatrix.Band(RiskMatrix.Level.MEDIUM, 15, "Amber"), new RiskMatrix.Band(RiskMatrix.Level.HIGH, 25, "Red"));
        assertThatThrownBy(() -> new RiskMatrix(5, RiskMatrix.DEFAULT.likelihoodLabels(), RiskMatrix.DEFAULT.impactLabels(), bands))
                .isInstanceOf(InputException.class).hasMessageContaining("colour named in words");
    }

    @Test
    void aLowestBandBelowTheScoreOneIsRefused() {
        assertThatThrownBy(() -> new RiskMatrix(5, RiskMatrix.DEFAULT.likelihoodLabels(), RiskMatrix.DEFAULT.impactLabels(),
                List.of(new RiskMatrix.Band(RiskMatrix.Level.LOW, -5, "Green"), new RiskMatrix.Band(RiskMatrix.Level.MEDIUM, 12, "Amber"),
                        new RiskMatrix.Band(RiskMatrix.Level.HIGH, 25, "Red")))).hasMessageContaining("at least the score 1");
    }
}
