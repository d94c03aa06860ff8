package org.oversight.publishing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.oversight.performance.DashboardPapers;
import org.oversight.performance.Direction;
import org.oversight.performance.Indicator;
import org.oversight.performance.Rag;
import org.oversight.performance.RagRule;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.FinancialYear;
import org.springframework.stereotype.Component;

/**
 * The Quarterly Performance Report: the executive summary matrix (a row per directorate: how many
 * KPIs are Green, Amber and Red, and how many improved, held or worsened since the quarter before,
 * with a total row), then a section per directorate with its KPIs, its activity indicators against
 * their expected range, the exception reports of its Red KPIs, and the commentary. The indicators
 * are those marked for the QPR, as they stood at the quarter's last month.
 */
@Component
class QprDocument implements Publication {

    static final List<String> MATRIX = List.of("Directorate", "Green", "Amber", "Red", "↑ improved", "↔ no change", "↓ worse");

    private final DashboardPapers papers;
    private final ExceptionNotes notes;
    private final PaperLayout layout;
    private final DisplayFormat fmt;

    QprDocument(DashboardPapers papers, ExceptionNotes notes, PaperLayout layout, DisplayFormat fmt) {
        this.papers = papers;
        this.notes = notes;
        this.layout = layout;
        this.fmt = fmt;
    }

    @Override
    public String kind() {
        return "qpr";
    }

    @Override
    public String noun() {
        return "Quarterly Performance Report";
    }

    /** A quarter ends in June, September, December or March. */
    @Override
    public YearMonth period(YearMonth asked) {
        return asked.plusMonths((3 - asked.getMonthValue() % 3) % 3);
    }

    /** A directorate's part of the report. */
    record Section(String directorate, List<DashboardPapers.Item> kpis, List<DashboardPapers.Item> activity, Table kpiTable, Table activityTable) {
    }

    @Override
    public String scope(String typed) {
        return papers.scope(typed);
    }

    @Override
    public Document build(YearMonth end, String scope) {
        DashboardPapers.Paper p = papers.draft(end, scope);
        List<DashboardPapers.Item> items = p.indicators().stream().filter(DashboardPapers.Item::inQpr).toList();
        String title = title(end, scope);
        Map<String, List<DashboardPapers.Item>> byDirectorate = items.stream().collect(Collectors.groupingBy(
                i -> Objects.requireNonNullElse(i.directorate(), "No directorate"), TreeMap::new, Collectors.toList()));
        Map<String, Direction> quarterDirection = new LinkedHashMap<>();
        for (DashboardPapers.Item i : items) {
            quarterDirection.put(i.ref(), quarterDirection(i, end));
        }
        List<Section> sections = new ArrayList<>();
        List<List<String>> matrixRows = new ArrayList<>();
        int[] total = new int[6];
        for (var e : byDirectorate.entrySet()) {
            List<DashboardPapers.Item> kpis = e.getValue().stream().filter(DashboardPapers.Item::kpi).toList();
            List<DashboardPapers.Item> activity = e.getValue().stream().filter(i -> !i.kpi()).toList();
            String slug = e.getKey().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.UK);
            Table kpiTable = new Table("kpis-" + slug, e.getKey() + ": key performance indicators",
                    List.of("Ref", "Indicator", "Figure", "Target", "Floor", "Rating", "Since last quarter"),
                    kpis.stream().map(i -> List.of(i.ref(), i.title(), figure(i, end), fmt.figure(i.target(), i.unit(), i.decimals()),
                            fmt.figure(i.floor(), i.unit(), i.decimals()), PaperLayout.word(i.rag()), PaperLayout.direction(quarterDirection.get(i.ref())))).toList(), false);
            Table activityTable = new Table("activity-" + slug, e.getKey() + ": activity indicators", List.of("Ref", "Indicator", "Figure", "Against the expected range"),
                    activity.stream().map(i -> List.of(i.ref(), i.title(), figure(i, end),
                            Objects.requireNonNullElse(i.range(), "No expected range set"))).toList(), false);
            sections.add(new Section(e.getKey(), kpis, activity, kpiTable, activityTable));
            int[] row = {count(kpis, i -> i.rag() == Rag.GREEN), count(kpis, i -> i.rag() == Rag.AMBER), count(kpis, DashboardPapers.Item::red),
                    count(kpis, i -> quarterDirection.get(i.ref()) == Direction.IMPROVED), count(kpis, i -> quarterDirection.get(i.ref()) == Direction.SAME),
                    count(kpis, i -> quarterDirection.get(i.ref()) == Direction.WORSENED)};
            List<String> cells = new ArrayList<>(List.of(e.getKey()));
            for (int c = 0; c < 6; c++) {
                cells.add(Integer.toString(row[c]));
                total[c] += row[c];
            }
            matrixRows.add(cells);
        }
        List<String> totalRow = new ArrayList<>(List.of("Total"));
        for (int c : total) {
            totalRow.add(Integer.toString(c));
        }
        matrixRows.add(totalRow);
        Table matrix = new Table("summary", "Executive summary: KPIs by directorate", MATRIX, matrixRows, true);

