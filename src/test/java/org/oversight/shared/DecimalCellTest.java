package org.oversight.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalCellTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "85.0%|85.0", "85|85", "1,254|1254", "1,254.5|1254.5", "12,345,678|12345678", "(237)|-237", "-237|-237",
            " 77% |77", "£1,200|1200", ".5|.5", "−1,200|-1200", "−0.5|-0.5"})
    void readsNumbersAsCouncilsWriteThemKeepingTheirDecimals(String raw, String expected) {
        assertThat(DecimalCell.parse(raw)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "N/A", "n/a", "TBC"})
    void readsNoDataMarkersAsMissing(String raw) {
        assertThat(DecimalCell.parse(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,25", "12,34.5", "1.2.3", "7 people", "1e5"})
    void rejectsWhatIsNotANumber(String raw) {
        assertThatThrownBy(() -> DecimalCell.parse(raw)).isInstanceOf(NumberFormatException.class).hasMessageContaining(raw.strip());
    }
}
