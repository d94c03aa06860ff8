package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.oversight.platform.DisplayFormat;
import org.springframework.stereotype.Service;

/**
 * A month's budget monitoring as its report reads it, for the publishing module to lay out and
 * check: each table with its figures in pounds and the rules its columns keep (a revised variance
 * is the variance with the adjustment; a movement the revised less the last reported), the
 * portfolios' narratives and the capital headlines. From the month's figures as they stand: a draft.
 */
@Service
public class BudgetPapers {

    /**
     * A table: {@code money} when its figures are pounds (printed in £m to {@code decimals} places: 3, to the £1,000, unless its
     * figures were written less precisely), else plain numbers; {@code total} when its last row is the sum of the rows above it;
     * {@code rules} what each row keeps.
     */
    public record Table(String id, String caption, String firstColumn, List<String> columns, List<Row> rows, boolean money, boolean total, List<Rule> rules,
                        int decimals) {
        Table(String id, String caption, String firstColumn, List<String> columns, List<Row> rows, boolean money, boolean total, List<Rule> rules) {
            this(id, caption, firstColumn, columns, rows, money, total, rules, 3);
        }
    }

    /** A row: its label, its figures in the table's column order (null where there is none), and what is said of it (its reason), if anything. */
    public record Row(String label, List<BigDecimal> figures, String note) {
        public Row(String label, List<BigDecimal> figures) {
            this(label, figures, null);
        }
    }

    /** In each row, figure {@code result} is the sum of the figures {@code plus} less those {@code minus} (indexes into the figures). */
    public record Rule(int result, List<Integer> plus, List<Integer> minus) {
    }

    /** A passage of the report: a portfolio's narrative part, a directorate's capital headlines. */
    public record Note(String heading, String part, String text) {
    }

    /** A capital scheme as the report lists it: its status in words (Green, Amber, Red, or none when not known) and its funding. */
    public record Scheme(String directorate, String scheme, String status, BigDecimal approvedCost, BigDecimal spent, BigDecimal budget, BigDecimal forecast,
                         BigDecimal real, BigDecimal rephasing, String funding) {
    }

    /**
     * {@code findings}: what one table says against another, for the checks before publishing — each with the table and row it is of
     * ({@code heading}), its column ({@code part}) and what is wrong ({@code text}): Appendix 1's service lines of a directorate that do
     * not come to its Table 1 figure by more than their rounding explains; a directorate missing from Table 3 that reported the month before.
     */
    public record Report(YearMonth month, boolean empty, List<Table> tables, List<Note> narrative, List<Note> capitalNotes, List<String> schemeHeadlines,
                         List<Scheme> schemes, List<Note> findings) {
    }

    /**
     * A directorate's line of Table 1 (revenue, in pounds) and of Table 3 (capital; null when the month has no capital programme
     * for it) in a month's budget monitoring.
     */
    public record DirectorateLine(YearMonth month, String heading, BigDecimal cashLimit, BigDecimal variance, BigDecimal revised, BigDecimal movement,
                                  BigDecimal capitalBudget, BigDecimal capitalVariance, BigDecimal capitalReal, BigDecimal capitalRephasing) {
    }

    /** The directorate's lines (by any of its names) in the latest month of budget monitoring up to {@code upTo} (any, when null). */
    public Optional<DirectorateLine> line(Collection<String> names, YearMonth upTo) {
        Predicate<String> named = n -> n != null && names.stream().anyMatch(n::equalsIgnoreCase);
        for (YearMonth m : budgets.reportMonths()) {
            if (upTo != null && m.isAfter(upTo) || !forecasts.hasForecasts(m)) {
                continue;
            }
            Budget b = budgets.of(m);
            Optional<Budget.Position> p = b.positions().stream().filter(x -> named.test(x.heading().name())).findFirst();
            if (p.isEmpty()) {
                continue;
            }
            CapitalProgramme capital = capitalProgrammes.of(m, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD);
            CapitalProgramme.Row c = capital.empty() ? null : capital.directorates().stream().map(CapitalProgramme.Directorate::total)
                    .filter(r -> named.test(r.directorate())).findFirst().orElse(null);
            Budget.Position r = p.get();
            return Optional.of(new DirectorateLine(m, r.heading().name(), r.cashLimit(), r.variance(), r.revised(), r.movement(),
                    c == null ? null : c.budget(), c == null ? null : c.variance(), c == null ? null : c.real(), c == null ? null : c.rephasing()));
        }
        return Optional.empty();
    }

