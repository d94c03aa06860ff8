package org.oversight.publishing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.performance.DashboardPapers;
import org.oversight.platform.DisplayFormat;
import org.springframework.stereotype.Component;

/**
 * The monthly performance dashboard as a paper: a cover, contents, the summary and key, then a
 * page per indicator with its 13 months, chart and commentary. A dashboard of more indicators than
 * {@link #PAGES} is its summary alone: a paper of two thousand pages is read by no one, and printing
 * it holds every page in memory at once (it exhausted a 512 MB server); each indicator's 13 months
 * are still published with it, as its tables.
 */
@Component
class DashboardDocument implements Publication {

    /** The most indicators a dashboard paper sets a page each. */
    static final int PAGES = 100;

    private final DashboardPapers papers;
    private final PaperLayout layout;
    private final DisplayFormat fmt;

    DashboardDocument(DashboardPapers papers, PaperLayout layout, DisplayFormat fmt) {
        this.papers = papers;
        this.layout = layout;
        this.fmt = fmt;
    }

    @Override
    public String kind() {
        return Papers.DASHBOARD;
    }

    @Override
    public String noun() {
        return "performance dashboard";
    }

    @Override
    public String scope(String typed) {
        return papers.scope(typed);
    }

    @Override
    public void publishing(YearMonth month, String scope, String user) {
        papers.freeze(month, scope, user);
    }

    @Override
    public Document build(YearMonth month, String directorate) {
        DashboardPapers.Paper p = papers.draft(month, directorate);
        String title = title(p);
        Table summary = summary(p, fmt);
        List<Table> tables = new ArrayList<>(List.of(summary));
        Map<String, String> links = new LinkedHashMap<>();
        List<ScorecardAudit.Finding> findings = new ArrayList<>(ScorecardAudit.audit(p));
        for (DashboardPapers.Item i : p.indicators()) {
            tables.add(months(i, fmt));
            links.put(i.ref(), "/indicators/" + i.id());
            DocumentChecks.ofPeriod(i.ref(), i.frequency(), i.figureMonth(), month).ifPresent(findings::add);
        }
        for (String rag : List.of("GREEN", "AMBER", "RED")) {
            DocumentChecks.count("Summary", PaperLayout.word(rag), PaperLayout.word(rag), p.rag().getOrDefault(rag, 0),
                    DocumentChecks.count(summary, 4, PaperLayout.word(rag))).ifPresent(findings::add);
        }
        return new Document(title, nothing(p, month, month),
                findings, items(p, fmt), tables, links,
                (on, version, checks) -> html(p, on, version, checks));
    }

    /** The paper as published on {@code on} (null for a draft) as its {@code version}, with the checks' findings it went out with. */
    String html(DashboardPapers.Paper p, LocalDate on, Integer version, List<String> checks) {
        return layout.html("dashboard-paper", title(p), Papers.path(kind(), p.month(), p.scope(), "/versions"), on, version, checks,
                Map.of("p", p, "pageEach", pageEach(p.indicators().size()), "pages", PAGES));
    }

    /** Whether a dashboard of so many indicators sets each its own page, or is its summary alone. */
    static boolean pageEach(int indicators) {
        return indicators <= PAGES;
    }

    /** Why there is nothing to publish: no indicator has a figure of the period (from {@code from} to {@code to}); null when one has. */
    static String nothing(DashboardPapers.Paper p, YearMonth from, YearMonth to) {
        boolean any = p.indicators().stream().anyMatch(i -> i.figureMonth() != null && !i.figureMonth().isBefore(from) && !i.figureMonth().isAfter(to));
        return any ? null : "no indicator has a figure for " + (from.equals(to) ? DisplayFormat.monthName(to)
                : DisplayFormat.monthName(from) + " to " + DisplayFormat.monthName(to)) + " yet";
    }

    static String title(DashboardPapers.Paper p) {
        return PaperLayout.scope(p.scope()) + " performance dashboard, " + DisplayFormat.monthName(p.month());
    }

    static Table summary(DashboardPapers.Paper p, DisplayFormat fmt) {
        return new Table("summary", "Summary", List.of("Ref", "Indicator", "Target", "Figure", "Rating", "Direction"),
                p.indicators().stream().map(i -> List.of(i.ref(), i.title(), i.kpi() ? fmt.figure(i.target(), i.unit(), i.decimals()) : "N/A",
                        fmt.figure(i.value(), i.unit(), i.decimals()), i.rag() == null ? (i.range() == null ? "Not rated" : i.range()) : PaperLayout.word(i.rag()),
                        PaperLayout.direction(i.direction()))).toList(), false);
    }

    public static Table months(DashboardPapers.Item i, DisplayFormat fmt) {
        return new Table("months-" + i.ref().replaceAll("[^A-Za-z0-9]+", "-"), i.ref() + " " + i.title() + ": the last 13 months",
                List.of("Month", "Target", "Actual", "Rating"), i.months().stream().map(m -> List.of(fmt.longMonth(m.month()),
                        fmt.figure(m.target(), i.unit(), i.decimals()), fmt.figure(m.actual(), i.unit(), i.decimals()), PaperLayout.word(m.rag()))).toList(), false);
    }

    /** What the list of changes compares between versions: each indicator's figure, target, rating and commentary. */
    static List<Map<String, Object>> items(DashboardPapers.Paper p, DisplayFormat fmt) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (DashboardPapers.Item i : p.indicators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ref", i.ref());
            m.put("title", i.title());
            m.put("value", shown(fmt, i.value(), i.unit(), i.decimals()));
            m.put("target", shown(fmt, i.target(), i.unit(), i.decimals()));
            m.put("rating", i.rag() == null ? "not rated" : PaperLayout.word(i.rag()));
            m.put("commentary", i.commentary() == null ? "" : i.commentary());
            items.add(m);
        }
        return items;
    }

    private static String shown(DisplayFormat fmt, BigDecimal n, String unit, int decimals) {
        return n == null ? "none" : fmt.figure(n, unit, decimals);
    }
}
