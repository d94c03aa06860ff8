package org.oversight.shared;

import java.util.List;
import java.util.Objects;

/**
 * Divisions a module now names (an indicator's division, say), so the users' administration can
 * offer them when it says which divisions a data owner looks after, without reading the module.
 * Blanks (an indicator without a division) are left out.
 */
public record DivisionsInUse(List<String> divisions) {

    public DivisionsInUse {
        divisions = divisions.stream().filter(Objects::nonNull).map(String::strip)
                .filter(d -> !d.isEmpty() && d.length() <= Text.NAME).distinct().toList();
    }
}
