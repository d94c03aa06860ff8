package org.oversight.finance;

import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.oversight.shared.Audited;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a month's revenue monitoring file (spec/budget-csv.md) — the ledger export — all or nothing;
 * a file of activity budgets (a {@code service} column) gives the month's activity against affordable levels.
 * Nets and totals must add up (to their rounding) and every line must name a heading of the year's
 * budget book, unless the file sets the book: then its headings are made, and a cash limit that
 * changes from the one held needs the reason, kept as a cash limit change (virement).
 */
@Service
class BudgetImport {

    /** The unit a file's amounts are written in. */
    enum Unit {
        POUNDS("£", BigDecimal.ONE), THOUSANDS("£000s", new BigDecimal(1_000)), MILLIONS("£m", new BigDecimal(1_000_000));

        final String words;
        final BigDecimal pounds;

        Unit(String words, BigDecimal pounds) {
            this.words = words;
            this.pounds = pounds;
        }

        public String words() {
            return words;
        }

        /** Pounds as written in this unit: 1,250,000 as 1.25 (£m) or 1250 (£000s). */
        String written(BigDecimal pounds) {
            return pounds.divide(this.pounds).stripTrailingZeros().toPlainString();
        }
    }

    record Result(YearMonth month, int lines, int headingsMade, int cashLimitsChanged) {
    }

    private final FinanceStore store;
    private final ApplicationEventPublisher events;

