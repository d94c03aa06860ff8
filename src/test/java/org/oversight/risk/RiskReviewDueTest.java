package org.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskReviewDueTest {

    private static Risk risk(String last, String next, String closed) {
        return new Risk(1L, "CRR0001", 1, "A risk", List.of(), null, null, null, List.of("Owner"), List.of(), List.of(), new Rating(3, 3, 9),
                null, null, null, null, last == null ? null : LocalDate.parse(last), next == null ? null : LocalDate.parse(next),
                closed == null ? null : LocalDate.parse(closed), closed == null ? null : "done", 0);
    }

    @ParameterizedTest(name = "last {0}, next {1}, closed {2}: due {3}, overdue on {4}: {5}")
    @CsvSource(nullValues = "-", value = {
            "2017-12-01, -, -, 2018-03-01, 2018-03-02, true",
            "2017-12-01, -, -, 2018-03-01, 2018-03-01, false",
            "2017-12-01, 2018-06-30, -, 2018-06-30, 2018-04-01, false",
            "-, -, -, -, 2030-01-01, false",
            "2017-12-01, -, 2018-01-15, 2018-03-01, 2019-01-01, false"})
    void aRiskWithOnlyItsLastReviewIsDueThreeMonthsOnAndOverdueAfterThatUnlessClosed(String last, String next, String closed, String due,
                                                                                       String on, boolean overdue) {
        Risk r = risk(last, next, closed);
        assertThat(r.nextReviewDue()).isEqualTo(due == null ? null : LocalDate.parse(due));
        assertThat(r.reviewOverdue(LocalDate.parse(on))).isEqualTo(overdue);
    }
}
