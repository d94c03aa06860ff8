package org.oversight.platform;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

import org.oversight.shared.DecimalCell;
import org.oversight.shared.FinancialYear;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How forms and URLs write months, financial years and figures, read the way council staff type
 * them; and form objects bound field by field, so every box that cannot be read is named.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class Formats implements WebMvcConfigurer {

    private static final List<DateTimeFormatter> MONTHS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M"),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM uuuu").toFormatter(Locale.UK),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM uuuu").toFormatter(Locale.UK),
            DateTimeFormatter.ofPattern("M/uuuu"),
            // As Oversight's own tables and the papers head their columns: Jan-19.
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.UK));

    /** '2019-01', 'January 2019', 'Jan 2019', '01/2019' or 'Jan-19'. */
    static YearMonth month(String text) {
        return read(text, MONTHS, YearMonth::from, YearMonth::getYear, "month", "January 2019 or 2019-01");
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d M uuuu"),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.UK),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.UK),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH));

    /** A date typed in a filter's box: '31 3 2019', '31/3/2019', '31 March 2019', '31 Mar 2019' or '2019-03-31'. */
    static LocalDate date(String text) {
        return read(text, DATES, LocalDate::from, LocalDate::getYear, "date", "31 3 2019 or 31 March 2019");
    }

    /** The first of the ways of writing that reads {@code text} strictly (no 31 February), within the years Oversight keeps. */
    private static <T> T read(String text, List<DateTimeFormatter> ways, TemporalQuery<T> as, ToIntFunction<T> year, String what, String example) {
        String t = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter f : ways) {
            T value;
            try {
                value = f.withResolverStyle(ResolverStyle.STRICT).parse(t, as);
            } catch (DateTimeParseException e) {
                continue;
            }
            if (year.applyAsInt(value) < FIRST_YEAR || year.applyAsInt(value) > LAST_YEAR) {
                throw new IllegalArgumentException("'" + text + "' is not a " + what + " Oversight keeps: its years run from " + FIRST_YEAR
                        + " to " + LAST_YEAR);
            }
            return value;
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + what + ": write it as " + example);
    }

    /** The years a council's records can have (the database holds the same bounds). */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2199;

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(YearMonth.class, formatter(Formats::month, YearMonth::toString));
        registry.addFormatterForFieldType(LocalDate.class, formatter(Formats::date, LocalDate::toString));
        registry.addFormatterForFieldType(FinancialYear.class, formatter(FinancialYear::parse, FinancialYear::label));
    }

    private static <T> Formatter<T> formatter(Function<String, T> parse, Function<T, String> print) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                return parse.apply(text);
            }

            @Override
            public String print(T value, Locale locale) {
                return print.apply(value);
            }
        };
    }

    /**
     * Form objects are plain classes with public fields: bound directly, no setters to write.
     * Figures are read by an editor, not a formatter: the boxes of a form's rows (figures[12].value)
     * are bound by nested field accessors, which use the binder's editors but not its conversion service.
     */
    @InitBinder
    void fields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        // Browsers send a text box's line breaks as CRLF: kept as LF, so text sent back unchanged is unchanged.
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && text.indexOf('\u0000') >= 0) {
                    throw new IllegalArgumentException("the text has a NUL character, which cannot be stored");
                }
                setValue(text == null ? null : text.replace("\r\n", "\n"));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                try {
                    setValue(DecimalCell.parse(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(e.getMessage() + ": write it like 1,254 or 85.5");
                }
            }

            @Override
            public String getAsText() {
                return getValue() instanceof BigDecimal n ? n.toPlainString() : "";
            }
        });
    }
}
