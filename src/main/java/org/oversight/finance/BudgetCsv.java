package org.oversight.finance;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.oversight.shared.CsvTable;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.oversight.structure.Units;

/**
 * The budget monitoring tables, told apart by their columns: the two of {@code spec/budget-csv.md},
 * revenue lines (a {@code heading} column) and activity budgets (a {@code service} column), and
 * Oversight's own two for the rest of the report, capital schemes (a {@code directorate} column) and
 * reserves (a {@code reserve} column). A bad cell names its row and column, and nothing of the file is read.
 */
final class BudgetCsv {

    static final Set<String> REVENUE = Set.of("heading", "group", "cash_limit_gross", "cash_limit_income", "cash_limit_net", "variance_gross",
            "variance_income", "variance_net", "adjustment", "last_reported", "comment");
    static final Set<String> ACTIVITY = Set.of("service", "affordable_units", "forecast_units", "budget_unit_cost", "forecast_unit_cost", "actual_units",
            "indicator");
    static final Set<String> CAPITAL = Set.of("directorate", "scheme", "approved_cost", "approval", "previous_spend", "budget", "later_years", "spend_to_date",
            "variance", "real_variance", "rephasing_variance", "last_real", "last_rephasing", "real_movement", "rephasing_movement", "delayed", "funding",
            "comment");
    static final Set<String> RESERVES = Set.of("reserve", "group", "balance_start", "balance_end", "movement", "description");
    static final Set<String> SERVICE_LINES = Set.of("service_line", "directorate", "division", "cash_limit_gross", "cash_limit_income", "cash_limit_net",
            "variance_net", "movement");

    /** Which table a file is, by the column that names its rows. */
    enum Kind {
        REVENUE("heading"), ACTIVITY("service"), CAPITAL("directorate"), RESERVES("reserve"), SERVICE_LINES("service_line");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    /** One of the tables, as {@code kind} says; the other lists are empty. */
    record File(Kind kind, List<RevenueLine> lines, List<ActivityBudget> services, List<CapitalLine> schemes, List<ReserveLine> reserves,
                List<ServiceLine> serviceLines, List<String> warnings) {

        boolean revenue() {
            return kind == Kind.REVENUE;
        }

        /**
         * The file with each part of the council it names (a directorate heading and the group it closes, a capital or service
         * line's directorate and division) under the council structure's one name; a heading that is no unit stays as written.
         */
        File named(Units.Names names) {
            return new File(kind, lines.stream().map(l -> new RevenueLine(l.row(), l.total() ? l.heading() : names.nameOrAsWritten(l.heading(), l.row(), "heading"),
                            l.group().isEmpty() ? l.group() : names.nameOrAsWritten(l.group(), l.row(), "group"), l.cashLimitGross(), l.cashLimitIncome(),
                            l.cashLimitNet(), l.varianceGross(), l.varianceIncome(), l.varianceNet(), l.adjustment(), l.lastReported(), l.comment())).toList(),
                    services,
                    schemes.stream().map(c -> c.directorate() == null ? c : new CapitalLine(c.row(), names.nameOrAsWritten(c.directorate(), c.row(), "directorate"),
                            c.scheme(), c.approvedCost(), c.approval(), c.previousSpend(), c.budget(), c.laterYears(), c.spendToDate(), c.variance(), c.real(),
                            c.rephasing(), c.lastReal(), c.lastRephasing(), c.realMovement(), c.rephasingMovement(), c.delayed(), c.funding(), c.comment(),
                            c.id())).toList(),
                    reserves,
                    serviceLines.stream().map(s -> new ServiceLine(s.row(), names.nameOrAsWritten(s.directorate(), s.row(), "directorate"),
                            names.nameOrAsWritten(s.division(), s.row(), "division"), s.name(), s.gross(), s.income(), s.net(), s.variance(), s.movement(),
                            s.roundedTo())).toList(),
                    warnings);
        }
    }

    private BudgetCsv() {
    }

