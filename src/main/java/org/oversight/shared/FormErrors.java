package org.oversight.shared;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of one submitted form, field by field, in the order the fields were read: a
 * page shows them in an error summary and beside each field, and saves nothing while any remain.
 */
public final class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

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

    public void add(InputException e) {
        String p = e.problem();
        add(e.field() == null ? "form" : e.field(), Character.toUpperCase(p.charAt(0)) + p.substring(1));
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
