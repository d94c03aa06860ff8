package org.oversight.delays;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The indicator each measure feeds, by its id, from a month's page ({@code month}, the page to go back to); a measure left blank
 * feeds none. Each box is named as the measure is ({@link Delays#MEASURES}), as the page has always sent it. {@code replace}: the
 * indicators' own figures may be replaced.
 */
class FeedsForm {

    public YearMonth month;
    public Long per_100k;
    public Long social_care_share;
    public boolean replace;

    /** The indicator chosen for each measure that has one. */
    Map<String, Long> chosen() {
        Map<String, Long> chosen = new LinkedHashMap<>();
        chosen.put("per_100k", per_100k);
        chosen.put("social_care_share", social_care_share);
        chosen.values().removeIf(Objects::isNull);
        return chosen;
    }
}
