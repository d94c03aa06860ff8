package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.platform.DisplayFormat;
import org.springframework.stereotype.Service;

/**
 * A directorate's month of ratings for its one-page summary: the counts by rating and by direction, and each Red. The public reads
 * the latest month published; staff the latest month with figures, live (marked as not published when it is not).
 */
@Service
public class DirectorateRatings {

    /** {@code published} false: today's figures, not yet published. Counts keyed by {@link Rag} and {@link Direction} names. */
    public record Month(YearMonth month, String directorate, boolean published, int measures, Map<String, Integer> rag, Map<String, Integer> direction,
                        List<Red> reds) {
    }

    /** A Red KPI: {@code commentary} the figure's own, for staff (the public reads what the papers published). */
    public record Red(long id, String ref, String title, YearMonth figureMonth, String figure, String target, String reason, String commentary) {
    }

    private final Dashboards dashboards;
    private final DisplayFormat fmt;

    DirectorateRatings(Dashboards dashboards, DisplayFormat fmt) {
        this.dashboards = dashboards;
        this.fmt = fmt;
    }

    /** The months published for the directorate (or the whole council), newest first. */
    public List<YearMonth> publishedMonths(Collection<String> names) {
        return dashboards.published().stream().filter(p -> publishedMonth(names, p.month()).isPresent())
                .map(Dashboards.Published::month).distinct().toList();
    }

    /**
     * The month as it was published for the directorate under any name it has had (a month published before a rename is
     * frozen under the name it then had), by itself or as part of the whole council's.
     */
    private Optional<Dashboard> publishedMonth(Collection<String> names, YearMonth month) {
        return names.stream().map(n -> dashboards.asPublished(month, n, null)).flatMap(Optional::stream).filter(x -> !x.lines().isEmpty()).findFirst();
    }

    /** The month as the reader may read it: published for the public (none when it was not), live with drafts. */
    public Optional<Month> month(Collection<String> names, YearMonth month, boolean drafts) {
        return (drafts ? named(names).map(d -> dashboards.build(month, d, null)) : publishedMonth(names, month))
                .filter(x -> !x.lines().isEmpty()).map(this::month);
    }

    /** The directorate as the indicators name it, among the names it has had. */
    private Optional<String> named(Collection<String> names) {
        return dashboards.scopes().directorates().stream().filter(d -> names.stream().anyMatch(d::equalsIgnoreCase)).findFirst();
    }

    /** The latest month the reader may read: published for the public; with drafts, the latest month with figures. */
    public Optional<Month> latest(Collection<String> names, boolean drafts) {
        if (drafts) {
            return named(names).map(d -> month(dashboards.build(dashboards.latestMonth(), d, null)));
        }
        return dashboards.published().stream().map(Dashboards.Published::month).distinct()
                .map(m -> publishedMonth(names, m)).flatMap(Optional::stream).findFirst().map(this::month);
    }

    /** The month from today's figures, as a paper's draft shows it. */
    public Optional<Month> live(Collection<String> names, YearMonth month) {
        return named(names).map(d -> month(dashboards.draft(month, d, null)));
    }

    private Month month(Dashboard d) {
        Map<String, Integer> rag = new LinkedHashMap<>();
        for (Rag r : List.of(Rag.RED, Rag.AMBER, Rag.GREEN)) {
            rag.put(r.name(), d.total().rag().get(r));
        }
        Map<String, Integer> direction = new LinkedHashMap<>();
        d.total().direction().forEach((k, v) -> direction.put(k.name(), v));
        List<Red> reds = d.lines().stream().filter(l -> l.indicator().kind() == Indicator.Kind.KPI && l.shownRag() == Rag.RED).map(l -> {
            Indicator i = l.indicator();
            BigDecimal target = l.frozen() != null ? l.frozen().target() : l.standard().target();
            return new Red(i.id(), i.ref(), i.title(), l.figurePeriod(), fmt.figure(l.shownValue(), i.unit(), i.decimals()),
                    fmt.figure(target, i.unit(), i.decimals()), l.shownReason(), l.figure() == null ? null : l.figure().commentary());
        }).toList();
        return new Month(d.month(), d.directorate(), d.publication() != null, d.lines().size(), rag, direction, reds);
    }
}
