package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A capital scheme's month as a finance officer types it between files: spend to date, the year's
 * variance split into real and rephasing, whether it is delayed, and why. Entered in £000s; saved
 * optimistic-locked and audited.
 */
@Service
class CapitalForecasts {

    private final CapitalSchemeRepository capitalSchemes;
    private final ApplicationEventPublisher events;

    CapitalForecasts(CapitalSchemeRepository capitalSchemes, ApplicationEventPublisher events) {
        this.capitalSchemes = capitalSchemes;
        this.events = events;
    }

    Optional<String> schemeName(long scheme) {
        return capitalSchemes.capitalSchemeName(scheme);
    }

    /** The scheme's month, or the latest of its year before it (from which a form starts the month). */
    Optional<CapitalSchemeRepository.CapitalEntry> entry(long scheme, YearMonth month) {
        return capitalSchemes.capitalEntry(scheme, month);
    }

    /**
     * A scheme's forecast for the month as typed (in £000s): spend to date, the year's variance split into real and rephasing, whether it is
     * delayed, and why. The month's position is changed at the version read; a month without one (-1) starts from the scheme's latest
     * month of the year. Spend beyond the approved cost needs the approval recorded, as in a file. Optimistic-locked and audited.
     */
    @Transactional
    void save(long scheme, YearMonth month, String spendToDate, String real, String rephasing, String delayed, String comment, int version, String user) {
        String name = capitalSchemes.capitalSchemeName(scheme).orElseThrow(() -> new NotFoundException("There is no capital scheme " + scheme));
        CapitalSchemeRepository.CapitalEntry held = capitalSchemes.capitalEntry(scheme, month).orElseThrow(() -> new InputException("month", name + " has no capital position in "
                + FinancialYear.of(month).label() + " up to " + month + ": load the year's capital file first"));
        BigDecimal t = Thousands.read("spendToDate", spendToDate), r = Thousands.read("real", real), f = Thousands.read("rephasing", rephasing);
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
            throw new InputException("spendToDate", "Spend so far (" + Thousands.written(RevenueLine.plus(before.previousSpend(), t)) + "k with earlier years') is more than the approved cost, "
                    + Thousands.written(before.approvedCost()) + "k: the overspend's approval is recorded from the capital file, or correct the spend");
        }
        BigDecimal forecast = after.forecast();
        if (forecast != null && forecast.signum() < 0) {
            throw new InputException("real", "The year's forecast would be " + Thousands.written(forecast) + "k: the working budget, " + Thousands.written(before.budget())
                    + "k, with the real and rephasing variances cannot be spend below zero");
        }
        if (forecast != null && t != null && forecast.compareTo(t) < 0) {
            throw new InputException("rephasing", "The year's forecast would be " + Thousands.written(forecast) + "k, less than the " + Thousands.written(t)
                    + "k already spent this year: check the variances or the spend");
        }
        boolean sameMonth = held.month().equals(month);
        // Read with the month's position, which is gone (its file loaded again without the scheme): stale, as a changed one is.
        if (!sameMonth && version >= 0 || !capitalSchemes.enterCapital(scheme, month, held.month(), t, r, f, late, c, sameMonth ? version : -1, user)) {
            throw new ConflictException("Someone saved this scheme's month while you were writing: nothing was saved. Read theirs, then enter yours again.");
        }
        events.publishEvent(new Audited(sameMonth ? Audited.Action.UPDATE : Audited.Action.CREATE, "capital_position", scheme + ":" + month,
                "Capital forecast for " + name + ", " + month + ": real variance " + Thousands.written(r) + "k, rephasing " + Thousands.written(f) + "k",
                sameMonth ? Map.of("spendToDate", String.valueOf(before.spendToDate()), "real", String.valueOf(before.real()), "rephasing",
                        String.valueOf(before.rephasing()), "delayed", String.valueOf(before.delayed()), "comment", String.valueOf(before.comment())) : null,
                Map.of("spendToDate", String.valueOf(t), "real", r.toPlainString(), "rephasing", f.toPlainString(), "delayed", String.valueOf(late),
                        "comment", String.valueOf(c))));
    }
}
