package org.oversight.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.shared.Dates;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;

/** What clerks write in the governance forms, read by one rule each wherever it is written. */
final class Written {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[.:](\\d{2}))?\\s*(am|pm)?");

    private Written() {
    }

    /**
     * A name or title: given ({@code missing} names what is wanted when it is not), on one line, at most {@code max} characters;
     * stripped. Refused at the box {@code field}.
     */
    static String line(String field, String text, String missing, int max) {
        String t = Text.orNull(text);
        if (t == null) {
            throw new InputException(field, missing);
        }
        if (t.length() > max || t.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InputException(field, "Write it on one line, in " + max + " characters or fewer");
        }
        return t;
    }

    /** A date as {@link Dates} reads one (12 3 2019), or null when the box is empty; the box named when it is not a date. */
    static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : Dates.date(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(field, e.getMessage());
        }
    }

    /** A time as clerks write it: 10:00, 14.30, 10.00 am, 2pm; null when the box is empty. */
    static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = TIME.matcher(text.strip().toLowerCase(Locale.UK).replace(" ", "").replace("a.m.", "am").replace("p.m.", "pm"));
        if (!m.matches()) {
            throw new InputException(field, "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "' is not a time: write it as 10:00 or 2.30 pm");
        }
        int hour = Integer.parseInt(m.group(1)), minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                throw new InputException(field, "'" + text.strip() + "' is not a time: with am or pm the hour is 1 to 12");
            }
            hour = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            throw new InputException(field, "'" + text.strip() + "' is not a time of day");
        }
        return LocalTime.of(hour, minute);
    }

    /** A whole number, such as a count of votes; null when the box is empty. */
    static Integer count(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(field, "Give a whole number, such as 7");
        }
    }

    /** A sum of pounds as it is written, £1,250,000 or 1250000; null when the box is empty. */
    static BigDecimal money(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DecimalCell.parse(text.replace("£", "").strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(field, "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "' is not a sum of money, such as 1,250,000");
        }
    }
}
