package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's forecast typed for one heading: a service line's variance (gross and income, or net)
 * with its reason, or a Corporate Director's adjustment at any level; and whether a directorate is
 * counted in the headline total. Entered in £000s, as finance officers write them; saved
 * optimistic-locked and audited.
 */
@Service
class Forecasts {

    private final BudgetBookRepository books;
    private final ForecastRepository forecasts;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;

    Forecasts(BudgetBookRepository books, ForecastRepository forecasts, Budgets budgets, ApplicationEventPublisher events) {
        this.books = books;
        this.forecasts = forecasts;
        this.budgets = budgets;
        this.events = events;
    }

    Optional<ForecastRepository.Entered> of(long heading, YearMonth month) {
        return forecasts.forecast(heading, month);
    }

    /** Figures as typed in £000s (blank is none); {@code version} as read, -1 when there was no forecast. */
    @Transactional
    void save(Budget.Heading h, YearMonth month, String gross, String income, String net, String adjustment, String action, String comment, int version,
              String user) {
        budgets.requireInBook(h, month);
        boolean lines = books.headingHasLines(h.id());
        BigDecimal g = Thousands.read("varianceGross", gross), i = Thousands.read("varianceIncome", income), n = Thousands.read("varianceNet", net);
        BigDecimal a = Thousands.read("adjustment", adjustment);
        BigDecimal ma = Thousands.read("managementAction", action);
        if (lines && (g != null || i != null || n != null)) {
            throw new InputException("varianceNet", h.name() + " is the sum of its lines: its variance is theirs, and only an adjustment is made here");
        }
        if (n == null && g != null && i != null) {
            n = g.add(i);
        }
        if (n != null && g != null && i != null && n.compareTo(g.add(i)) != 0) {
            throw new InputException("varianceNet", "The net variance is gross + income: " + Thousands.written(g) + " + " + Thousands.written(i) + " is "
                    + Thousands.written(g.add(i)) + ", not " + Thousands.written(n) + ". Change the gross and income with it, or clear them to give the net alone");
        }
        if (!lines && n == null) {
            throw new InputException("varianceNet", "Give the forecast variance (0 for on budget): net, or gross and income");
        }
        if (lines && a == null && ma == null) {
            throw new InputException("adjustment", "Give the Corporate Director's adjustment or the management action assumed (0 for none)");
        }
        String c = Text.orNull(comment);
        if (c != null && c.length() > 4_000) {
            throw new InputException("comment", "The reason is 4,000 characters or fewer");
        }
        ForecastRepository.Forecast before = forecasts.forecast(h.id(), month).map(ForecastRepository.Entered::forecast).orElse(null);
        ForecastRepository.Forecast after = new ForecastRepository.Forecast(g, i, n, a, before == null ? null : before.lastReported(), c, ma);
        if (!forecasts.enterForecast(h.id(), month, after, version, user)) {
            throw new ConflictException("Someone saved this forecast while you were writing: nothing was saved. Read theirs, then enter yours again.");
        }
        // The heading's position last reported, as it stands now, kept on the month: a later change to the month before does not move it.
        BigDecimal last = budgets.lastRevised(month).get(h.id());
        if (last != null) {
            forecasts.keepLastReported(month, Map.of(h.id(), last), user);
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "forecast", h.id() + ":" + month,
                "Forecast for " + h.name() + ", " + month + (lines ? a == null ? "" : ": adjustment " + Thousands.written(a) + "k" : ": variance " + Thousands.written(n) + "k")
                + (ma == null ? "" : ", management action " + Thousands.written(ma) + "k"), before, after));
    }

    /** Whether a directorate is reported outside the headline total; audited, as it moves the headline. */
    @Transactional
    void setOutsideHeadline(Budget.Heading h, boolean outside, String user) {
        if (h.parentId() != null) {
            throw new InputException("outside", "Only a directorate (a heading at the top of the book) is reported outside the headline total");
        }
        books.setOutsideHeadline(h.id(), outside);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "budget_heading", Long.toString(h.id()), h.name() + (outside ? " reported outside" : " counted in")
                + " the headline total", Map.of("outsideHeadline", h.outsideHeadline()), Map.of("outsideHeadline", outside)));
    }
}