    BudgetImport(FinanceStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Transactional
    Result load(YearMonth month, Unit unit, byte[] csv, boolean setsBook, String reason, String user) {
        if (month == null) {
            throw new InputException("month", "Choose the month the forecasts are for");
        }
        if (unit == null) {
            throw new InputException("unit", "Say what unit the file's amounts are in: £, £000s or £m");
        }
        BudgetCsv.File file = BudgetCsv.read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        if (!file.revenue()) {
            return activity(month, file, user);
        }
        List<RevenueLine> lines = file.lines();
        if (lines.isEmpty()) {
            throw new InputException("file", "The file has no lines");
        }
        for (RevenueBook.Inconsistency i : new RevenueBook(lines).inconsistencies()) {
            throw new InputException(i.row(), i.column(), "'" + i.heading() + "': " + i.written().toPlainString() + " is written, but its parts add up to "
                    + i.computed().toPlainString() + ": nothing was loaded");
        }
        int year = FinancialYear.of(month).startYear();
        String why = Text.orNull(reason);
        store.lock();
        Set<String> groups = lines.stream().map(RevenueLine::group).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        Map<String, Long> ids = new HashMap<>();
        int made = 0, changed = 0, stored = 0;
        for (RevenueLine l : lines) {
            if (l.total()) {
                continue; // checked above: a total is worked out, never stored
            }
            Long parent = l.group().isEmpty() ? null : ids.get(l.group());
            if (!l.group().isEmpty() && parent == null) {
                // The group is named but not given as a line: a heading of the book's top level.
                parent = store.heading(null, l.group()).orElse(null);
                if (parent == null) {
                    if (!setsBook) {
                        throw new InputException(l.row(), "group", "There is no heading '" + l.group() + "' in the " + FinancialYear.of(month).label()
                                + " budget book: load the book first, or tick that this file sets it");
                    }
                    parent = store.insertHeading(null, l.group());
                    made++;
                }
                ids.put(l.group(), parent);
            }
            Long id = store.heading(parent, l.heading()).orElse(null);
            if (id == null) {
                if (!setsBook) {
                    throw new InputException(l.row(), "heading", "There is no heading '" + l.heading() + "'" + (l.group().isEmpty() ? "" : " under " + l.group())
                            + " in the " + FinancialYear.of(month).label() + " budget book: a forecast is for a heading that exists");
                }
                id = store.insertHeading(parent, l.heading());
                made++;
            }
            ids.put(l.heading(), id);
            if (groups.contains(l.heading())) {
                continue; // a group's line is the total of its lines: checked above, worked out again from them
            }
            if (l.cashLimitNet() != null || l.cashLimitGross() != null) {
                changed += cashLimit(l, id, year, unit, setsBook, why, user);
            }
            // A line may be a forecast, or an adjustment alone (a Corporate Director's, on a line of its own).
            if (l.variance() != null || l.adjustment() != null || l.lastReported() != null) {
                store.saveForecast(id, month, new FinanceStore.Forecast(pounds(l.varianceGross(), unit), pounds(l.varianceIncome(), unit),
                        pounds(l.variance(), unit), pounds(l.adjustment(), unit), pounds(l.lastReported(), unit), Text.orNull(l.comment())), user);
                stored++;
            }
        }
        events.publishEvent(new Audited(Audited.Action.IMPORT, "budget", month.toString(), "Budget monitoring for " + month + " loaded: " + stored
                + " lines" + (made > 0 ? ", " + made + " headings made" : "") + (changed > 0 ? ", " + changed + " cash limits changed: " + why : ""), null,
                Map.of("month", month.toString(), "unit", unit.words, "lines", stored)));
        return new Result(month, stored, made, changed);
    }

    /** A month's activity budgets (the file has a service column): each service's figures for the month, replaced whole. */
    private Result activity(YearMonth month, BudgetCsv.File file, String user) {
        if (file.services().isEmpty()) {
            throw new InputException("file", "The file has no services");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ActivityBudget a : file.services()) {
            if (!seen.add(a.service())) {
                throw new InputException(a.row(), "service", "'" + a.service() + "' is on an earlier line too: each service is one line");
            }
        }
        store.lock();
        file.services().forEach(a -> store.saveActivity(month, a, user));
        events.publishEvent(new Audited(Audited.Action.IMPORT, "activity_budget", month.toString(), "Activity budgets for " + month + " loaded: "
                + file.services().size() + " services", null, Map.of("month", month.toString(), "services", file.services().size())));
        return new Result(month, file.services().size(), 0, 0);
    }

    /** Sets the year's cash limit, or checks it against the one held; a change needs its reason. Returns 1 when it changed. */
    private int cashLimit(RevenueLine l, long id, int year, Unit unit, boolean setsBook, String why, String user) {
        BigDecimal gross = pounds(l.cashLimitGross(), unit), income = pounds(l.cashLimitIncome(), unit), net = pounds(l.net(), unit);
        if (income != null && income.signum() > 0) {
            throw new InputException(l.row(), "cash_limit_income", "Income is written as a negative amount, such as -4.7");
        }
        var held = store.cashLimit(id, year);
        if (held.isPresent() && held.get().cashNet().compareTo(net) == 0) {
            return 0;
        }
        if (held.isPresent() && (!setsBook || why == null)) {
            throw new InputException(l.row(), "cash_limit_net", "'" + l.heading() + "': the cash limit held is " + plain(held.get().cashNet(), unit)
                    + " and the file gives " + plain(net, unit) + (setsBook ? ": give the reason for the change (the virement)"
                    : ": a cash limit changes only when a file sets the budget book, with its reason"));
        }
        if (held.isEmpty() && !setsBook) {
            throw new InputException(l.row(), "cash_limit_net", "'" + l.heading() + "' has no " + FinancialYear.of(java.time.YearMonth.of(year, 4)).label()
                    + " cash limit: load the budget book first, or tick that this file sets it");
        }
        store.saveCashLimit(id, year, gross, income, net);
        if (held.isPresent()) {
            BigDecimal before = held.get().cashNet();
            store.insertChange(id, year, minus(gross, held.get().cashGross()), minus(income, held.get().cashIncome()), net.subtract(before), why, user);
            return 1;
        }
        return 0;
    }

    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static BigDecimal pounds(BigDecimal amount, Unit unit) {
        return amount == null ? null : amount.multiply(unit.pounds);
    }

    private static String plain(BigDecimal pounds, Unit unit) {
        return unit.written(pounds) + " (" + unit.words + ")";
    }
}
