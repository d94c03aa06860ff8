package org.oversight.shared;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.BeansException;
import org.springframework.validation.BindingResult;

/**
 * What was typed in each box of a bound form, to show it back: the text as written where it
 * could not be read. {@link #NOTHING} for a form not yet sent.
 */
public record Typed(BindingResult binding) {

    public static final Typed NOTHING = new Typed(null);

    public Object get(String field) {
        Object v = binding == null ? null : binding.getFieldValue(field);
        return v == null ? "" : v;
    }

    /**
     * Each box of the form as typed, for a page reached by a redirect (a flash attribute): the
     * text as written where it could not be read, else the value as the form shows it.
     */
    public static Map<String, String> values(BindingResult binding) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : binding.getTarget().getClass().getFields()) {
            if (f.getType() == DateInput.class) {
                for (String part : new String[] {"day", "month", "year"}) {
                    Object v;
                    try {
                        v = binding.getFieldValue(f.getName() + "." + part);
                    } catch (BeansException notSent) {
                        v = null;
                    }
                    out.put(f.getName() + "." + part, v == null ? "" : String.valueOf(v));
                }
                continue;
            }
            Object v = binding.getFieldValue(f.getName());
            out.put(f.getName(), v == null ? "" : String.valueOf(v));
        }
        return out;
    }

    /** Was this choice made: the box's value, or one of its values for a list of choices. */
    public boolean has(String field, Object choice) {
        Object v = get(field);
        String c = String.valueOf(choice);
        if (v instanceof Collection<?> values) {
            return values.stream().anyMatch(x -> Objects.equals(String.valueOf(x), c));
        }
        if (v instanceof Object[] values) {
            return Arrays.stream(values).anyMatch(x -> Objects.equals(String.valueOf(x), c));
        }
        return Objects.equals(String.valueOf(v), c);
    }
}
