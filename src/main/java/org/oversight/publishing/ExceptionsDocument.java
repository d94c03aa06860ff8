package org.oversight.publishing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.performance.DashboardPapers;
import org.oversight.platform.DisplayFormat;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The exception report: for every Red indicator of the month, what (the figure against its target
 * and floor), why, what action, by when and who owns it. A Red indicator with neither its exception
 * written nor a recorded waiver stops the report (and the QPR) going out.
 */
@Component
class ExceptionsDocument implements Publication {

    private final DashboardPapers papers;
    private final ExceptionNotes notes;
    private final PaperLayout layout;
    private final DisplayFormat fmt;

    ExceptionsDocument(DashboardPapers papers, ExceptionNotes notes, PaperLayout layout, DisplayFormat fmt) {
        this.papers = papers;
        this.notes = notes;
        this.layout = layout;
        this.fmt = fmt;
    }

    @Override
    public String kind() {
        return "exceptions";
    }

    @Override
    public String noun() {
        return "exception report";
    }

    /** The month's Red indicators with their exceptions as written, for the paper and the page where they are written. */
    record Red(DashboardPapers.Item item, ExceptionNotes.Note note) {
    }

    List<Red> reds(YearMonth month, String scope) {
        return withNotes(papers.draft(month, scope), month);
    }

    /** The paper's Red indicators of the month, each with its exception if written. */
    private List<Red> withNotes(DashboardPapers.Paper p, YearMonth month) {
        List<DashboardPapers.Item> reds = reds(p, month);
        Map<Long, ExceptionNotes.Note> written = notes.forMonth(month, reds.stream().map(DashboardPapers.Item::id).toList());
        return reds.stream().map(i -> new Red(i, written.get(i.id()))).toList();
    }

    @Override
    public String scope(String typed) {
        return papers.scope(typed);
    }

    @Override
    public Document build(YearMonth month, String scope) {
        DashboardPapers.Paper p = papers.draft(month, scope);
        List<Red> rows = withNotes(p, month);
        List<DashboardPapers.Item> reds = rows.stream().map(Red::item).toList();
        String title = PaperLayout.scope(p.scope()) + " exception report, " + DisplayFormat.monthName(month);
        List<ScorecardAudit.Finding> findings = new ArrayList<>(ScorecardAudit.audit(new DashboardPapers.Paper(month, p.scope(), reds.size(),
                reds.size(), p.rag(), p.direction(), reds)));
        Map<String, String> links = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Red r : rows) {
            DashboardPapers.Item i = r.item();
            links.put(i.ref(), writeAt(month, i.id()));
            if (r.note() == null) {
                findings.add(missing(i, month));
            } else if (!r.note().waived()) {
                DocumentChecks.inOrder(i.ref(), "due", "the start of " + DisplayFormat.monthName(month) + ",", month.atDay(1),
                        "the action's date,", r.note().due()).ifPresent(findings::add);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ref", i.ref());
            m.put("title", i.title());
            m.put("value", fmt.figure(i.value(), i.unit(), i.decimals()));
            m.put("target", fmt.figure(i.target(), i.unit(), i.decimals()));
            m.put("floor", fmt.figure(i.floor(), i.unit(), i.decimals()));
            m.put("why", r.note() == null || r.note().waived() ? "" : r.note().why());
            m.put("action", r.note() == null || r.note().waived() ? "" : r.note().action());
            m.put("due", r.note() == null || r.note().due() == null ? "" : fmt.date(r.note().due()));
            m.put("owner", r.note() == null || r.note().waived() ? "" : r.note().owner());
            m.put("waiver", r.note() == null || !r.note().waived() ? "" : r.note().waiver());
            items.add(m);
        }
        Table table = new Table("exceptions", "Red indicators and their exceptions", List.of("Ref", "Indicator", "Figure", "Target", "Floor",
                "Why", "Action", "By when", "Owner", "Waived because"), items.stream().map(m -> m.values().stream().map(Object::toString).toList()).toList(), false);
        DocumentChecks.count("Exception report", "Red", "Red indicators of the month", (int) p.indicators().stream()
                .filter(i -> i.red() && month.equals(i.figureMonth())).count(), table.rows().size()).ifPresent(findings::add);
        List<Table> tables = new ArrayList<>(List.of(table));
        Map<Long, Table> months = new LinkedHashMap<>();
        reds.forEach(i -> months.put(i.id(), DashboardDocument.months(i, fmt)));
        tables.addAll(months.values());
        Map<String, Object> vars = Map.of("rows", rows, "month", month, "scope", PaperLayout.scope(p.scope()), "months", months);
        return new Document(title, DashboardDocument.nothing(p, month, month),
                findings, items, tables, links, (on, version, checks) -> layout.html("exceptions-paper", title, Papers.path(kind(), month, p.scope(), "/versions"), on, version, checks, vars));
    }

    /** The month's Red indicators: Red on a figure of that month (an earlier month's Red has its own report). */
    static List<DashboardPapers.Item> reds(DashboardPapers.Paper p, YearMonth month) {
        return p.indicators().stream().filter(i -> i.red() && month.equals(i.figureMonth())).toList();
    }

    static ScorecardAudit.Finding missing(DashboardPapers.Item i, YearMonth month) {
        return new ScorecardAudit.Finding(ScorecardAudit.Kind.EXCEPTION_MISSING, i.ref(), "exception", i.title() + " is Red in "
                + DisplayFormat.monthName(month) + " and has no exception report: write why, the action, by when and its owner, or waive it with a reason");
    }

    /** Where a Red indicator's exception for a month is written. */
    static String writeAt(YearMonth month, long indicator) {
        return UriComponentsBuilder.fromPath("/papers/exceptions/{m}/versions").fragment("exception-" + indicator).buildAndExpand(month).toUriString();
    }
}
