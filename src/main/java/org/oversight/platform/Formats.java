package org.oversight.platform;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;
import java.util.Locale;

import org.oversight.shared.Dates;
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
 * Months, dates and financial years in forms and URLs read by their one parser each ({@link Dates}, {@link FinancialYear}),
 * figures the way council staff type them; and form objects bound field by field, so every box that cannot be read is named.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class Formats implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(YearMonth.class, formatter(Dates::month, YearMonth::toString));
        registry.addFormatterForFieldType(LocalDate.class, formatter(Dates::date, LocalDate::toString));
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
