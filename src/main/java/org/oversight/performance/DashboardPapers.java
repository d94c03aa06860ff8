package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.oversight.platform.DisplayFormat;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * A month's dashboard as its paper reads it, for the publishing module to lay out: the scope's
 * counts and, for each indicator, who answers for it, its figure and rating with the reason, its
 * 13 months, its chart and its commentary. From the current figures: a draft.
 */
@Service
public class DashboardPapers {

    public record Paper(YearMonth month, String scope, int measures, int rated, Map<String, Integer> rag, Map<String, Integer> direction,
                        List<Item> indicators) {
    }

    /**
     * One indicator: {@code rag} null where it is not rated (an activity indicator); {@code range} where an activity falls, in
     * words; {@code polarityRule} as the rules take it (null for an activity or contextual indicator); {@code paperRag} the
     * rating the council's own paper gave the figure, if it gave one; {@code inQpr} whether the QPR reports it.
     */
    public record Item(long id, String ref, String title, Indicator.Kind kind, String polarity, String unit, int decimals, String dataPeriod, String dataSource,
                       String cabinetMember, String director, String portfolio, String directorate, String division,
                       BigDecimal value, YearMonth figureMonth, BigDecimal target, BigDecimal floor, Rag rag, String reason,
                       Direction direction, String range, List<Month> months, String chart, String commentary,
                       Polarity polarityRule, BigDecimal tolerance, BigDecimal previous, Rag paperRag, boolean inQpr, Indicator.Frequency frequency) {

        /** Rated against a target, as an activity indicator never is. */
        public boolean kpi() {
            return kind == Indicator.Kind.KPI;
        }

        public boolean red() {
            return rag == Rag.RED;
        }
    }

    /** A month of the 13: {@code rag} null where there is no figure or the indicator is not rated. */
    public record Month(YearMonth month, BigDecimal target, BigDecimal actual, Rag rag) {
    }

    private final Dashboards dashboards;
    private final TargetRepository targets;
    private final ObservationRepository observations;
    private final DisplayFormat fmt;

    DashboardPapers(Dashboards dashboards, TargetRepository targets, ObservationRepository observations, DisplayFormat fmt) {
        this.dashboards = dashboards;
        this.targets = targets;
        this.observations = observations;
        this.fmt = fmt;
    }

    /** The directorates the indicators name, for a paper's scope. */
    public java.util.SortedSet<String> directorates() {
        return dashboards.scopes().directorates();
    }

    /** The divisions the indicators name, for a paper's scope. */
    public java.util.SortedSet<String> divisions() {
        return dashboards.scopes().divisions();
    }

    /** A directorate or division as the indicators name it, however it was typed (ADULT social care…); blank for the whole council. */
    public String scope(String typed) {
        if (blank(typed)) {
            return "";
        }
        String t = dashboards.current(typed);
        return java.util.stream.Stream.concat(directorates().stream(), divisions().stream()).filter(d -> d.equalsIgnoreCase(t)).findFirst()
                .orElseThrow(() -> new InputException("scope", "there is no directorate or division '" + (t.length() > 100 ? t.substring(0, 100) + "…" : t)
                        + "' among the indicators: the directorates are " + String.join(", ", directorates())));
    }

    /**
     * Publishes the month's dashboard as its paper goes out, in the paper's transaction, so that the
     * public dashboard, the indicators' pages and the API read what the paper says: a directorate's
     * or the whole council's (a division's paper is published under its directorate's month).
     */
    public void freeze(YearMonth month, String scope, String user) {
        String named = blank(scope) ? null : scope(scope);
        if (named == null || directorates().contains(named)) {
            dashboards.freeze(month, named, user);
        }
    }

