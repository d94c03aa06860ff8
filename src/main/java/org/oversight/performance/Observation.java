package org.oversight.performance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** A figure for one indicator and month, with who entered it and when. */
record Observation(Long id, long indicatorId, YearMonth period, BigDecimal value, BigDecimal numerator,
                   BigDecimal denominator, boolean provisional, String commentary, Rag publishedRag,
                   String enteredBy, OffsetDateTime enteredAt, int version) {
}
