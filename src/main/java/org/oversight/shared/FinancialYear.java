package org.oversight.shared;

import java.util.regex.Pattern;
import java.time.LocalDate;
import java.time.YearMonth;

/** A UK local-government financial year, April to March, named by the year it starts in. */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public static FinancialYear of(YearMonth month) {
        return new FinancialYear(month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1);
    }

    public static FinancialYear of(LocalDate date) {
        return of(YearMonth.from(date));
    }

    /** The first and last years Oversight keeps: their months are all within {@link Dates}' years. */
    public static final FinancialYear FIRST = new FinancialYear(Dates.FIRST_YEAR);
    public static final FinancialYear LAST = new FinancialYear(Dates.LAST_YEAR - 1);

    /** Parses '2018-19', '2018/19', '2018/2019' or '2018'; refused, naming what was written, when it is none of them or outside the years kept. */
    public static FinancialYear parse(String text) {
        String t = text == null ? "" : text.strip();
        var m = Pattern.compile("(\\d{4})(?:\\s*[-/]\\s*(\\d{2}|\\d{4}))?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year such as 2018-19");
        }
        int start = Integer.parseInt(m.group(1));
        if (m.group(2) != null && Integer.parseInt(m.group(2)) % 100 != (start + 1) % 100) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year: the second year must follow the first");
        }
        if (start < FIRST.startYear || start > LAST.startYear) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year Oversight keeps: from " + FIRST + " to " + LAST);
        }
        return new FinancialYear(start);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(startYear, 4);
    }

    public YearMonth lastMonth() {
        return YearMonth.of(startYear + 1, 3);
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(firstMonth()) && !month.isAfter(lastMonth());
    }

    /** Quarter 1 is April to June. */
    public static int quarterOf(YearMonth month) {
        return (month.getMonthValue() + 8) % 12 / 3 + 1;
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    public String label() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    @Override
    public int compareTo(FinancialYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
