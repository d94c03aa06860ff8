package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.oversight.shared.Audited;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A month's revenue lines, the ledger export: nets and totals must add up (to their rounding) and
 * every line must name a heading of the year's budget book, unless the file sets the book: then its
 * headings are made, and a cash limit that changes from the one held needs the reason, kept as a
 * cash limit change (virement). Run by {@link BudgetImport}, in its transaction, the book locked.
 */
@Service
class RevenueImport {

    /** A heading that reads as a total: "Grand Total", "Sub-total", "Subtotal". */
    private static final Pattern TOTAL_LIKE = Pattern.compile("(?i)(^|[^a-z])(sub-?\\s*)?totals?($|[^a-z])");

    private final BudgetBookRepository books;
    private final ForecastRepository forecasts;
    private final Budgets budgets;
    private final ServiceLines serviceLines;
    private final ApplicationEventPublisher events;

    RevenueImport(BudgetBookRepository books, ForecastRepository forecasts, Budgets budgets, ServiceLines serviceLines, ApplicationEventPublisher events) {
        this.books = books;
        this.forecasts = forecasts;
        this.budgets = budgets;
        this.serviceLines = serviceLines;
        this.events = events;
    }

    BudgetImport.Result load(YearMonth month, List<RevenueLine> lines, BudgetImport.Unit unit, boolean setsBook, String reason, String user) {
        if (lines.isEmpty()) {
            throw new InputException("file", "The file has no lines");
        }
        lines.forEach(l -> RevenueBook.FIGURES.forEach((column, figure) -> unit.fits(l.row(), column, figure.apply(l))));
        // A total is a line named "Total …", checked against what it closes; one named otherwise ("Grand Total", "Sub-total") would be
        // stored as a heading of the book and counted again in every total above it.
        for (RevenueLine l : lines) {
            if (!l.total() && TOTAL_LIKE.matcher(l.heading()).find()) {
                throw new InputException(l.row(), "heading", "'" + l.heading() + "' reads as a total but is not named 'Total …': name a total "
                        + "'Total' or 'Total " + (l.group().isEmpty() ? "…" : l.group()) + "' so that it is checked against its lines, not stored as a "
                        + "heading: nothing was loaded");
            }
        }
        for (RevenueBook.Inconsistency i : new RevenueBook(lines).inconsistencies()) {
            throw new InputException(i.row(), i.column(), "'" + i.heading() + "': " + i.written().toPlainString() + " is written, but its parts add up to "
                    + i.computed().toPlainString() + ": nothing was loaded");
        }
        int year = FinancialYear.of(month).startYear();
        String why = Text.orNull(reason);
        Set<String> groups = lines.stream().map(RevenueLine::group).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        Map<String, Long> ids = new HashMap<>();
        // The book and the year's cash limits read once, the forecasts written in one batch: a 5,000-line file is a few statements, not 15,000.
        Map<String, Long> book = books.headingIds();
        Map<Long, Budget.Figures> limits = books.cashLimits(year);
        List<Map.Entry<Long, ForecastRepository.Forecast>> fromFile = new ArrayList<>();
        int made = 0, changed = 0, stored = 0, position = books.nextPosition();
        for (RevenueLine l : lines) {
            if (l.total()) {
                continue; // checked above: a total is worked out, never stored
            }
            Long parent = l.group().isEmpty() ? null : ids.get(l.group());
            if (!l.group().isEmpty() && parent == null) {
                // The group is named but not given as a line: a heading of the book's top level.
                parent = book.get(BudgetBookRepository.key(null, l.group()));
                if (parent == null) {
                    if (!setsBook) {
                        throw new InputException(l.row(), "group", "There is no heading '" + l.group() + "' in the " + FinancialYear.of(month).label()
                                + " budget book: load the book first, or tick that this file sets it");
                    }
                    parent = books.insertHeading(null, l.group(), position++);
                    book.put(BudgetBookRepository.key(null, l.group()), parent);
                    made++;
                }
                ids.put(l.group(), parent);
            }
            Long id = book.get(BudgetBookRepository.key(parent, l.heading()));
            if (id == null) {
                if (!setsBook) {
                    throw new InputException(l.row(), "heading", "There is no heading '" + l.heading() + "'" + (l.group().isEmpty() ? "" : " under " + l.group())
                            + " in the " + FinancialYear.of(month).label() + " budget book: a forecast is for a heading that exists");
                }
                id = books.insertHeading(parent, l.heading(), position++);
                book.put(BudgetBookRepository.key(parent, l.heading()), id);
                made++;
            }
            ids.put(l.heading(), id);
            if (groups.contains(l.heading())) {
                continue; // a group's line is the total of its lines: checked above, worked out again from them
            }
            if (l.cashLimitNet() != null || l.cashLimitGross() != null) {
                changed += cashLimit(l, id, month, unit, setsBook, why, user, Optional.ofNullable(limits.get(id)));
            }
            // A line may be a forecast, or an adjustment alone (a Corporate Director's, on a line of its own).
            if (l.variance() != null || l.adjustment() != null || l.lastReported() != null) {
                fromFile.add(Map.entry(id, new ForecastRepository.Forecast(unit.inPounds(l.varianceGross()), unit.inPounds(l.varianceIncome()),
                        unit.inPounds(l.variance()), unit.inPounds(l.adjustment()), unit.inPounds(l.lastReported()), Text.orNull(l.comment()), null)));
                stored++;
            }
        }
        forecasts.saveForecasts(month, fromFile, user);
        forecasts.keepLastReported(month, budgets.lastRevised(month), user);
        events.publishEvent(new Audited(Audited.Action.IMPORT, "budget", month.toString(), "Budget monitoring for " + month + " loaded: " + stored
                + " lines" + (made > 0 ? ", " + made + " headings made" : "") + (changed > 0 ? ", " + changed + " cash limits changed: " + why : ""), null,
                Map.of("month", month.toString(), "unit", unit.words(), "lines", stored)));
        // The month's service lines, if it has them, are checked against the Table 1 this file makes.
        return new BudgetImport.Result(month, BudgetCsv.Kind.REVENUE, stored, made, changed, serviceLines.disagreements(month));
    }

