package org.oversight.publishing;

import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Published papers for other modules to attach (a committee's agenda pack: a version's PDF exactly as it went out) or to quote (a
 * directorate's page: what a paper said of an indicator or a directorate, as published).
 */
@Service
public class PublishedPapers {

    private final Papers papers;
    private final ExceptionNotes notes;

    PublishedPapers(Papers papers, ExceptionNotes notes) {
        this.papers = papers;
        this.notes = notes;
    }

    public Optional<byte[]> pdf(String kind, YearMonth period, String scope, int version) {
        return papers.version(kind, period, scope, version).map(papers::pdf);
    }

    /** A paper's latest version: its address is {@link #href()}. */
    public record Latest(String kind, YearMonth period, String scope, int version, String title) {
        public String href() {
            return Papers.path(kind, period, scope, "");
        }
    }

    /** The latest version of the latest period published of a kind for any of {@code scopes} (blank: the whole council), up to {@code upTo}. */
    public Optional<Latest> latest(String kind, Collection<String> scopes, YearMonth upTo) {
        return papers.published().stream().filter(v -> v.kind().equals(kind) && scopes.stream().anyMatch(s -> s.equalsIgnoreCase(v.scope())))
                .filter(v -> upTo == null || !v.period().isAfter(upTo))
                .findFirst().map(v -> new Latest(v.kind(), v.period(), v.scope(), v.version(), v.title()));
    }

    /** What the version said of each item (an indicator by its ref: its figure, rating, commentary, exception), as it went out. */
    public Map<String, Map<String, String>> items(Latest l) {
        return papers.version(l.kind(), l.period(), l.scope(), l.version()).map(papers::items).orElse(Map.of());
    }

    /** A version's table as it went out: its rows, each by its column headings; empty when it has no such table. */
    public List<Map<String, String>> table(Latest l, String table) {
        return papers.version(l.kind(), l.period(), l.scope(), l.version()).stream().flatMap(v -> papers.tables(v).stream())
                .filter(t -> t.id().equals(table)).findFirst().map(t -> t.rows().stream().map(r -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (int c = 0; c < Math.min(r.size(), t.header().size()); c++) {
                        out.put(t.header().get(c), r.get(c));
                    }
                    return out;
                }).toList()).orElse(List.of());
    }

    /** The row of a version's table whose first cell is one of {@code labels}, by its column headings; empty when none is. */
    public Optional<Map<String, String>> row(Latest l, String table, Collection<String> labels) {
        return table(l, table).stream().filter(r -> !r.isEmpty() && labels.stream().anyMatch(x -> x.equalsIgnoreCase(r.values().iterator().next())))
                .findFirst();
    }

    /** For staff: the exception written (or waived) for each Red indicator of the month, in words, published or not. */
    public Map<Long, String> exceptions(YearMonth month, Collection<Long> indicators) {
        Map<Long, String> out = new LinkedHashMap<>();
        notes.forMonth(month, indicators).forEach((id, n) -> out.put(id, n.waived() ? "Waived: " + n.waiver()
                : n.why() + " Action: " + n.action() + (n.owner() == null ? "" : " (" + n.owner() + ")")));
        return out;
    }

    /** An exception as an item of a published exception report gives it. */
    public static String exception(Map<String, String> item) {
        if (item == null) {
            return null;
        }
        if (!item.getOrDefault("waiver", "").isEmpty()) {
            return "Waived: " + item.get("waiver");
        }
        return item.getOrDefault("why", "").isEmpty() ? null : item.get("why") + " Action: " + item.getOrDefault("action", "")
                + (item.getOrDefault("owner", "").isEmpty() ? "" : " (" + item.get("owner") + ")");
    }
}
