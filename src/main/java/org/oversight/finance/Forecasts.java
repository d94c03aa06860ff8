package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's forecast typed for one heading: a service line's variance (gross and income, or net)
 * with its reason, or a Corporate Director's adjustment at any level. Entered in £000s, as finance
 * officers write them; saved optimistic-locked and audited.
 */
@Service
class Forecasts {

    private final FinanceStore store;
    private final ApplicationEventPublisher events;

    Forecasts(FinanceStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    Optional<FinanceStore.Entered> of(long heading, YearMonth month) {
        return store.forecast(heading, month);
    }

    /** Figures as typed in £000s (blank is none); {@code version} as read, -1 when there was no forecast. */
    @Transactional
    void save(Budget.Heading h, YearMonth month, String gross, String income, String net, String adjustment, String comment, int version, String user) {
        boolean lines = store.headingHasLines(h.id());
        BigDecimal g = thousands("varianceGross", gross), i = thousands("varianceIncome", income), n = thousands("varianceNet", net);
        BigDecimal a = thousands("adjustment", adjustment);
        if (lines && (g != null || i != null || n != null)) {
            throw new InputException("varianceNet", h.name() + " is the sum of its lines: its variance is theirs, and only an adjustment is made here");
        }
        if (n == null && g != null && i != null) {
            n = g.add(i);
        }
        if (n != null && g != null && i != null && n.compareTo(g.add(i)) != 0) {
            throw new InputException("varianceNet", "The net variance is gross + income: " + plain(g) + " + " + plain(i) + " is " + plain(g.add(i)) + ", not " + plain(n));
        }
        if (!lines && n == null) {
            throw new InputException("varianceNet", "Give the forecast variance (0 for on budget): net, or gross and income");
        }
        if (lines && a == null) {
            throw new InputException("adjustment", "Give the Corporate Director's adjustment (0 for none)");
        }
        String c = Text.orNull(comment);
        if (c != null && c.length() > 4_000) {
            throw new InputException("comment", "The reason is 4,000 characters or fewer");
        }
        FinanceStore.Forecast before = store.forecast(h.id(), month).map(FinanceStore.Entered::forecast).orElse(null);
        FinanceStore.Forecast after = new FinanceStore.Forecast(g, i, n, a, before == null ? null : before.lastReported(), c);
        if (!store.enterForecast(h.id(), month, after, version, user)) {
            throw new ConflictException("Someone saved this forecast while you were writing: nothing was saved. Read theirs, then enter yours again.");
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "forecast", h.id() + ":" + month,
                "Forecast for " + h.name() + ", " + month + (lines ? ": adjustment " : ": variance ") + plain(lines ? a : n) + "k", before, after));
    }

    private static BigDecimal thousands(String field, String typed) {
        try {
            BigDecimal k = DecimalCell.parse(typed);
            return k == null ? null : k.multiply(BudgetImport.Unit.THOUSANDS.pounds);
        } catch (NumberFormatException e) {
            throw new InputException(field, e.getMessage() + ": write it in £000s, such as 250 or -1,200");
        }
    }

    private static String plain(BigDecimal pounds) {
        return BudgetImport.Unit.THOUSANDS.written(pounds);
    }
}
