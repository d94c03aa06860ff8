package org.oversight.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialYearTest {

    @ParameterizedTest
    @CsvSource({"2019-01,2018,4", "2019-03,2018,4", "2019-04,2019,1", "2018-06,2018,1", "2018-07,2018,2", "2018-12,2018,3"})
    void aMonthBelongsToTheAprilToMarchYearAndItsQuarter(String month, int startYear, int quarter) {
        YearMonth m = YearMonth.parse(month);
        assertThat(FinancialYear.of(m).startYear()).isEqualTo(startYear);
        assertThat(FinancialYear.quarterOf(m)).isEqualTo(quarter);
    }

    @Test
    void parsesAndLabelsTheWayCouncilsWriteYears() {
        assertThat(FinancialYear.parse("2018-19")).isEqualTo(new FinancialYear(2018));
        assertThat(FinancialYear.parse("2018/2019")).isEqualTo(new FinancialYear(2018));
        assertThat(new FinancialYear(2099).label()).isEqualTo("2099-00");
        assertThat(new FinancialYear(2018).contains(YearMonth.of(2019, 3))).isTrue();
        assertThat(new FinancialYear(2018).contains(YearMonth.of(2019, 4))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1990-91,1990", "1990/91,1990", "1990/1991,1990", "1990,1990", " 2018 - 19 ,2018", "2198-99,2198"})
    void theYearsKeptAreReadHoweverTheyAreWritten(String written, int startYear) {
        assertThat(FinancialYear.parse(written)).isEqualTo(new FinancialYear(startYear));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1989-90", "1989", "2199-00", "2199/2200", "0000-01"})
    void aYearWhoseMonthsAreNotAllKeptIsRefusedNamingTheYears(String written) {
        assertThatThrownBy(() -> FinancialYear.parse(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + written + "' is not a financial year Oversight keeps: from 1990-91 to 2198-99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18-19", "2018-2", "twenty eighteen", "2018-19; drop table rates"})
    void anythingElseIsRefusedNamingWhatWasWritten(String written) {
        assertThatThrownBy(() -> FinancialYear.parse(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + written + "' is not a financial year such as 2018-19");
    }

    @Test
    void rejectsAYearWhoseHalvesDoNotFollow() {
        assertThatThrownBy(() -> FinancialYear.parse("2018-20")).hasMessageContaining("2018-20");
    }
}
