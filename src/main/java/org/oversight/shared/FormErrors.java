package org.oversight.shared;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The errors of one submitted form, field by field, in the order the fields were read: a
 * page shows them in an error summary and beside each field, and saves nothing while any remain.
 */
public final class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /**
     * Every error of a bound form: a box whose text could not be read as its type (named with what
     * was typed and what was expected), then each rule the form's Validator found broken.
     */
    public static FormErrors of(BindingResult binding) {
        return of(binding, FormErrors::label);
    }

    /**
     * The same, with {@code label} naming a box in the messages. A row's box, rows[12].value, is
     * reported as value-12: the id its box has on the page.
     */
    public static FormErrors of(BindingResult binding, UnaryOperator<String> label) {
        FormErrors out = new FormErrors();
        // In the order the boxes are on the form (its fields' order), as GOV.UK's error summary lists them.
        List<String> order = binding.getTarget() == null ? List.of()
                : Arrays.stream(binding.getTarget().getClass().getDeclaredFields()).map(Field::getName).toList();
        List<FieldError> errors = new ArrayList<>(binding.getFieldErrors());
        errors.sort(Comparator.comparingInt(e -> {
            int i = order.indexOf(e.getField().replaceAll("[.\\[].*", ""));
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        for (FieldError e : errors) {
            String key = e.getField().replaceAll("^\\w+\\[(\\w+)]\\.(\\w+)$", "$2-$1");
            if (e.isBindingFailure()) {
                out.add(key, label.apply(e.getField()) + ": " + unreadable(e, binding.getFieldType(e.getField())));
            } else {
                out.add(key, e.getDefaultMessage());
            }
        }
        binding.getGlobalErrors().forEach(e -> out.add("form", e.getDefaultMessage()));
        return out;
    }

    /** 'floorValue' as a person reads it: 'Floor value'. */
    public static String label(String field) {
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String unreadable(FieldError e, Class<?> type) {
        String typed = "'" + e.getRejectedValue() + "'";
        Throwable cause = e.contains(TypeMismatchException.class) ? e.unwrap(TypeMismatchException.class).getMostSpecificCause() : null;
        if (type == YearMonth.class || type == FinancialYear.class || type == BigDecimal.class || type == String.class) {
            return cause == null ? typed + " could not be read" : cause.getMessage();
        }
        if (type == LocalDate.class) {
            return typed + " is not a date: write it as 2019-03-31";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return typed + " is not a whole number";
        }
        if (type != null && type.isEnum()) {
            return typed + " is not one of the choices: choose from the list";
        }
        return typed + " could not be read";
    }

    public BigDecimal decimal(String field, String label, String text) {
        try {
            return DecimalCell.parse(text);
        } catch (NumberFormatException e) {
            add(field, label + " must be a number, like 1,254 or 85.5 – " + e.getMessage());
            return null;
        }
    }

    public String required(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            add(field, "Enter " + label);
            return null;
        }
        return text.strip();
    }

    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** A change refused: bad input at its box; anything else (a stale version, a record that no longer changes) under {@code formKey}. */
    public static FormErrors refused(RuntimeException e, String formKey) {
        FormErrors errors = new FormErrors();
        if (e instanceof InputException i) {
            errors.add(i);
        } else {
            errors.add(formKey, e.getMessage());
        }
        return errors;
    }

    /** What was typed into a form, to show again with its errors: all but its CSRF token. */
    public static Map<String, String> typed(Map<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        return typed;
    }

    /** Each mistake the refusal names, at its box. */
    public void add(InputException e) {
        for (InputException x : e.each()) {
            String p = x.problem();
            add(x.field() == null ? "form" : x.field(), Character.toUpperCase(p.charAt(0)) + p.substring(1));
        }
    }

    /**
     * Runs a form's change unless the form already has errors; a refusal (bad input, or a stale
     * version under 'form') becomes one more error. The change's result, or null when not made.
     */
    public <T> T attempt(Supplier<T> change) {
        if (any()) {
            return null;
        }
        try {
            return change.get();
        } catch (InputException e) {
            add(e);
        } catch (ConflictException e) {
            add("form", e.getMessage());
        }
        return null;
    }

    /**
     * The one way a page's form is saved: the change made unless the form was refused (a box that
     * could not be read, a rule broken, or the change itself refusing: bad input at its box, a stale
     * version under 'form'). Its result, or null with the errors and what was typed (a huge box kept
     * to its first 20,000 characters) flashed for the page the redirect goes back to.
     */
    public static <T> T saved(BindingResult binding, RedirectAttributes redirect, Supplier<T> change) {
        FormErrors errors = of(binding);
        T result = errors.attempt(change);
        if (errors.any()) {
            redirect.addFlashAttribute("errors", errors);
            Map<String, String> typed = new LinkedHashMap<>();
            Typed.values(binding).forEach((k, v) -> typed.put(k, v.length() <= 20_000 ? v : v.substring(0, 20_000)));
            redirect.addFlashAttribute("typed", typed);
        }
        return result;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public Map<String, String> all() {
        return errors;
    }

    public String get(String field) {
        return errors.get(field);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }
}
