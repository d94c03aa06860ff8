package org.oversight.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.performance.Indicator;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.DecimalCell;
import org.oversight.publishing.ScorecardAudit.Finding;
import org.oversight.publishing.ScorecardAudit.Kind;

/**
 * The checks only a whole paper can make, on the tables and text as they will be printed: a
 * summary count against the rows it summarises, a total against its parts, dates in order, a
 * review date passed on a current risk, and every number in the text found in the data.
 */
final class DocumentChecks {

    private static final DisplayFormat FORMAT = new DisplayFormat();

    private DocumentChecks() {
    }

    /** A number as a table cell writes it (1,234 or 77% or 11.3 or £2.5), read as every figure is; null for anything else. */
    static BigDecimal number(String cell) {
        try {
            return DecimalCell.parse(cell);
        } catch (NumberFormatException text) {
            return null;
        }
    }

    /** For a table whose last row is its total: each numeric column's total against the sum of the rows above it, exactly (counts). */
    static List<Finding> totals(Publication.Table t) {
        return totals(t, false);
    }

    /**
     * The same for a table of rounded figures (money in £m): allowing what their rounding explains, half a unit in the last
     * printed digit for each figure added and for the total; a figure not given ("–") adds nothing.
     */
    static List<Finding> roundedTotals(Publication.Table t) {
        return totals(t, true);
    }

    private static List<Finding> totals(Publication.Table t, boolean rounded) {
        List<Finding> out = new ArrayList<>();
        if (!t.total() || t.rows().size() < 2) {
            return out;
        }
        List<String> total = t.rows().get(t.rows().size() - 1);
        List<List<String>> parts = t.rows().subList(0, t.rows().size() - 1);
        for (int c = 1; c < t.header().size(); c++) {
            BigDecimal stated = number(total.get(c));
            if (stated == null) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            int added = 0;
            boolean numeric = true;
            for (List<String> row : parts) {
                BigDecimal n = number(row.get(c));
                if (n == null && !row.get(c).isBlank() && !(rounded && row.get(c).equals("–"))) {
                    numeric = false;
                }
                sum = n == null ? sum : sum.add(n);
                added += n == null ? 0 : 1;
            }
            boolean differs = rounded ? added > 0 && DecimalCell.beyondRounding(stated, sum, added) : sum.compareTo(stated) != 0;
            if (numeric && differs) {
                out.add(new Finding(Kind.TOTAL_NOT_SUM, t.caption(), t.header().get(c), "the total " + FORMAT.number(stated)
                        + " is not the sum of the " + parts.size() + " rows above it, " + FORMAT.number(sum) + (rounded ? ", even allowing for their rounding" : "")));
            }
        }
        return out;
    }

