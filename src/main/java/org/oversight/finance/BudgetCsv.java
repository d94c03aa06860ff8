package org.oversight.finance;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oversight.shared.CsvTable;
import org.oversight.shared.InputException;

/**
 * The two budget monitoring tables of {@code spec/budget-csv.md}, told apart by their columns:
 * revenue lines (a {@code heading} column) or activity budgets (a {@code service} column). A bad
 * cell names its row and column, and nothing of the file is read.
 */
final class BudgetCsv {

    static final Set<String> REVENUE = Set.of("heading", "group", "cash_limit_gross", "cash_limit_income", "cash_limit_net", "variance_gross",
            "variance_income", "variance_net", "adjustment", "last_reported", "comment");
    static final Set<String> ACTIVITY = Set.of("service", "affordable_units", "forecast_units", "budget_unit_cost", "forecast_unit_cost");

    /** Revenue lines or activity budgets, as {@code revenue} says; the other list is empty. */
    record File(boolean revenue, List<RevenueLine> lines, List<ActivityBudget> services, List<String> warnings) {
    }

    private BudgetCsv() {
    }

    static File read(Reader in) {
        Set<String> known = new HashSet<>(REVENUE);
        known.addAll(ACTIVITY);
        CsvTable t = CsvTable.read(in, known, Set.of());
        if (t.has("heading") == t.has("service")) {
            throw new InputException(1, t.has("heading") ? "service" : "heading", t.has("heading")
                    ? "the file has both a heading and a service column: revenue lines and activity budgets are separate files"
                    : "the file needs a heading column (revenue lines) or a service column (activity budgets)");
        }
        return t.has("heading") ? new File(true, revenue(t), List.of(), t.warnings()) : new File(false, List.of(), activity(t), t.warnings());
    }

    private static List<RevenueLine> revenue(CsvTable t) {
        List<RevenueLine> lines = new ArrayList<>();
        Set<String> headings = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String heading = r.required("heading");
            String group = r.text("group");
            // A heading may recur in different groups (a service line in two directorates), not twice in one.
            if (!headings.add(group + "\u0000" + heading)) {
                throw r.error("heading", "'" + heading + "' is on an earlier line of " + (group.isEmpty() ? "the top level" : group) + " too: each heading is one line of its group");
            }
            if (group.equals(heading)) {
                throw r.error("group", "a heading cannot roll up to itself");
            }
            lines.add(new RevenueLine(r.number(), heading, group, r.decimal("cash_limit_gross"), r.decimal("cash_limit_income"), r.decimal("cash_limit_net"),
                    r.decimal("variance_gross"), r.decimal("variance_income"), r.decimal("variance_net"), r.decimal("adjustment"), r.decimal("last_reported"),
                    r.text("comment")));
        }
        // A group is named by its heading: a heading that lines roll up to must say which line it is.
        for (RevenueLine l : lines) {
            if (!l.group().isEmpty() && lines.stream().filter(x -> x.heading().equals(l.group())).count() > 1) {
                throw new InputException(l.row(), "group", "'" + l.group() + "' is the heading of more than one line, so the lines cannot say which they roll up to");
            }
        }
        return lines;
    }

    private static List<ActivityBudget> activity(CsvTable t) {
        List<ActivityBudget> services = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            services.add(new ActivityBudget(r.number(), r.required("service"), positive(r, "affordable_units"), positive(r, "forecast_units"),
                    positive(r, "budget_unit_cost"), positive(r, "forecast_unit_cost")));
        }
        return services;
    }

    /** Units and unit costs are counted from zero. */
    private static BigDecimal positive(CsvTable.Row r, String column) {
        BigDecimal n = r.decimal(column);
        if (n != null && n.signum() < 0) {
            throw r.error(column, "'" + r.text(column) + "' is below zero: activity and unit costs are counted from 0");
        }
        return n;
    }
}