    static File read(Reader in) {
        Set<String> known = new HashSet<>(REVENUE);
        known.addAll(ACTIVITY);
        known.addAll(CAPITAL);
        known.addAll(RESERVES);
        known.addAll(SERVICE_LINES);
        CsvTable t = CsvTable.read(in, known, Set.of());
        // The service lines name their directorate too: a service_line column makes them that table, not capital schemes.
        List<Kind> kinds = Arrays.stream(Kind.values()).filter(k -> t.has(k.column) && !(k == Kind.CAPITAL && t.has(Kind.SERVICE_LINES.column))).toList();
        if (kinds.size() != 1) {
            throw new InputException(1, kinds.isEmpty() ? "heading" : kinds.get(1).column, kinds.isEmpty()
                    ? "the file needs a heading column (revenue lines), a service column (activity budgets), a directorate column (capital schemes), a reserve "
                      + "column (reserves) or a service_line column (the position by service line)"
                    : "the file has both a " + kinds.get(0).column + " and a " + kinds.get(1).column
                      + " column: revenue lines, activity budgets, capital schemes, reserves and service lines are separate files");
        }
        return switch (kinds.get(0)) {
            case REVENUE -> new File(Kind.REVENUE, revenue(t), List.of(), List.of(), List.of(), List.of(), t.warnings());
            case ACTIVITY -> new File(Kind.ACTIVITY, List.of(), activity(t), List.of(), List.of(), List.of(), t.warnings());
            case CAPITAL -> new File(Kind.CAPITAL, List.of(), List.of(), capital(t), List.of(), List.of(), t.warnings());
            case RESERVES -> new File(Kind.RESERVES, List.of(), List.of(), List.of(), reserves(t), List.of(), t.warnings());
            case SERVICE_LINES -> new File(Kind.SERVICE_LINES, List.of(), List.of(), List.of(), List.of(), serviceLines(t), t.warnings());
        };
    }

    private static List<RevenueLine> revenue(CsvTable t) {
        List<RevenueLine> lines = new ArrayList<>();
        Set<String> headings = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String heading = name(r, "heading", true);
            String group = name(r, "group", false);
            // A heading may recur in different groups (a service line in two directorates), not twice in one.
            if (!headings.add(group + "\u0000" + heading)) {
                throw r.error("heading", "'" + heading + "' is on an earlier line of " + (group.isEmpty() ? "the top level" : group) + " too: each heading is one line of its group");
            }
            if (group.equals(heading)) {
                throw r.error("group", "a heading cannot roll up to itself: leave the group blank for a heading at the top of the book");
            }
            lines.add(new RevenueLine(r.number(), heading, group, r.decimal("cash_limit_gross"), r.decimal("cash_limit_income"), r.decimal("cash_limit_net"),
                    r.decimal("variance_gross"), r.decimal("variance_income"), r.decimal("variance_net"), r.decimal("adjustment"), r.decimal("last_reported"),
                    text(r, "comment", 4_000)));
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
            String indicator = text(r, "indicator", 40);
            services.add(new ActivityBudget(r.number(), name(r, "service", true), positive(r, "affordable_units"), positive(r, "forecast_units"),
                    positive(r, "budget_unit_cost"), positive(r, "forecast_unit_cost"), positive(r, "actual_units"), indicator.isEmpty() ? null : indicator));
        }
        return services;
    }

