package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
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

    private final BudgetBookRepository books;
    private final ForecastRepository forecasts;
    private final NarrativeRepository narratives;
    private final CapitalSchemeRepository capitalSchemes;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;

    Forecasts(BudgetBookRepository books, ForecastRepository forecasts, NarrativeRepository narratives, CapitalSchemeRepository capitalSchemes,
              Budgets budgets, ApplicationEventPublisher events) {
        this.books = books;
        this.forecasts = forecasts;
        this.narratives = narratives;
        this.capitalSchemes = capitalSchemes;
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
        inBook(h, month);
        boolean lines = books.headingHasLines(h.id());
        BigDecimal g = thousands("varianceGross", gross), i = thousands("varianceIncome", income), n = thousands("varianceNet", net);
        BigDecimal a = thousands("adjustment", adjustment);
        BigDecimal ma = thousands("managementAction", action);
        if (lines && (g != null || i != null || n != null)) {
            throw new InputException("varianceNet", h.name() + " is the sum of its lines: its variance is theirs, and only an adjustment is made here");
        }
        if (n == null && g != null && i != null) {
            n = g.add(i);
        }
        if (n != null && g != null && i != null && n.compareTo(g.add(i)) != 0) {
            throw new InputException("varianceNet", "The net variance is gross + income: " + plain(g) + " + " + plain(i) + " is " + plain(g.add(i)) + ", not " + plain(n)
                    + ". Change the gross and income with it, or clear them to give the net alone");
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
            forecasts.keepLastReported(month, java.util.Map.of(h.id(), last), user);
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "forecast", h.id() + ":" + month,
                "Forecast for " + h.name() + ", " + month + (lines ? a == null ? "" : ": adjustment " + plain(a) + "k" : ": variance " + plain(n) + "k")
                + (ma == null ? "" : ", management action " + plain(ma) + "k"), before, after));
    }

    /** A month's figures are for the headings of its year's book (as a file's lines are). */
    private void inBook(Budget.Heading h, YearMonth month) {
        if (!budgets.of(month).inBook(h.id())) {
            throw new InputException("month", h.name() + " is not in the " + FinancialYear.of(month).label()
                    + " budget book: a month's forecast is for a heading of its year's book (load the year's book first)");
        }
    }

    private static BigDecimal thousands(String field, String typed) {
        try {
            BigDecimal k = DecimalCell.parse(typed);
            if (k != null && k.abs().compareTo(new BigDecimal("1E12")) >= 0) {
                throw new InputException(field, "'" + typed.strip() + "' (£000s) is more than Oversight keeps: amounts are up to £999,999,999,999,999");
            }
            return k == null ? null : k.multiply(BudgetImport.Unit.THOUSANDS.pounds);
        } catch (NumberFormatException e) {
            throw new InputException(field, e.getMessage() + ": write it in £000s, such as 250 or -1,200");
        }
    }

    private static String plain(BigDecimal pounds) {
        return BudgetImport.Unit.THOUSANDS.written(pounds);
    }

    /** Whether a directorate is reported outside the headline total; audited, as it moves the headline. */
    @Transactional
    void setOutsideHeadline(Budget.Heading h, boolean outside, String user) {
        if (h.parentId() != null) {
            throw new InputException("outside", "Only a directorate (a heading at the top of the book) is reported outside the headline total");
        }
        books.setOutsideHeadline(h.id(), outside);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "budget_heading", Long.toString(h.id()), h.name() + (outside ? " reported outside" : " counted in")
                + " the headline total", java.util.Map.of("outsideHeadline", h.outsideHeadline()), java.util.Map.of("outsideHeadline", outside)));
    }

    Optional<NarrativeRepository.Narrative> narrative(long heading, YearMonth month) {
        return narratives.narrative(heading, month);
    }

    /** A portfolio's narrative for the month, as typed; each part up to 8,000 characters; saved optimistic-locked and audited. */
    @Transactional
    void saveNarrative(Budget.Heading h, YearMonth month, String reasons, String actions, String mtfp, String rollForwards, int version, String user) {
        inBook(h, month);
        String[] parts = {Text.orNull(reasons), Text.orNull(actions), Text.orNull(mtfp), Text.orNull(rollForwards)};
        String[] fields = {"reasons", "actions", "mtfp", "rollForwards"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null && parts[i].length() > 8_000) {
                throw new InputException(fields[i], "Each part of the narrative is 8,000 characters or fewer; this is " + String.format("%,d", parts[i].length()));
            }
        }
        if (java.util.Arrays.stream(parts).allMatch(java.util.Objects::isNull)) {
            throw new InputException("reasons", "Write at least the main reasons for the variance");
        }
        NarrativeRepository.Narrative before = narratives.narrative(h.id(), month).orElse(null);
        NarrativeRepository.Narrative after = new NarrativeRepository.Narrative(parts[0], parts[1], parts[2], parts[3], version);
        if (!narratives.saveNarrative(h.id(), month, after, user)) {
            throw new ConflictException("Someone saved this narrative while you were writing: nothing was saved. Read theirs, then write yours again.");
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "budget_narrative", h.id() + ":" + month,
                "Narrative for " + h.name() + ", " + month, before, after));
    }

    Optional<String> capitalSchemeName(long scheme) {
        return capitalSchemes.capitalSchemeName(scheme);
    }

    /** The scheme's month, or the latest of its year before it (from which a form starts the month). */
    Optional<CapitalSchemeRepository.CapitalEntry> capitalEntry(long scheme, YearMonth month) {
        return capitalSchemes.capitalEntry(scheme, month);
    }

    /**
     * A scheme's forecast for the month as typed (in £000s): spend to date, the year's variance split into real and rephasing, whether it is
     * delayed, and why. The month's position is changed at the version read; a month without one (-1) starts from the scheme's latest
     * month of the year. Spend beyond the approved cost needs the approval recorded, as in a file. Optimistic-locked and audited.
     */
    @Transactional
    void saveCapital(long scheme, YearMonth month, String spendToDate, String real, String rephasing, String delayed, String comment, int version, String user) {
        String name = capitalSchemes.capitalSchemeName(scheme).orElseThrow(() -> new NotFoundException("There is no capital scheme " + scheme));
        CapitalSchemeRepository.CapitalEntry held = capitalSchemes.capitalEntry(scheme, month).orElseThrow(() -> new InputException("month", name + " has no capital position in "
                + FinancialYear.of(month).label() + " up to " + month + ": load the year's capital file first"));
        BigDecimal t = thousands("spendToDate", spendToDate), r = thousands("real", real), f = thousands("rephasing", rephasing);
        if (r == null || f == null) {
            throw new InputException(r == null ? "real" : "rephasing", "Give the real and the rephasing variance (0 for none), in £000s");
        }
        if (t != null && t.signum() < 0) {
            throw new InputException("spendToDate", "Spend to date is counted from 0");
        }
        // A directorate's programme given whole has no status: whether it is delayed is its schemes'.
        Boolean late = held.line().scheme() == null ? null : switch (delayed == null ? "" : delayed) {
            case "" -> null;
            case "yes" -> true;
            case "no" -> false;
            default -> throw new InputException("delayed", "Say whether the scheme is delayed: yes, no, or not known");
        };
        String c = Text.orNull(comment);
        if (c != null && c.length() > 4_000) {
            throw new InputException("comment", "The comment is 4,000 characters or fewer");
        }
        CapitalLine before = held.line();
        CapitalLine after = new CapitalLine(0, before.directorate(), before.scheme(), before.approvedCost(), before.approval(), before.previousSpend(), before.budget(),
                before.laterYears(), t, null, r, f, null, null, null, null, late, List.of(), c, scheme);
        if (after.spentBeyondApproval() && after.approval() == null) {
            throw new InputException("spendToDate", "Spend so far (" + plain(RevenueLine.plus(before.previousSpend(), t)) + "k with earlier years') is more than the approved cost, "
                    + plain(before.approvedCost()) + "k: the overspend's approval is recorded from the capital file, or correct the spend");
        }
        BigDecimal forecast = after.forecast();
        if (forecast != null && forecast.signum() < 0) {
            throw new InputException("real", "The year's forecast would be " + plain(forecast) + "k: the working budget, " + plain(before.budget())
                    + "k, with the real and rephasing variances cannot be spend below zero");
        }
        if (forecast != null && t != null && forecast.compareTo(t) < 0) {
            throw new InputException("rephasing", "The year's forecast would be " + plain(forecast) + "k, less than the " + plain(t)
                    + "k already spent this year: check the variances or the spend");
        }
        boolean sameMonth = held.month().equals(month);
        // Read with the month's position, which is gone (its file loaded again without the scheme): stale, as a changed one is.
        if (!sameMonth && version >= 0 || !capitalSchemes.enterCapital(scheme, month, held.month(), t, r, f, late, c, sameMonth ? version : -1, user)) {
            throw new ConflictException("Someone saved this scheme's month while you were writing: nothing was saved. Read theirs, then enter yours again.");
        }
        events.publishEvent(new Audited(sameMonth ? Audited.Action.UPDATE : Audited.Action.CREATE, "capital_position", scheme + ":" + month,
                "Capital forecast for " + name + ", " + month + ": real variance " + plain(r) + "k, rephasing " + plain(f) + "k",
                sameMonth ? java.util.Map.of("spendToDate", String.valueOf(before.spendToDate()), "real", String.valueOf(before.real()), "rephasing",
                        String.valueOf(before.rephasing()), "delayed", String.valueOf(before.delayed()), "comment", String.valueOf(before.comment())) : null,
                java.util.Map.of("spendToDate", String.valueOf(t), "real", r.toPlainString(), "rephasing", f.toPlainString(), "delayed", String.valueOf(late),
                        "comment", String.valueOf(c))));
    }
}
