package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/** The budget monitoring position of a month, as stored: worked out, with the month before for the movements. */
@Service
class Budgets {

    /** The variance lists' default threshold: £100k. */
    static final BigDecimal THRESHOLD = new BigDecimal(100_000);

    private final FinanceStore store;

    Budgets(FinanceStore store) {
        this.store = store;
    }

    /** The month's position; without a month, the latest loaded. */
    Budget of(YearMonth month) {
        YearMonth m = month != null ? month : store.months().stream().findFirst().orElse(YearMonth.now());
        List<Budget.Heading> headings = store.headings();
        YearMonth before = m.minusMonths(1);
        // Movements run within a financial year: April's last reported is its own, not March's.
        Budget previous = m.getMonthValue() != 4 && store.hasForecasts(before) ? new Budget(before, headings, store.figures(before), null) : null;
        return new Budget(m, headings, store.figures(m), previous);
    }

    java.util.Optional<Budget.Heading> heading(long id) {
        return store.headings().stream().filter(h -> h.id() == id).findFirst();
    }

    List<ActivityBudget> activity(YearMonth month) {
        return store.activity(month);
    }

    List<YearMonth> months() {
        return store.months();
    }

    /** The council's total: every directorate added up. */
    Budget.Position total(Budget b) {
        List<Budget.Position> top = b.positions();
        return Budget.Position.of(new Budget.Heading(0, null, "Total", 0), Budget.sum(top, Budget.Position::cashLimit), Budget.sum(top, Budget.Position::variance),
                Budget.sum(top, Budget.Position::adjustment), Budget.sum(top, Budget.Position::lastReported), top, null);
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
        return Budget.leaves(b.positions()).stream().filter(p -> p.revised() != null && p.revised().signum() == sign && p.revised().abs().compareTo(threshold) >= 0)
                .sorted(Comparator.comparing((Budget.Position p) -> p.revised().abs()).reversed()).toList();
    }
}