    private static List<CapitalLine> capital(CsvTable t) {
        List<CapitalLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String directorate = name(r, "directorate", true);
            String scheme = name(r, "scheme", false).isEmpty() ? null : name(r, "scheme", false);
            if (!seen.add(directorate + "\u0000" + scheme)) {
                throw r.error(scheme == null ? "directorate" : "scheme", "'" + (scheme == null ? directorate : scheme) + "' is on an earlier line"
                        + (scheme == null ? "" : " of " + directorate) + " too: each scheme is one line");
            }
            lines.add(new CapitalLine(r.number(), directorate, scheme, positive(r, "approved_cost"), text(r, "approval", 500).isEmpty() ? null : text(r, "approval", 500),
                    positive(r, "previous_spend"), r.decimal("budget"), r.decimal("later_years"), positive(r, "spend_to_date"), r.decimal("variance"),
                    r.decimal("real_variance"), r.decimal("rephasing_variance"), r.decimal("last_real"), r.decimal("last_rephasing"), r.decimal("real_movement"),
                    r.decimal("rephasing_movement"), yesNo(r, "delayed"),
                    funding(r), text(r, "comment", 4_000), null));
        }
        return lines;
    }

    private static Boolean yesNo(CsvTable.Row r, String column) {
        return switch (r.text(column).toLowerCase(Locale.UK)) {
            case "" -> null;
            case "yes", "y", "true" -> true;
            case "no", "n", "false" -> false;
            default -> throw r.error(column, "'" + r.text(column) + "' is not yes or no");
        };
    }

    /** Funding sources written "Grant: 2.5; Developer contributions: 1.0", in the file's unit. */
    private static List<CapitalLine.Funding> funding(CsvTable.Row r) {
        List<CapitalLine.Funding> out = new ArrayList<>();
        for (String part : r.text("funding").split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            BigDecimal amount = null;
            try {
                amount = colon < 1 ? null : DecimalCell.parse(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                // named below
            }
            if (amount == null) {
                throw r.error("funding", "'" + part.strip() + "' is not a source and its amount: write each as 'Grant: 2.5', separated by ';'");
            }
            String source = Objects.requireNonNullElse(Text.orNull(part.substring(0, colon)), "");
            if (source.isEmpty() || source.length() > Text.NAME) {
                throw r.error("funding", "a source is named in 1 to " + Text.NAME + " characters, such as 'Grant: 2.5'");
            }
            if (amount.signum() < 0) {
                throw r.error("funding", "'" + source + "' is below zero: funding is counted from 0");
            }
            if (out.stream().anyMatch(f -> f.source().equalsIgnoreCase(source))) {
                throw r.error("funding", "'" + source + "' is named twice: give each source once, with its whole amount");
            }
            out.add(new CapitalLine.Funding(source, amount));
        }
        return out;
    }

    /** The position by service line: each line once in its directorate and division; a total line may leave them blank (it adds up more). */
    private static List<ServiceLine> serviceLines(CsvTable t) {
        List<ServiceLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String name = name(r, "service_line", true);
            String directorate = name(r, "directorate", false), division = name(r, "division", false);
            ServiceLine l = new ServiceLine(r.number(), directorate.isEmpty() ? null : directorate, division.isEmpty() ? null : division, name,
                    r.decimal("cash_limit_gross"), r.decimal("cash_limit_income"), r.decimal("cash_limit_net"), r.decimal("variance_net"), r.decimal("movement"), null);
            if (!l.total() && l.directorate() == null) {
                throw r.error("directorate", "required: give the directorate of the budget book the line belongs to");
            }
            if (l.total() && l.directorate() == null && l.division() != null) {
                throw r.error("directorate", "a total of a division names its directorate too");
            }
            if (!l.total() && !seen.add(directorate + "\u0000" + division + "\u0000" + name)) {
                throw r.error("service_line", "'" + name + "' is on an earlier line of " + (division.isEmpty() ? directorate : division) + " too: each service line is one line");
            }
            if (l.income() != null && l.income().signum() > 0) {
                throw r.error("cash_limit_income", "Income is written as a negative amount, such as -4.7");
            }
            lines.add(l);
        }
        return lines;
    }

    /** A reserve's balances on one row, its movements on the rows after it that name it. */
    private static List<ReserveLine> reserves(CsvTable t) {
        Map<String, ReserveLine> byName = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String name = name(r, "reserve", true);
            String group = name(r, "group", false).isEmpty() ? null : name(r, "group", false);
            BigDecimal start = r.decimal("balance_start"), end = r.decimal("balance_end"), movement = r.decimal("movement");
            ReserveLine held = byName.get(name);
            if (start != null || end != null) {
                if (held != null) {
                    throw r.error("balance_start", "'" + name + "' has its balances on an earlier line: a reserve's balances are one line, its movements the lines after");
                }
                if (start == null || end == null) {
                    throw r.error(start == null ? "balance_start" : "balance_end", "give both balances, at the start of the year and projected at its end");
                }
                if (movement != null) {
                    throw r.error("movement", "a line gives a reserve's balances or one of its movements, not both");
                }
                byName.put(name, new ReserveLine(r.number(), group, name, start, end, new ArrayList<>()));
            } else {
                if (held == null) {
                    throw r.error("reserve", "'" + name + "' has no balances on an earlier line: give the reserve's balances first, then its movements");
                }
                if (movement == null) {
                    throw r.error("movement", "give the movement's amount (− a drawdown), or the reserve's balances");
                }
                if (text(r, "description", 1_000).isEmpty()) {
                    throw r.error("description", "say what the movement is");
                }
                held.movements().add(new ReserveLine.Movement(r.number(), text(r, "description", 1_000), movement));
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * A name (a heading, a scheme, a reserve): plain text, control and invisible formatting characters gone (two names that print alike
     * are one), spaces as one, at most 200 characters.
     */
    private static String name(CsvTable.Row r, String column, boolean required) {
        String t = text(r, column, Text.NAME).replaceAll("\\p{Cf}", "").replaceAll("\\s+", " ");
        if (required && t.isEmpty()) {
            throw r.error(column, "required: give the " + column);
        }
        return t;
    }

    /** Text as typed, control characters gone (a word processor's line break becomes one), at most {@code max} characters. */
    private static String text(CsvTable.Row r, String column, int max) {
        String t = Objects.requireNonNullElse(Text.orNull(r.text(column)), "");
        if (t.length() > max) {
            throw r.error(column, "is " + String.format("%,d", t.length()) + " characters; it may be at most " + String.format("%,d", max));
        }
        return t;
    }

    /** Units and unit costs are counted from zero. */
    private static BigDecimal positive(CsvTable.Row r, String column) {
        BigDecimal n = r.decimal(column);
        if (n != null && n.signum() < 0) {
            throw r.error(column, "'" + r.text(column) + "' is below zero: " + column.replace('_', ' ') + " is counted from 0");
        }
        return n;
    }
}
