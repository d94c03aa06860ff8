package org.oversight.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Months and dates as council staff and their files write them, read here and nowhere else, within the years Oversight keeps
 * (the database's checks hold the same bounds, written out in its migrations).
 */
public final class Dates {

    /** No council system reaches back further; a year like 0000 or 9999 is a typing error. */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2199;
    public static final YearMonth FIRST_MONTH = YearMonth.of(FIRST_YEAR, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(LAST_YEAR, 12);

    private Dates() {
    }

    public static boolean kept(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    // UK English shortens September to Sept, plain English to Sep: both are read.
    private static final List<DateTimeFormatter> MONTHS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M"),
            named("MMMM uuuu", Locale.UK),
            named("MMM uuuu", Locale.UK),
            named("MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("M/uuuu"),
            // As Oversight's own tables and the papers head their columns: Jan-19.
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.UK),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.ENGLISH));

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d M uuuu"),
            named("d MMMM uuuu", Locale.UK),
            named("d MMM uuuu", Locale.UK),
            named("d MMM uuuu", Locale.ENGLISH));

    private static DateTimeFormatter named(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale);
    }

    /** '2019-01', 'January 2019', 'Jan 2019', 'Sep 2019', '01/2019', 'Jan-19' or 'Sep-19'; refused, naming what was written, when it is none of them or outside the years kept. */
    public static YearMonth month(String text) {
        return writtenMonth(text).orElseThrow(() -> notA("month", text, "January 2019 or 2019-01"));
    }

    /** '31 3 2019', '31/3/2019', '31 March 2019', '31 Mar 2019' or '2019-03-31'; refused as {@link #month} is. */
    public static LocalDate date(String text) {
        return writtenDate(text).orElseThrow(() -> notA("date", text, "31 March 2019 or 2019-03-31"));
    }

    /** The month {@code text} is written as; empty when it is written as no month at all (a date, say); refused when outside the years kept. */
    public static Optional<YearMonth> writtenMonth(String text) {
        return read(text, MONTHS, YearMonth::from, YearMonth::getYear, "month");
    }

    /** The date {@code text} is written as, as {@link #writtenMonth} reads a month. */
    public static Optional<LocalDate> writtenDate(String text) {
        return read(text, DATES, LocalDate::from, LocalDate::getYear, "date");
    }

    /** The first of the ways of writing that reads {@code text} strictly (no 31 February). */
    private static <T> Optional<T> read(String text, List<DateTimeFormatter> ways, TemporalQuery<T> as, ToIntFunction<T> year, String what) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter f : ways) {
            T value;
            try {
                value = f.withResolverStyle(ResolverStyle.STRICT).parse(t, as);
            } catch (DateTimeParseException e) {
                continue;
            }
            if (!kept(year.applyAsInt(value))) {
                throw new IllegalArgumentException("'" + text + "' is not a " + what + " Oversight keeps: its years run from " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private static IllegalArgumentException notA(String what, String text, String example) {
        return new IllegalArgumentException(text == null || text.isBlank() ? "no " + what + " was given: write it as " + example
                : "'" + text + "' is not a " + what + ": write it as " + example);
    }
}
