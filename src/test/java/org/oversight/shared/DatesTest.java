package org.oversight.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2017-09", "2017-9", "September 2017", "september 2017", "Sep 2017", "Sept 2017", "SEP 2017", "09/2017", "9/2017",
            "Sep-17", "Sept-17", " 2017-09 ", "September  2017"})
    void aMonthIsReadHoweverStaffOrTheirFilesWriteIt(String written) {
        assertThat(Dates.month(written)).isEqualTo(YearMonth.of(2017, 9));
    }

    @ParameterizedTest
    @CsvSource({"1990-01,1990-01", "January 1990,1990-01", "2199-12,2199-12", "December 2199,2199-12", "Dec 2199,2199-12"})
    void theFirstAndLastMonthsKeptAreRead(String written, YearMonth month) {
        assertThat(Dates.month(written)).isEqualTo(month);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1989-12", "December 1989", "2200-01", "January 2200", "0000-01", "9999-12"})
    void aMonthOutsideTheYearsKeptIsRefusedNamingTheYears(String written) {
        assertThatThrownBy(() -> Dates.month(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + written + "' is not a month Oversight keeps: its years run from 1990 to 2199");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-13", "2017-00", "September", "2017", "17-09", "Sep 17", "2017-09-01", "Septembre 2017", "<script>alert(1)</script>",
            "'; drop table observation; --", "2017-09\u0000", "\u0662\u0660\u0661\u0667-\u0660\u0669"})
    void anythingElseIsRefusedNamingWhatWasWrittenAndTheFormExpected(String written) {
        assertThatThrownBy(() -> Dates.month(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + written + "' is not a month: write it as January 2019 or 2019-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankIsNoMonth(String written) {
        assertThatThrownBy(() -> Dates.month(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no month was given: write it as January 2019 or 2019-01");
        assertThat(Dates.writtenMonth(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03-31", "2019-3-31", "31/3/2019", "31/03/2019", "31 3 2019", "31  3 2019", "31 March 2019", "31 march 2019", "31 Mar 2019"})
    void aDateIsReadAsStaffWriteIt(String written) {
        assertThat(Dates.date(written)).isEqualTo(LocalDate.of(2019, 3, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 Sep 2019", "1 Sept 2019", "1 September 2019"})
    void septemberIsReadHoweverItIsShortened(String written) {
        assertThat(Dates.date(written)).isEqualTo(LocalDate.of(2019, 9, 1));
    }

    @ParameterizedTest
    @CsvSource({"1990-01-01,true", "2199-12-31,true", "1989-12-31,false", "2200-01-01,false"})
    void aDateIsKeptWithinTheSameYearsAsAMonth(String written, boolean kept) {
        if (kept) {
            assertThat(Dates.date(written)).isEqualTo(LocalDate.parse(written));
        } else {
            assertThatThrownBy(() -> Dates.date(written)).hasMessage("'" + written + "' is not a date Oversight keeps: its years run from 1990 to 2199");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 2 2019", "31/04/2019", "2019-02-30", "tomorrow", "31 3 19", "1 1 1850"})
    void aDateThatIsNotRealOrNotWrittenInFullIsNamed(String written) {
        assertThatThrownBy(() -> Dates.date(written)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + written + "'");
    }
}