        DashboardPapers.Paper qpr = new DashboardPapers.Paper(end, p.scope(), items.size(), p.rated(), p.rag(), p.direction(), items);
        List<ScorecardAudit.Finding> findings = new ArrayList<>(ScorecardAudit.audit(qpr));
        findings.addAll(checks(matrix, sections));
        // A Red KPI's exception is the one written for the month of its figure, within the quarter.
        Map<Long, ExceptionNotes.Note> exceptions = new LinkedHashMap<>();
        items.stream().filter(i -> i.red() && inQuarter(i, end)).collect(Collectors.groupingBy(DashboardPapers.Item::figureMonth))
                .forEach((month, reds) -> exceptions.putAll(notes.forMonth(month, reds.stream().map(DashboardPapers.Item::id).toList())));
        Map<String, String> links = new LinkedHashMap<>();
        for (DashboardPapers.Item i : items) {
            links.put(i.ref(), "/indicators/" + i.id());
            if (i.figureMonth() != null && i.figureMonth().isBefore(end.minusMonths(2))) {
                DocumentChecks.ofPeriod(i.ref(), i.frequency() == Indicator.Frequency.ANNUAL ? Indicator.Frequency.ANNUAL : Indicator.Frequency.QUARTERLY, i.figureMonth(), end).ifPresent(findings::add);
            }
            findings.addAll(DocumentChecks.numbers(i.ref(), i.commentary(), i.title(), data(i),
                    i.months().stream().map(DashboardPapers.Month::actual).filter(Objects::nonNull).toList()));
            if (i.red() && inQuarter(i, end) && !exceptions.containsKey(i.id())) {
                findings.add(ExceptionsDocument.missing(i, i.figureMonth()));
                links.put(i.ref(), ExceptionsDocument.writeAt(i.figureMonth(), i.id()));
            }
        }
        List<Table> tables = new ArrayList<>(List.of(matrix));
        sections.forEach(s -> tables.addAll(List.of(s.kpiTable(), s.activityTable())));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("end", end);
        vars.put("matrix", matrix);
        vars.put("sections", sections);
        vars.put("exceptions", exceptions);
        vars.put("quarter", quarter(end));
        return new Document(title, DashboardDocument.nothing(qpr, end.minusMonths(2), end), findings,
                DashboardDocument.items(qpr, fmt), tables, links, (on, version, checks) -> layout.html("qpr-paper", title, Papers.path(kind(), end, p.scope(), "/versions"), on, version, checks, vars));
    }

    /** The figure as at the quarter's end, with its month when it is an earlier month's (the latest there is). */
    private String figure(DashboardPapers.Item i, YearMonth end) {
        String shown = fmt.figure(i.value(), i.unit(), i.decimals());
        return i.figureMonth() == null || i.figureMonth().equals(end) ? shown : shown + " (" + fmt.month(i.figureMonth()) + ")";
    }

    /** The matrix against the sections it summarises, counted again from their printed rows; its total row against its rows. */
    static List<ScorecardAudit.Finding> checks(Table matrix, List<Section> sections) {
        List<ScorecardAudit.Finding> out = new ArrayList<>(DocumentChecks.totals(matrix));
        List<String> words = List.of("Green", "Amber", "Red", "↑ improved", "↔ no change", "↓ worse");
        for (Section s : sections) {
            List<String> row = matrix.rows().stream().filter(r -> r.get(0).equals(s.directorate())).findFirst().orElse(null);
            if (row == null) {
                out.add(new ScorecardAudit.Finding(ScorecardAudit.Kind.SUMMARY_COUNT_DISAGREES, "Executive summary", "Directorate",
                        "the summary has no row for " + s.directorate() + ", which has a section"));
                continue;
            }
            for (int c = 0; c < words.size(); c++) {
                int column = c < 3 ? 5 : 6;
                DocumentChecks.count("Executive summary, " + s.directorate(), MATRIX.get(c + 1), words.get(c) + " KPIs",
                        Integer.parseInt(row.get(c + 1)), DocumentChecks.count(s.kpiTable(), column, words.get(c))).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean inQuarter(DashboardPapers.Item i, YearMonth end) {
        return i.figureMonth() != null && !i.figureMonth().isBefore(end.minusMonths(2)) && !i.figureMonth().isAfter(end);
    }

    /** Up, level or down since the quarter before (three months back in the 13), as the indicator's polarity reads it. */
    private static Direction quarterDirection(DashboardPapers.Item i, YearMonth end) {
        if (i.polarityRule() == null || i.value() == null) {
            return null;
        }
        BigDecimal before = i.months().stream().filter(m -> m.month().equals(end.minusMonths(3))).map(DashboardPapers.Month::actual)
                .filter(Objects::nonNull).findFirst().orElse(null);
        return before == null ? null : RagRule.direction(i.polarityRule(), i.value(), before, i.target());
    }

    /** The figures the commentary may quote: the 13 months' figures and targets, the floor, the title's own numbers. */
    static List<BigDecimal> data(DashboardPapers.Item i) {
        return Stream.concat(Stream.of(i.value(), i.target(), i.floor(), i.previous()),
                i.months().stream().flatMap(m -> Stream.of(m.actual(), m.target()))).filter(Objects::nonNull).distinct().toList();
    }

    private static int count(List<DashboardPapers.Item> items, Predicate<DashboardPapers.Item> which) {
        return (int) items.stream().filter(which).count();
    }

    static String quarter(YearMonth end) {
        FinancialYear year = FinancialYear.of(end);
        int q = (end.getMonthValue() + 8) % 12 / 3 + 1;
        return "Quarter " + q + " " + year + " (" + end.minusMonths(2).getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
                + " to " + DisplayFormat.monthName(end) + ")";
    }

    static String title(YearMonth end, String scope) {
        return (scope == null || scope.isBlank() ? "" : scope + ": ") + "Quarterly Performance Report, " + quarter(end);
    }
}
