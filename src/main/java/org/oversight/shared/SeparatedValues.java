package org.oversight.shared;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

/**
 * A form's text box holding several values, one per line or separated as the box's hint says:
 * bound to a list (or, with {@code distinct}, a set in the order written) and shown back joined.
 */
public final class SeparatedValues extends PropertyEditorSupport {

    private final String separators;
    private final boolean distinct;

    /** {@code separators}: the characters between values besides a new line, such as ";" or ",;". */
    public SeparatedValues(String separators, boolean distinct) {
        this.separators = "[" + separators + "\\n]";
        this.distinct = distinct;
    }

    @Override
    public void setAsText(String text) {
        var values = Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty());
        setValue(distinct ? values.collect(Collectors.toCollection(LinkedHashSet::new)) : values.toList());
    }

    @Override
    public String getAsText() {
        return getValue() instanceof Collection<?> c ? String.join("; ", c.stream().map(String::valueOf).toList()) : "";
    }
}
