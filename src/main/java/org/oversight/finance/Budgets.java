package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.KeptUntilChange;
import org.springframework.stereotype.Service;

/** The budget monitoring position of a month, as stored: worked out, with the month before for the movements. */
@Service
class Budgets {

    /** The variance lists' default threshold: £100k. */
    static final BigDecimal THRESHOLD = new BigDecimal(100_000);

    private final BudgetBookRepository books;
    private final ForecastRepository forecasts;

    /** Months worked out since the last change (V21's counter), reused until the next: a page of nine rows need not add up 5,000 lines each time. */
    private final KeptUntilChange kept = new KeptUntilChange(24);

    private record Key(String what, YearMonth month, Object more) {
    }

    Budgets(BudgetBookRepository books, ForecastRepository forecasts) {
        this.books = books;
        this.forecasts = forecasts;
    }

    /**
     * What is worked out from the month's figures (its position, a page's rendered lists, its capital programme), kept until any
     * of finance's figures change: every reading of them shares the one counter, so none is served stale after a load.
     */
    <T> T kept(String what, YearMonth month, Object more, Supplier<T> build) {
        return kept.get(books.changeCounter(), new Key(what, month, more), build);
    }

    /** Text worked out from the month's figures (a page's rendered lists), kept until they change. */
    String rendered(String what, YearMonth month, Supplier<String> render) {
        return kept(what, month, null, render);
    }

    /** The month's position; without a month, the latest loaded. */
    Budget of(YearMonth month) {
        YearMonth m = month != null ? month : months().stream().findFirst().orElse(YearMonth.now());
        return kept("book", m, null, () -> book(m));
    }

    private Budget book(YearMonth m) {
        List<Budget.Heading> headings = books.headings();
        return new Budget(m, headings, forecasts.figures(m), before(m, headings));
    }

    /** The month before, its revised variances alone (none in April: movements run within a financial year). */
    private Budget before(YearMonth month, List<Budget.Heading> headings) {
        YearMonth before = month.minusMonths(1);
        return month.getMonthValue() != 4 && forecasts.hasForecasts(before) ? new Budget(before, headings, forecasts.figures(before), null) : null;
    }

    /** The month before's revised variance of every heading, as it stands. */
    Map<Long, BigDecimal> lastRevised(YearMonth month) {
        Map<Long, BigDecimal> out = new HashMap<>();
        Budget before = before(month, books.headings());
        if (before != null) {
            Budget.collect(before.positions(), out);
        }
        return out;
    }

    /** A month's figures are for the headings of its year's book (as a file's lines are): refused at the month otherwise. */
    void requireInBook(Budget.Heading h, YearMonth month) {
        if (!of(month).inBook(h.id())) {
            throw new InputException("month", h.name() + " is not in the " + FinancialYear.of(month).label()
                    + " budget book: a month's forecast is for a heading of its year's book (load the year's book first)");
        }
    }

    Optional<Budget.Heading> heading(long id) {
        return books.headings().stream().filter(h -> h.id() == id).findFirst();
    }

    List<YearMonth> months() {
        return kept("months", null, null, forecasts::months);
    }

    /** The council's total: every directorate added up. */
    Budget.Position total(Budget b) {
        return total("Total", b.positions());
    }

    /** The headline total: the directorates not reported outside it; the same as the total when none is. */
    Budget.Position headline(Budget b) {
        List<Budget.Position> in = b.positions().stream().filter(p -> !p.heading().outsideHeadline()).toList();
        return total("Total excluding " + String.join(" and ", outside(b).stream().map(p -> p.heading().name()).toList()), in);
    }

    /** Whether any management action is assumed in the month: its columns are shown only then. */
    boolean anyAction(Budget b) {
        return b.positions().stream().anyMatch(p -> p.managementAction() != null);
    }

    /** The directorates reported outside the headline total. */
    List<Budget.Position> outside(Budget b) {
        return b.positions().stream().filter(p -> p.heading().outsideHeadline()).toList();
    }

    private static Budget.Position total(String name, List<Budget.Position> top) {
        return Budget.Position.of(new Budget.Heading(0, null, name, 0, false), Budget.sum(top, Budget.Position::cashLimit), Budget.sum(top, Budget.Position::variance),
                Budget.sum(top, Budget.Position::adjustment), Budget.lastReported(top), Budget.sum(top, Budget.Position::managementAction),
                top, null, null, null, Budget.sum(top, Budget.Position::cashGross), Budget.sum(top, Budget.Position::cashIncome));
    }

    /** The headings above {@code id}, top first. */
    List<Budget.Position> trail(List<Budget.Position> positions, long id) {
        for (Budget.Position p : positions) {
            if (p.heading().id() == id) {
                return new ArrayList<>();
            }
            List<Budget.Position> inside = trail(p.lines(), id);
            if (inside != null) {
                inside.add(0, p);
                return inside;
            }
        }
        return null;
    }

    /** Service lines whose revised variance is at least {@code threshold} in size, pressures ({@code sign} 1) or underspends (−1), largest first. */
    List<Budget.Position> variances(Budget b, BigDecimal threshold, int sign) {
        return b.variances(threshold, sign);
    }

    List<YearMonth> reportMonths() {
        return kept("report months", null, null, forecasts::reportMonths);
    }
}
