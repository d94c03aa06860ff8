package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayFormatTest {

    private final DisplayFormat fmt = new DisplayFormat();

    @ParameterizedTest
    @CsvSource({"75, %, 1, 75.0%", "77.0, %, 1, 77.0%", "11.30, count, 1, 11.3", "1187.456, count, 0, '1,187'", "8.75, count, 1, 8.8"})
    void aFigureIsShownToItsIndicatorsDecimalPlaces(String value, String unit, int decimals, String shown) {
        assertThat(fmt.figure(new BigDecimal(value), unit, decimals)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "999, 999", "1000, '1,000'", "-1000, '-1,000'", "123456.78, '123,456.78'", "-0.50, -0.50", "1E+3, '1,000'", "1234567890, '1,234,567,890'",
            "0.000, 0.000", "-12345.6, '-12,345.6'"})
    void aNumberHasThousandsSeparatorsAndTheDecimalsItWasWrittenWith(String value, String shown) {
        assertThat(fmt.number(new BigDecimal(value))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"2400000, 2.400", "-1361000, -1.361", "938054000, 938.054", "1529300000, '1,529.300'", "449, 0.000", "-499.99, 0.000", "-500, -0.001", "0, 0.000"})
    void poundsArePrintedInMillionsToTheNearestThousand(String pounds, String shown) {
        assertThat(fmt.millions(new BigDecimal(pounds))).isEqualTo(shown);
    }

    @Test
    void datesMonthsAndCodesAreWrittenAsGovUkWritesThem() {
        assertThat(fmt.date(LocalDate.of(2019, 5, 14))).isEqualTo("14 May 2019");
        assertThat(DisplayFormat.monthName(YearMonth.of(2019, 1))).isEqualTo("January 2019");
        assertThat(fmt.words("SIGN_IN_FAILED")).isEqualTo("Sign in failed");
        assertThat(fmt.words("risk-action")).isEqualTo("Risk action");
    }
}
