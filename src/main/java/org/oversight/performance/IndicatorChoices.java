package org.oversight.performance;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The indicators another module may link to, for its forms to list and its changes to check: a link names an indicator
 * that exists and, when made, is not archived.
 */
@Service
public class IndicatorChoices {

    public record Choice(long id, String ref, String title, String directorate, boolean archived) {
    }

    private final IndicatorRepository indicators;

    IndicatorChoices(IndicatorRepository indicators) {
        this.indicators = indicators;
    }

    /** Those a new link may name, in the catalogue's order. */
    public List<Choice> open() {
        return indicators.findAll(false).stream().map(IndicatorChoices::choice).toList();
    }

    /** The indicators of these references, archived ones included; a reference missing from the answer names none. */
    public Map<String, Choice> byRef(Collection<String> refs) {
        return indicators.findByRefs(refs).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> choice(e.getValue())));
    }

    private static Choice choice(Indicator i) {
        return new Choice(i.id(), i.ref(), i.title(), i.directorate(), !i.active());
    }
}
