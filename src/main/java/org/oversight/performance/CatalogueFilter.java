package org.oversight.performance;

import java.util.Locale;

import org.oversight.shared.Text;

/** What the catalogue is narrowed to: words in the reference or title, a directorate, a division, a kind, the QPR's. */
class CatalogueFilter {

    public String q;
    public String directorate;
    public String division;
    public Indicator.Kind kind;
    public boolean qpr;
    public boolean archived;

    boolean any() {
        return Text.orNull(q) != null || Text.orNull(directorate) != null || Text.orNull(division) != null || kind != null || qpr;
    }

    boolean matches(Indicator i) {
        String words = Text.orNull(q);
        return (words == null || (i.ref() + " " + i.title()).toLowerCase(Locale.UK).contains(words.toLowerCase(Locale.UK)))
                && (Text.orNull(directorate) == null || directorate.equals(i.directorate()))
                && (Text.orNull(division) == null || division.equals(i.division()))
                && (kind == null || kind == i.kind())
                && (!qpr || i.inQpr());
    }
}
