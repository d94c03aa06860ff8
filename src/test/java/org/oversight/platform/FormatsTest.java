package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2019-01", "January 2019", "january 2019", "Jan 2019", "01/2019", "1/2019", "Jan-19", " 2019-01 "})
    void aMonthIsReadAsStaffWriteIt(String written) {
        assertThat(Formats.month(written)).isEqualTo(YearMonth.of(2019, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03-31", "31/3/2019", "31/03/2019", "31 3 2019", "31  3 2019", "31 March 2019", "31 march 2019", "31 Mar 2019"})
    void aDateInAFilterIsReadAsStaffWriteIt(String written) {
        assertThat(Formats.date(written)).isEqualTo(LocalDate.of(2019, 3, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 Sep 2019", "1 Sept 2019", "1 September 2019"})
    void septemberIsReadHoweverItIsShortened(String written) {
        assertThat(Formats.date(written)).isEqualTo(LocalDate.of(2019, 9, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 2 2019", "31/04/2019", "2019-02-30", "tomorrow", "31 3 19", "1 1 1850"})
    void aDateThatIsNotRealOrNotWrittenInFullIsNamed(String written) {
        assertThatThrownBy(() -> Formats.date(written)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + written + "'");
    }
}
