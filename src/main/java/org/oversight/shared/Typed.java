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

    /** What was typed in the box; none for a form not yet sent, so that a page shows the record's own value. */
    public Object get(String field) {
        if (binding == null) {
            return null;
        }
        Object v = binding.getFieldValue(field);
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
            out.put(f.getName(), v == null ? "" : v instanceof Collection<?> c ? String.join(",", c.stream().map(String::valueOf).toList()) : String.valueOf(v));
        }
        return out;
    }

    /**
     * Was this choice ticked in what was typed ({@code typed} a Typed, or a map as flashed after a
     * redirect, its choices joined by commas); null when nothing was typed, for the page's own value.
     */
    public static Boolean chosen(Object typed, String field, Object choice) {
        if (typed instanceof Typed t) {
            return t.binding == null ? null : t.has(field, choice);
        }
        if (typed instanceof Map<?, ?> m && m.get(field) != null) {
            return Arrays.asList(String.valueOf(m.get(field)).split(",")).contains(String.valueOf(choice));
        }
        return null;
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