    /** In each row, the figure in column {@code result} against the sum of the columns {@code plus} less {@code minus}, to their rounding. */
    static List<Finding> roundedRule(Publication.Table t, int result, List<Integer> plus, List<Integer> minus) {
        List<Finding> out = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            BigDecimal stated = number(row.get(result));
            BigDecimal sum = BigDecimal.ZERO;
            int given = 0;
            for (int c : plus) {
                BigDecimal n = number(row.get(c));
                sum = n == null ? sum : sum.add(n);
                given += n == null ? 0 : 1;
            }
            for (int c : minus) {
                BigDecimal n = number(row.get(c));
                sum = n == null ? sum : sum.subtract(n);
                given += n == null ? 0 : 1;
            }
            // A part not given ("–", as a blank adjustment) adds nothing; a result with none of its parts given is not checked. A total row's
            // figures are each the sum of the rows above, so each carries their rounding: the rows' (checked one by one) add up in it.
            int added = t.total() && r == t.rows().size() - 1 && r > 0 ? (given + 1) * r - 1 : given;
            if (stated != null && given > 0 && DecimalCell.beyondRounding(stated, sum, added)) {
                out.add(new Finding(Kind.TOTAL_NOT_SUM, t.caption() + ", " + row.get(0), t.header().get(result), t.header().get(result) + " " + row.get(result)
                        + " is not " + String.join(" + ", plus.stream().map(c -> t.header().get(c)).toList())
                        + (minus.isEmpty() ? "" : " − " + String.join(" − ", minus.stream().map(c -> t.header().get(c)).toList())) + ", " + FORMAT.number(sum)));
            }
        }
        return out;
    }


    /** Each row's total column against the sum of the named columns in that row. */
    static List<Finding> rowTotals(Publication.Table t, int totalColumn, int from, int to) {
        List<Finding> out = new ArrayList<>();
        for (List<String> row : t.rows()) {
            BigDecimal stated = number(row.get(totalColumn));
            BigDecimal sum = BigDecimal.ZERO;
            for (int c = from; c <= to; c++) {
                BigDecimal n = number(row.get(c));
                sum = n == null ? sum : sum.add(n);
            }
            if (stated != null && sum.compareTo(stated) != 0) {
                out.add(new Finding(Kind.TOTAL_NOT_SUM, t.caption() + ", " + row.get(0), t.header().get(totalColumn), "the total " + FORMAT.number(stated)
                        + " is not the sum of " + String.join(", ", t.header().subList(from, to + 1)) + ", " + FORMAT.number(sum)));
            }
        }
        return out;
    }

    /** How many rows of a table have {@code value} in a column. */
    static int count(Publication.Table t, int column, String value) {
        return (int) t.rows().stream().filter(r -> r.get(column).equals(value)).count();
    }

    /** A summary's count against the rows it summarises, counted again. */
    static Optional<Finding> count(String ref, String column, String what, int claimed, int counted) {
        return claimed == counted ? Optional.empty() : Optional.of(new Finding(Kind.SUMMARY_COUNT_DISAGREES, ref, column,
                "the summary counts " + claimed + " " + what + ", but the rows it summarises have " + counted));
    }

    static Optional<Finding> inOrder(String ref, String column, String first, LocalDate start, String then, LocalDate end) {
        return start == null || end == null || !start.isAfter(end) ? Optional.empty() : Optional.of(new Finding(Kind.DATES_OUT_OF_ORDER, ref, column,
                first + " " + FORMAT.date(start) + " is after " + then + " " + FORMAT.date(end)));
    }

    /**
     * A figure older than the period the paper reports (the latest there is, shown in its place):
     * a monthly indicator's must be the month's; a quarterly one's within the quarter; an annual one's within the year.
     */
    static Optional<Finding> ofPeriod(String ref, Indicator.Frequency frequency, YearMonth figure, YearMonth period) {
        int months = switch (frequency) {
            case ANNUAL -> 12;
            case QUARTERLY -> 3;
            case MONTHLY -> 1;
        };
        return figure == null || figure.isAfter(period.minusMonths(months)) ? Optional.empty() : Optional.of(new Finding(Kind.FIGURE_NOT_OF_PERIOD, ref, "value",
                "the latest figure is for " + DisplayFormat.monthName(figure) + ", not " + DisplayFormat.monthName(period) + ": the paper shows it in its place"));
    }

    /** A current risk whose next review is before the date the paper reports at. */
    static Optional<Finding> reviewPassed(String ref, LocalDate due, LocalDate asAt) {
        return due == null || !due.isBefore(asAt) ? Optional.empty() : Optional.of(new Finding(Kind.REVIEW_DATE_PASSED, ref, "next_review",
                "the next review was due on " + FORMAT.date(due) + ", before " + FORMAT.date(asAt) + ", the date the paper reports at"));
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,£/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\w/])");
    private static final Pattern NOT_A_FIGURE = Pattern.compile(
            "^\\s*(%?\\s*)?(days?|weeks?|months?|years?|hours?|minutes?|quarters?|january|february|march|april|may|june|july|august|september"
                    + "|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b");

    /**
     * Each number in a text that is not in the data it talks about: a figure, target or floor of the
     * last 13 months, a difference between two of them, the latest figure's change in per cent from
     * an earlier one ({@code series}, oldest first), or the average of the series or its last 12, as
     * written to the text's decimals. Years, dates, periods (28 days), ages (aged 65, 65+, 18-64) and
     * scales (per 100 000) are words, not figures.
     */
    static List<Finding> numbers(String ref, String text, String context, Collection<BigDecimal> data, List<BigDecimal> series) {
        List<BigDecimal> derived = new ArrayList<>(data);
        if (!series.isEmpty()) {
            BigDecimal latest = series.get(series.size() - 1);
            for (BigDecimal earlier : series.subList(0, series.size() - 1)) {
                if (earlier.signum() != 0) {
                    derived.add(latest.subtract(earlier).abs().multiply(BigDecimal.valueOf(100)).divide(earlier.abs(), 6, RoundingMode.HALF_UP));
                }
            }
            for (List<BigDecimal> span : List.of(series, series.subList(Math.max(0, series.size() - 12), series.size()))) {
                derived.add(span.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(span.size()), 6, RoundingMode.HALF_UP));
            }
        }
        return numbers(ref, text, context, derived);
    }

    static List<Finding> numbers(String ref, String text, String context, Collection<BigDecimal> data) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            String written = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            if (!seen.add(written)) {
                continue;
            }
            BigDecimal n = new BigDecimal(written.replace(",", ""));
            String before = text.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.UK);
            String after = text.substring(m.end()).toLowerCase(Locale.UK);
            boolean year = m.group(2) == null && written.length() == 4 && n.intValue() >= 1900 && n.intValue() <= 2100;
            boolean age = before.endsWith("aged ") || before.endsWith("age of ") || after.startsWith("+") || after.matches("^-\\d.*") || before.endsWith("over ") && after.startsWith("s");
            if (year || age || before.endsWith("per ") || NOT_A_FIGURE.matcher(after).find() || before.matches(".*(january|february|march|april|may|june|july"
                    + "|august|september|october|november|december)\\s$") || context.contains(written) || found(n, data)) {
                continue;
            }
            out.add(new Finding(Kind.NUMBER_NOT_IN_DATA, ref, "commentary", "the text says " + written
                    + ", which is not a figure, target or floor of the last 13 months, nor a difference between them"));
        }
        return out;
    }

    private static boolean found(BigDecimal n, Collection<BigDecimal> data) {
        int scale = Math.max(0, n.scale());
        for (BigDecimal d : data) {
            if (d.setScale(scale, RoundingMode.HALF_UP).compareTo(n) == 0) {
                return true;
            }
        }
        List<BigDecimal> all = List.copyOf(data);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).subtract(all.get(j)).abs().setScale(scale, RoundingMode.HALF_UP).compareTo(n) == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