    private final Budgets budgets;
    private final ServiceLines serviceLines;
    private final CapitalProgrammes capitalProgrammes;
    private final Reserves reserves;
    private final ActivityBudgets activityBudgets;
    private final ForecastRepository forecasts;
    private final NarrativeRepository narratives;
    private final DisplayFormat fmt;

    BudgetPapers(Budgets budgets, ServiceLines serviceLines, CapitalProgrammes capitalProgrammes, Reserves reserves, ActivityBudgets activityBudgets,
                 ForecastRepository forecasts, NarrativeRepository narratives, DisplayFormat fmt) {
        this.budgets = budgets;
        this.serviceLines = serviceLines;
        this.capitalProgrammes = capitalProgrammes;
        this.reserves = reserves;
        this.activityBudgets = activityBudgets;
        this.forecasts = forecasts;
        this.narratives = narratives;
        this.fmt = fmt;
    }

    public Report report(YearMonth month) {
        Budget b = budgets.of(month);
        List<Table> tables = new ArrayList<>();
        // Gross and income only when the book gives them (so each net is checked against them as printed), the management action
        // columns only when some is assumed: Table 1 is wide enough without empty columns.
        boolean nets = Budget.leaves(b.positions()).stream().anyMatch(p -> p.cashGross() != null && p.cashIncome() != null);
        boolean actions = budgets.anyAction(b);
        int at = nets ? 2 : 0;
        List<String> revenueColumns = new ArrayList<>(nets ? List.of("Gross", "Income") : List.of());
        revenueColumns.addAll(List.of("Budget", "Net forecast variance", "Corporate Director adjustment", "Revised net variance", "Last reported position",
                "Movement"));
        List<Rule> revenueRules = new ArrayList<>(List.of(new Rule(at + 3, List.of(at + 1, at + 2), List.of()), new Rule(at + 5, List.of(at + 3), List.of(at + 4))));
        if (nets) {
            revenueRules.add(new Rule(2, List.of(0, 1), List.of()));
        }
        if (actions) {
            revenueColumns.addAll(List.of("Management action assumed", "After management action"));
            revenueRules.add(new Rule(at + 7, List.of(at + 3, at + 6), List.of()));
        }
        Function<Budget.Position, Row> revenue = p -> {
            List<BigDecimal> figures = new ArrayList<>(nets ? Arrays.asList(p.cashGross(), p.cashIncome()) : List.of());
            figures.addAll(revenue(p).figures().subList(0, actions ? 8 : 6));
            return new Row(p.heading().name(), figures);
        };
        if (forecasts.hasForecasts(b.month())) {
            List<Budget.Position> outside = budgets.outside(b);
            List<Row> rows = new ArrayList<>(b.positions().stream().filter(p -> !p.heading().outsideHeadline()).map(revenue).toList());
            rows.add(revenue.apply(outside.isEmpty() ? budgets.total(b) : budgets.headline(b)));
            tables.add(new Table("revenue", "Table 1: directorate revenue position (£m)", "Directorate", revenueColumns, rows, true, true, revenueRules));
            if (!outside.isEmpty()) {
                List<Row> whole = new ArrayList<>(List.of(revenue.apply(budgets.headline(b))));
                outside.forEach(p -> whole.add(revenue.apply(p)));
                whole.add(revenue.apply(budgets.total(b)));
                tables.add(new Table("revenue-outside", "Table 1, continued: with the directorates reported outside the headline (£m)", "Directorate", revenueColumns,
                        whole, true, true, revenueRules));
            }
            // Table 1's directorates line by line; then, when the month has it, Appendix 1: the position by service line.
            for (Budget.Position d : b.positions()) {
                if (!d.lines().isEmpty()) {
                    List<Row> lines = new ArrayList<>(d.lines().stream().map(revenue).toList());
                    Optional.ofNullable(Budget.own(d)).ifPresent(o -> lines.add(revenue.apply(o)));
                    lines.add(new Row("Total " + d.heading().name(), revenue.apply(d).figures()));
                    tables.add(new Table("lines-" + tables.size(), "Table 1: " + d.heading().name() + " by heading (£m)", "Heading", revenueColumns, lines, true,
                            true, revenueRules));
                }
            }
        }
        ServiceAnalysis analysis = serviceLines.of(b.month());
        if (!analysis.empty()) {
            List<String> columns = List.of("Gross", "Income", "Net", "Variance before adjustments", "Movement in the variance");
            List<Rule> netRule = List.of(new Rule(2, List.of(0, 1), List.of()));
            // Net = gross + income is checked line by line; a table of sub totals adds up lines already checked, each row carrying the rounding
            // of all of its lines, so only its total is checked.
            BiFunction<String, List<ServiceLine>, Table> table = (caption, rows) -> new Table("appendix-" + tables.size(),
                    "Appendix 1: " + caption + " (£m)", "Service line", columns, rows.stream().map(BudgetPapers::service).toList(), true, true,
                    rows.stream().limit(rows.size() - 1).anyMatch(ServiceLine::total) ? List.of() : netRule, analysis.decimals());
            for (ServiceAnalysis.Directorate d : analysis.directorates()) {
                if (d.divisions().size() > 1) {
                    for (ServiceAnalysis.Division v : d.divisions()) {
                        List<ServiceLine> rows = new ArrayList<>(v.lines());
                        rows.add(v.total());
                        tables.add(table.apply(d.name() + (v.name() == null ? "" : ", " + v.name()), rows));
                    }
                }
                // A directorate of one line (Financing Items) is that line: the directorates' table gives it.
                if (d.divisions().size() > 1 || d.divisions().get(0).lines().size() > 1) {
                    List<ServiceLine> rows = new ArrayList<>(d.divisions().size() == 1 ? d.divisions().get(0).lines()
                            : d.divisions().stream().map(ServiceAnalysis.Division::total).toList());
                    rows.add(d.total());
                    tables.add(table.apply(d.name(), rows));
                }
            }
            List<ServiceLine> rows = new ArrayList<>(analysis.directorates().stream().map(ServiceAnalysis.Directorate::total).toList());
            rows.add(analysis.total());
            tables.add(table.apply("the directorates", rows));
        }
        if (forecasts.hasForecasts(b.month())) {
            for (int sign : new int[] {1, -1}) {
                tables.add(new Table(sign > 0 ? "pressures" : "underspends", (sign > 0 ? "Pressures" : "Underspends") + " of £0.1m or more, largest first (£m)",
                        "Heading", List.of("Revised net variance"), budgets.variances(b, Budgets.THRESHOLD, sign).stream()
                        .map(p -> new Row(p.heading().name(), List.of(p.revised()), p.comment())).toList(), true, false, List.of()));
            }
        }
        CapitalProgramme capital = capitalProgrammes.of(b.month(), CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD);
        List<Note> capitalNotes = new ArrayList<>();
        if (!capital.empty()) {
            List<Row> rows = new ArrayList<>(capital.directorates().stream().map(d -> capital(d.total().directorate(), d.total())).toList());
            rows.add(capital("Total", capital.total()));
            tables.add(new Table("capital", "Table 3: directorate capital position (£m)", "Directorate", List.of("Working budget", "Variance", "Real variance",
                    "Rephasing variance", "Last reported real", "Last reported rephasing", "Real movement", "Rephasing movement"), rows, true, true,
                    List.of(new Rule(1, List.of(2, 3), List.of()), new Rule(6, List.of(2), List.of(4)), new Rule(7, List.of(3), List.of(5)))));
            capital.directorates().stream().filter(d -> d.comment() != null).forEach(d -> capitalNotes.add(new Note(d.total().directorate(), null, d.comment())));
            if (!capital.missing().isEmpty()) {
                capitalNotes.add(0, new Note("Not reported this month", null, String.join("; ", capital.missing()) + " reported the month before but not this month: "
                        + "Table 3's total is without them."));
            }
        }
        List<String> schemeHeadlines = capital.headlines().stream().map(h -> h.scheme() + " (" + h.directorate() + ")" + (h.comment() == null ? "" : ": " + h.comment()))
                .toList();
        List<Reserves.Row> held = reserves.of(b.month());
        if (!held.isEmpty()) {
            List<Rule> moves = List.of(new Rule(2, List.of(1), List.of(0)));
            List<String> columns = List.of("Balance at the start of the year", "Projected balance at the year end", "Movement");
            tables.add(new Table("reserves", "Revenue reserves (£m)", "Reserve", columns, held.stream().map(BudgetPapers::reserve).toList(), true, false, moves));
            for (Reserves.Row r : held) {
                if (!r.parts().isEmpty()) {
                    List<Row> parts = new ArrayList<>(r.parts().stream().map(BudgetPapers::reserve).toList());
                    parts.add(reserve(r));
                    tables.add(new Table("reserves-" + tables.size(), r.name() + " (£m)", "Reserve", columns, parts, true, true, moves));
                }
                for (Reserves.Row x : r.parts().isEmpty() ? List.of(r) : r.parts()) {
                    if (!x.movements().isEmpty()) {
                        List<Row> rows = new ArrayList<>(x.movements().stream().map(m -> new Row(m.description(), List.of(m.amount()))).toList());
                        rows.add(new Row("Total", List.of(x.movement())));
                        tables.add(new Table("movements-" + tables.size(), x.name() + ": movements (£m)", "Movement", List.of("£m"), rows, true, true, List.of()));
                    }
                }
            }
        }
        List<ActivityBudget> activity = activityBudgets.of(b.month());
        if (!activity.isEmpty()) {
            tables.add(new Table("activity", "Activity against affordable levels (variances in £)", "Service", List.of("Affordable level", "Actual to date",
                    "Forecast", "Budgeted unit cost (£)", "Forecast unit cost (£)", "Volume variance", "Price variance", "Total variance"), activity.stream()
                    .map(a -> new Row(a.service(), Arrays.asList(a.affordableUnits(), a.actualUnits(), a.forecastUnits(), a.budgetUnitCost(), a.forecastUnitCost(),
                            a.volumeVariance(), a.priceVariance(), a.totalVariance()))).toList(), false, false, List.of(new Rule(7, List.of(5, 6), List.of()))));
        }
        List<Note> narrative = new ArrayList<>();
        Map<Long, NarrativeRepository.Narrative> written = narratives.narratives(b.month());
        for (Budget.Position d : b.positions()) {
            NarrativeRepository.Narrative n = written.get(d.heading().id());
            if (n != null) {
                Map<String, String> parts = n.parts();
                NarrativeRepository.Narrative.LABELS.forEach((key, label) -> {
                    if (parts.get(key) != null) {
                        narrative.add(new Note(d.heading().name(), label, parts.get(key)));
                    }
                });
            }
        }
        List<Scheme> schemes = capital.directorates().stream().flatMap(d -> d.schemes().stream()).map(r -> new Scheme(r.directorate(), r.scheme(),
                r.status() == null ? null : r.status().label(), r.approvedCost(), r.spent(), r.budget(), r.forecast(), r.real(), r.rephasing(),
                r.funding().isEmpty() ? null : r.funding().stream().map(f -> f.source() + " £" + fmt.millions(f.amount()) + "m")
                        .collect(Collectors.joining("; ")))).toList();
        List<Note> findings = new ArrayList<>(analysis.disagreements().stream().map(x -> new Note("Appendix 1, " + x.directorate(), x.column(), x.text())).toList());
        capital.missing().forEach(d -> findings.add(new Note("Table 3, " + d, "Working budget", d + " reported its capital programme the month before but "
                + "not this month: Table 3's total is without it")));
        return new Report(b.month(), tables.isEmpty(), tables, narrative, capitalNotes, schemeHeadlines, schemes, findings);
    }

    private static Row revenue(Budget.Position p) {
        return new Row(p.heading().name(), Arrays.asList(p.cashLimit(), p.variance(), p.adjustment(), p.revised(), p.lastReported(), p.movement(),
                p.managementAction(), p.afterAction()));
    }

    private static Row service(ServiceLine l) {
        return new Row(l.name(), Arrays.asList(l.gross(), l.income(), l.net(), l.variance(), l.movement()));
    }

    private static Row capital(String name, CapitalProgramme.Row r) {
        return new Row(name, Arrays.asList(r.budget(), r.variance(), r.real(), r.rephasing(), r.lastReal(), r.lastRephasing(), r.realMovement(),
                r.rephasingMovement()));
    }

    private static Row reserve(Reserves.Row r) {
        return new Row(r.name(), Arrays.asList(r.opening(), r.projected(), r.movement()));
    }
}
