package org.oversight.delays;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.oversight.shared.Dates;

/**
 * Delayed transfers of care for an organisation (a trust, or one of its hospital sites) in a period: the days delayed, split by the
 * body responsible — the NHS, social care, or both (spec/delays-csv.md). The total, the days attributable to social care (its own
 * and half of those of both), each body's share, and the average number of people delayed per day per 100,000 adults are worked
 * out here, and only here.
 */
record DelayedDays(String organisation, Period period, BigDecimal nhs, BigDecimal socialCare, BigDecimal both) {

    /** A calendar month, or the week ending on a day: written as a month ({@code 2019-01}) or as a date ({@code 2017-11-30}). */
    record Period(YearMonth month, LocalDate weekEnding) {

        static Period parse(String written) {
            String s = written == null ? "" : written.strip();
            return Dates.writtenMonth(s).map(m -> new Period(m, null)).or(() -> Dates.writtenDate(s).map(d -> new Period(null, d)))
                    .orElseThrow(() -> new IllegalArgumentException("'" + s + "' is not a period: write a month as 2019-01 or a week by the day it ends, 2017-11-30"));
        }

        boolean week() {
            return weekEnding != null;
        }

        /** The days the period has: a month its calendar days, a week 7. */
        int days() {
            return week() ? 7 : month.lengthOfMonth();
        }

        @Override
        public String toString() {
            return week() ? weekEnding.toString() : month.toString();
        }
    }

    BigDecimal total() {
        return nhs.add(socialCare).add(both);
    }

    /** Social care's own days and half of those both are responsible for. */
    BigDecimal attributableToSocialCare() {
        return socialCare.add(both.divide(new BigDecimal(2)));
    }

    /** A part of the total in percent, to one decimal place; none when there were no delays. */
    BigDecimal share(BigDecimal part) {
        BigDecimal total = total();
        return total.signum() == 0 ? null : part.multiply(HUNDRED).divide(total, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The average number of people delayed per day per 100,000 of {@code population}: the days delayed ÷ the days in the period ÷ the
     * population × 100,000, to one decimal place.
     */
    static BigDecimal per100k(BigDecimal days, Period period, BigDecimal population) {
        return days.divide(BigDecimal.valueOf(period.days()), MathContext.DECIMAL64).divide(population, MathContext.DECIMAL64)
                .multiply(HUNDRED_THOUSAND).setScale(1, RoundingMode.HALF_UP);
    }

    /** The rows added up, as one organisation's. */
    static DelayedDays sum(String organisation, Period period, List<DelayedDays> rows) {
        return new DelayedDays(organisation, period, rows.stream().map(DelayedDays::nhs).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(DelayedDays::socialCare).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(DelayedDays::both).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Days as written: 4110, not the column's 4110.00. */
    static BigDecimal written(BigDecimal days) {
        BigDecimal s = days.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static final BigDecimal HUNDRED = new BigDecimal(100), HUNDRED_THOUSAND = new BigDecimal(100_000);
}
