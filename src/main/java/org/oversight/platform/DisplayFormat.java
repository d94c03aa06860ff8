package org.oversight.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** How figures and months read on every page: {@code ${@fmt.number(x)}} in templates. */
@Component("fmt")
public class DisplayFormat {

    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Thousands separators, and as many decimals as were written: 1,254 and 21.9. */
    public String number(BigDecimal n) {
        if (n == null) {
            return "–";
        }
        // Written out by hand: a DecimalFormat per figure was a tenth of a budget page's time (bench/run).
        String plain = n.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (n.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return out.append(point < 0 ? "" : plain.substring(point)).toString();
    }

    /** Pounds as £m to the nearest £1,000, as budget monitoring tables print them, so a column reads alike: 2,400,000 as 2.400. */
    public String millions(BigDecimal pounds) {
        return millions(pounds, 3);
    }

    /** Pounds as £m to {@code decimals} places: a table written to £0.1m is printed so, not as if it were known to £1,000. */
    public String millions(BigDecimal pounds, int decimals) {
        return pounds == null ? "–" : number(pounds.movePointLeft(6).setScale(decimals, RoundingMode.HALF_UP));
    }

    public String figure(BigDecimal n, String unit) {
        return n == null ? "–" : number(n) + ("%".equals(unit) ? "%" : "");
    }

    /** A figure to its indicator's decimal places, so a column reads alike: 75.0% beside 77.0%, not 75% beside 77.0%. */
    public String figure(BigDecimal n, String unit, int decimals) {
        return figure(n == null ? null : n.setScale(decimals, RoundingMode.HALF_UP), unit);
    }

    public String month(YearMonth m) {
        return m == null ? "" : m.format(SHORT_MONTH);
    }

    /** A code as words: SIGN_IN_FAILED as 'Sign in failed', risk-action as 'Risk action'. */
    public String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String w = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A date as GOV.UK writes it: 14 May 2019. */
    public String date(LocalDate d) {
        return dateWords(d);
    }

    /** {@link #date} for messages, where no bean is at hand. */
    public static String dateWords(LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    /** A date where space is short, as on a chart's axis: 14 May 2019. */
    public static String shortDate(LocalDate d) {
        return d == null ? "" : d.format(SHORT_DATE);
    }

    public String longMonth(YearMonth m) {
        return monthName(m);
    }

    /** A month as GOV.UK writes it, for messages as well as pages: January 2019. */
    public static String monthName(YearMonth m) {
        return m == null ? "" : m.format(LONG_MONTH);
    }

    /** A plain number for an input box: no separators. */
    public String plain(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }
}