    /** The month's dashboard for a directorate or a division (or the whole council, with none) from today's figures. */
    public Paper draft(YearMonth month, String scope) {
        String named = blank(scope) ? null : scope(scope);
        String directorate = named != null && directorates().contains(named) ? named : null;
        String division = named != null && directorate == null ? named : null;
        Dashboard d = dashboards.draft(month, directorate, division);
        List<Long> ids = d.lines().stream().map(l -> l.indicator().id()).toList();
        Map<Long, Targets> standards = targets.forIndicators(ids);
        Map<Long, List<Observation>> figures = observations.findBetween(ids, month.minusMonths(12), month).stream()
                .collect(Collectors.groupingBy(Observation::indicatorId));
        List<Item> items = new ArrayList<>();
        for (Dashboard.Line l : d.lines().stream().sorted(Comparator.comparing((Dashboard.Line l) -> l.indicator().ref(), DashboardPapers::byNumber)).toList()) {
            Indicator i = l.indicator();
            List<Dashboards.MonthRating> grid = Dashboards.history(i, standards.getOrDefault(i.id(), Targets.NONE),
                    figures.getOrDefault(i.id(), List.of()), month.minusMonths(12), month);
            boolean kpi = i.kind() == Indicator.Kind.KPI;
            List<Month> months = grid.stream().map(g -> new Month(g.month(), kpi ? g.standard().target() : null, g.value(),
                    kpi && g.value() != null && g.rating().rag() != Rag.NOT_RATED ? g.rating().rag() : null)).toList();
            // The chart's text alternative as the PDF's tags want it (alt on the replaced element), besides its SVG title.
            String chart = IndicatorChart.svg(i, fmt, grid.stream().map(Dashboards.MonthRating::month).toList(),
                    grid.stream().map(Dashboards.MonthRating::value).toList(), grid.stream().map(Dashboards.MonthRating::standard).toList(),
                    grid.stream().map(g -> g.value() == null ? Rag.NOT_RATED : g.rating().rag()).toList())
                    .replaceFirst("<svg ", "<svg alt=\"" + HtmlUtils.htmlEscape("Trend of " + i.ref() + " " + i.title() + " over 13 months", "UTF-8")
                            .replace("$", "\\$") + "\" ");
            String commentary = l.figure() == null ? null : l.figure().commentary();
            items.add(new Item(i.id(), i.ref(), i.title(), i.kind(), i.polarityWords(), i.unit(), i.decimals(), i.dataPeriod(), i.dataSource(),
                    i.cabinetMember(), i.director(), i.portfolio(), i.directorate(), i.division(), l.shownValue(), l.figurePeriod(),
                    kpi ? l.standard().target() : null, kpi ? l.standard().floor() : null, kpi ? l.shownRag() : null,
                    kpi ? l.shownReason() : null, l.dotPrevious(),
                    l.range() == null ? null : fmt.words(l.range().name()) + " the expected range, " + fmt.figure(l.threshold().lower(), i.unit(), i.decimals())
                            + " to " + fmt.figure(l.threshold().upper(), i.unit(), i.decimals()),
                    months, chart, commentary, kpi ? i.polarity() : null, kpi ? l.standard().tolerance() : null, l.previous(),
                    l.figure() == null ? null : l.figure().publishedRag(), i.inQpr(), i.frequency()));
        }
        Map<String, Integer> rag = new java.util.LinkedHashMap<>();
        d.total().rag().forEach((k, v) -> rag.put(k.name(), v));
        Map<String, Integer> direction = new java.util.LinkedHashMap<>();
        d.total().direction().forEach((k, v) -> direction.put(k.name(), v));
        return new Paper(month, named == null ? "" : named, d.lines().size(), d.total().rated(), rag, direction, items);
    }

    /** References in the paper's order: 2 before 10, 16.1 before 16.2, words after numbers. */
    private static int byNumber(String a, String b) {
        return java.text.Collator.getInstance(java.util.Locale.UK).compare(pad(a), pad(b));
    }

    private static String pad(String ref) {
        return ref.replaceAll("(\\d+)", "00000$1").replaceAll("0*(\\d{6})", "$1");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
