package org.oversight.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A date as the GOV.UK date input asks for it, day, month and year in boxes of their own; from
 * JSON it is written as 2019-06-30.
 */
public final class DateInput {

    public String day;
    public String month;
    public String year;

    public DateInput() {
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    @JsonCreator
    public static DateInput of(String iso) {
        DateInput d = new DateInput();
        if (iso != null && !iso.isBlank()) {
            // Put in its boxes as a form would send them, to be read, and refused, by date() as a form's are.
            Matcher parts = ISO.matcher(iso.strip());
            if (parts.matches()) {
                d.year = parts.group(1);
                d.month = String.valueOf(Integer.parseInt(parts.group(2)));
                d.day = String.valueOf(Integer.parseInt(parts.group(3)));
            } else {
                d.day = iso;
            }
        }
        return d;
    }

    public static DateInput of(LocalDate date) {
        return date == null ? null : of(date.toString());
    }

    /** The date; null when every box is empty; an error naming {@code field} when it is not a real date. */
    public LocalDate date(String field) {
        String d = Text.orNull(day), m = Text.orNull(month), y = Text.orNull(year);
        if (d == null && m == null && y == null) {
            return null;
        }
        if (d == null || m == null || y == null) {
            throw new InputException(field, "the date must include a day, a month and a year, such as 27 3 2026");
        }
        try {
            int year = Integer.parseInt(y);
            if (!Dates.kept(year)) {
                throw new InputException(field, "the year must be written in full, such as 2026");
            }
            return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
        } catch (NumberFormatException | DateTimeException e) {
            throw new InputException(field, "'" + d + " " + m + " " + y + "' is not a real date: enter a day, a month and a year, such as 27 3 2026");
        }
    }
}
