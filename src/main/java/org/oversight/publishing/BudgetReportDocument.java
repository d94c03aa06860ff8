package org.oversight.publishing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.finance.BudgetPapers;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Component;

/**
 * The revenue and capital budget monitoring report: the directorate revenue position (Table 1)
 * with the portfolios' narratives, the variance lists, the capital position (Table 3) and its
 * headlines, the reserves, activity against affordable levels, and Appendix 1's breakdown (the book's
 * headings, and the position by service line). Every table is checked as printed: each total against
 * its rows, and in each row each worked-out figure (revised, movement, after management action,
 * variance, real and rephasing movements, nets) against the figures it comes from, to their rounding;
 * and each directorate's service lines against its Table 1 figures. For the whole council: no scope.
 */
@Component
class BudgetReportDocument implements Publication {

    private final BudgetPapers budgets;
    private final PaperLayout layout;
    private final DisplayFormat fmt;

    BudgetReportDocument(BudgetPapers budgets, PaperLayout layout, DisplayFormat fmt) {
        this.budgets = budgets;
        this.layout = layout;
        this.fmt = fmt;
    }

    @Override
    public String kind() {
        return "budget";
    }

    @Override
    public String noun() {
        return "budget monitoring report";
    }

    @Override
    public String scope(String typed) {
        if (typed != null && !typed.isBlank()) {
            throw new InputException("scope", "the budget monitoring report is the whole council's: leave the directorate blank");
        }
        return "";
    }

    @Override
    public Document build(YearMonth month, String scope) {
        BudgetPapers.Report r = budgets.report(month);
        String title = "Revenue and capital budget monitoring, " + DisplayFormat.monthName(month);
        List<Table> tables = new ArrayList<>();
        List<ScorecardAudit.Finding> findings = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (BudgetPapers.Table t : r.tables()) {
            List<String> header = new ArrayList<>(List.of(t.firstColumn()));
            header.addAll(t.columns());
            // What is said of a row (a variance's reason) is a last column, when any row says something.
            boolean notes = t.rows().stream().anyMatch(row -> row.note() != null);
            if (notes) {
                header.add("Reason");
            }
            List<List<String>> rows = t.rows().stream().map(row -> {
                List<String> cells = new ArrayList<>(List.of(row.label()));
                row.figures().forEach(f -> cells.add(t.money() ? fmt.millions(f, t.decimals()) : fmt.number(f)));
                if (notes) {
                    cells.add(row.note() == null ? "" : row.note());
                }
                return (List<String>) cells;
            }).toList();
            Table printed = new Table(t.id(), t.caption(), header, rows, t.total());
            tables.add(printed);
            findings.addAll(DocumentChecks.roundedTotals(printed));
            for (BudgetPapers.Rule rule : t.rules()) {
                // The rule's indexes are into the figures; the printed row starts with its label.
                findings.addAll(DocumentChecks.roundedRule(printed, rule.result() + 1, rule.plus().stream().map(i -> i + 1).toList(),
                        rule.minus().stream().map(i -> i + 1).toList()));
            }
            if (t.id().equals("revenue") || t.id().equals("capital")) {
                for (List<String> row : rows) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("ref", t.id() + ": " + row.get(0));
                    item.put("title", row.get(0));
                    for (int c = 1; c < header.size(); c++) {
                        item.put(header.get(c), row.get(c));
                    }
                    items.add(item);
                }
            }
        }
        // What one table says against another: Appendix 1's lines against Table 1, Table 3 against the month before's directorates.
        r.findings().forEach(d -> findings.add(new ScorecardAudit.Finding(ScorecardAudit.Kind.TOTAL_NOT_SUM, d.heading(), d.part(), d.text())));
        Table schemes = null;
        if (!r.schemes().isEmpty()) {
            schemes = new Table("schemes", "Capital schemes (£m)", List.of("Scheme", "Directorate", "Status", "Approved cost", "Spent to date", "Working budget",
                    "Forecast", "Real variance", "Rephasing variance", "Funding"), r.schemes().stream().map(x -> List.of(x.scheme(), x.directorate(),
                    x.status() == null ? "Not given" : x.status(), fmt.millions(x.approvedCost()), fmt.millions(x.spent()), fmt.millions(x.budget()),
                    fmt.millions(x.forecast()), fmt.millions(x.real()), fmt.millions(x.rephasing()), x.funding() == null ? "Not given" : x.funding())).toList(), false);
            tables.add(schemes);
            r.schemes().forEach(x -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("ref", "scheme: " + x.directorate() + ": " + x.scheme());
                item.put("title", x.scheme());
                item.put("status", x.status() == null ? "Not given" : x.status());
                item.put("real variance", fmt.millions(x.real()));
                item.put("rephasing variance", fmt.millions(x.rephasing()));
                items.add(item);
            });
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("schemes", schemes == null ? List.of() : List.of(schemes));
        vars.put("report", r);
        vars.put("tables", tables);
        vars.put("revenue", tables.stream().filter(t -> t.id().startsWith("revenue")).toList());
        vars.put("appendix", tables.stream().filter(t -> t.id().startsWith("appendix-")).toList());
        vars.put("bookLines", tables.stream().filter(t -> t.id().startsWith("lines-")).toList());
        vars.put("lists", tables.stream().filter(t -> t.id().equals("pressures") || t.id().equals("underspends")).toList());
        vars.put("capital", tables.stream().filter(t -> t.id().equals("capital")).toList());
        vars.put("reserves", tables.stream().filter(t -> t.id().startsWith("reserves") || t.id().startsWith("movements-")).toList());
        vars.put("activity", tables.stream().filter(t -> t.id().equals("activity")).toList());
        vars.put("headline", headline(r));
        return new Document(title, r.empty() ? "no budget monitoring has been loaded for " + DisplayFormat.monthName(month) : null, findings, items, tables,
                Map.of(), (on, version, checks) -> layout.html("budget-paper", title, Papers.path(kind(), month, "", "/versions"), on, version, checks, vars));
    }

    private String money(BigDecimal pounds) {
        return (pounds.signum() < 0 ? "−£" : "£") + fmt.millions(pounds.abs()) + "m";
    }

    /** The first line of the report, from Table 1's total row: the revised variance after the Corporate Directors' adjustments. */
    private String headline(BudgetPapers.Report r) {
        return r.tables().stream().filter(t -> t.id().equals("revenue")).findFirst().map(t -> {
            List<BigDecimal> total = t.rows().get(t.rows().size() - 1).figures();
            BigDecimal revised = total.get(t.columns().indexOf("Revised net variance")), movement = total.get(t.columns().indexOf("Movement"));
            return revised == null ? null : "The forecast revenue " + (revised.signum() > 0 ? "pressure" : "underspend") + " after the Corporate Directors' adjustments is "
                    + money(revised.abs()) + (movement == null ? "" : ", a movement of " + money(movement) + " since the last report") + ".";
        }).orElse(null);
    }
}
