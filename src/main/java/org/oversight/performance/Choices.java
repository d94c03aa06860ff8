package org.oversight.performance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names offered in a select box as govukSelect takes them: each name both the value sent and the text shown, in the order given. */
final class Choices {

    private Choices() {
    }

    static Map<String, String> of(Collection<String> names) {
        Map<String, String> choices = new LinkedHashMap<>();
        names.forEach(n -> choices.put(n, n));
        return choices;
    }
}
