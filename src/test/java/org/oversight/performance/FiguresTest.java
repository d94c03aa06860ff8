package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.shared.InputException;

class FiguresTest {

    private static Indicator indicator(String unit, int decimals) {
        return new Indicator(1L, "X", "X", null, null, Indicator.Kind.KPI, Polarity.HIGHER, unit, decimals, null,
                Indicator.Frequency.MONTHLY, null, null, null, null, null, null, false, false, true, 0);
    }

    private static ObservationRepository.Edit edit(String num, String den) {
        return new ObservationRepository.Edit(1L, YearMonth.of(2019, 1), null, num == null ? null : new BigDecimal(num),
                den == null ? null : new BigDecimal(den), false, null, null, null);
    }

    @ParameterizedTest
    @CsvSource({"%, 1, 836, 1000, 83.6", "'per 10,000', 1, 45, 30000, 15.0", "per 100000, 1, 4110, 36350000, 11.3",
            "count, 2, 1, 3, 0.33", "%, 0, 2, 3, 67"})
    void computesTheRateFromNumeratorAndDenominatorInTheIndicatorsUnit(String unit, int decimals, String num, String den, String rate) {
        assertThat(Figures.complete(indicator(unit, decimals), edit(num, den)).value()).isEqualTo(new BigDecimal(rate));
    }

    @Test
    void refusesHalfARateAndADivisionByZero() {
        assertThatThrownBy(() -> Figures.complete(indicator("%", 1), edit("5", null)))
                .isInstanceOf(InputException.class).extracting("field").isEqualTo("denominator");
        assertThatThrownBy(() -> Figures.complete(indicator("%", 1), edit("5", "0")))
                .isInstanceOf(InputException.class).hasMessageContaining("must not be zero");
    }

    @Test
    void refusesAFigureForAMonthThatHasNotHappened() {
        ObservationRepository.Edit future = new ObservationRepository.Edit(1L, YearMonth.now().plusMonths(1), BigDecimal.ONE,
                null, null, false, null, null, null);
        assertThatThrownBy(() -> Figures.complete(indicator("%", 1), future)).isInstanceOf(InputException.class)
                .extracting("field").isEqualTo("period");
    }

    @Test
    void aFigureGivenWithItsCountsMustAgreeWithThemOrItIsRefused() {
        ObservationRepository.Edit agrees = new ObservationRepository.Edit(1L, YearMonth.of(2018, 6), new BigDecimal("75.0"),
                new BigDecimal("45"), new BigDecimal("60"), false, null, null, null);
        assertThat(Figures.complete(indicator("%", 1), agrees).value()).isEqualByComparingTo("75.0");
        ObservationRepository.Edit disagrees = new ObservationRepository.Edit(1L, YearMonth.of(2018, 6), new BigDecimal("90"),
                new BigDecimal("45"), new BigDecimal("60"), false, null, null, null);
        assertThatThrownBy(() -> Figures.complete(indicator("%", 1), disagrees)).isInstanceOf(InputException.class)
                .hasMessageContaining("90 disagrees with numerator 45 and denominator 60, which give 75.0");
    }
}