    /** Sets the year's cash limit, or checks it against the one held; a change needs its reason. Returns 1 when it changed. */
    private int cashLimit(RevenueLine l, long id, YearMonth month, BudgetImport.Unit unit, boolean setsBook, String why, String user, Optional<Budget.Figures> held) {
        int year = FinancialYear.of(month).startYear();
        BigDecimal gross = unit.inPounds(l.cashLimitGross()), income = unit.inPounds(l.cashLimitIncome()), net = unit.inPounds(l.net());
        if (income != null && income.signum() > 0) {
            throw new InputException(l.row(), "cash_limit_income", "Income is written as a negative amount, such as -4.7");
        }
        if (held.isPresent() && held.get().cashNet().compareTo(net) == 0) {
            return 0;
        }
        if (held.isPresent() && (!setsBook || why == null)) {
            throw new InputException(l.row(), "cash_limit_net", "'" + l.heading() + "': the cash limit held is " + unit.named(held.get().cashNet())
                    + " and the file gives " + unit.named(net) + (setsBook ? ": give the reason for the change (the virement)"
                    : ": a cash limit changes only when a file sets the budget book, with its reason"));
        }
        if (held.isEmpty() && !setsBook) {
            throw new InputException(l.row(), "cash_limit_net", "'" + l.heading() + "' has no " + FinancialYear.of(YearMonth.of(year, 4)).label()
                    + " cash limit: load the budget book first, or tick that this file sets it");
        }
        books.saveCashLimit(id, year, gross, income, net);
        if (held.isPresent()) {
            BigDecimal before = held.get().cashNet();
            books.insertChange(id, year, month, RevenueLine.less(gross, held.get().cashGross()), RevenueLine.less(income, held.get().cashIncome()), net.subtract(before), why, user);
            return 1;
        }
        return 0;
    }
}
