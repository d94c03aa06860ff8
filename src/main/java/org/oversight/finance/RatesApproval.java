package org.oversight.finance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's schedule approved with the decision that approved it and the date it takes effect: each rate at its proposed figure,
 * or the one worked out when none is proposed, those that do not follow from their basis only with the reason why. The governance
 * module checks the decision has been taken, by then ({@link RatesAndCharges.DecisionCheck}); the approval is published
 * ({@link RatesAndCharges.RatesApproved}) for it to link the decision to the appendix.
 */
@Service
class RatesApproval {

    private final RateScheduleRepository schedules;
    private final RatesAndCharges rates;
    private final RatesAndCharges.DecisionCheck decisions;
    private final ApplicationEventPublisher events;

    RatesApproval(RateScheduleRepository schedules, RatesAndCharges rates, RatesAndCharges.DecisionCheck decisions, ApplicationEventPublisher events) {
        this.schedules = schedules;
        this.rates = rates;
        this.decisions = decisions;
        this.events = events;
    }

    /**
     * Approves the year's schedule with the decision that approved it, taking effect on {@code effectiveFrom} (in the year): each rate
     * at its proposed figure, or the one worked out when none is proposed; a proposed figure that does not follow from its basis needs
     * its reason in {@code reasons} (by the rate's id). The governance module checks the decision has been taken, by then.
     */
    @Transactional
    void approve(FinancialYear year, String decisionNo, LocalDate effectiveFrom, Map<String, String> reasons, Integer version, String user) {
        approve(year, decisionNo, effectiveFrom, reasons, version, user, List.of());
    }

    /**
     * The same, refused with every mistake at once in the order of the form's boxes (the decision, the day, each reason), those of the
     * boxes the form could not read ({@code unread}) among them; the governance module's check of the decision is one of them.
     */
    @Transactional
    void approve(FinancialYear year, String decisionNo, LocalDate effectiveFrom, Map<String, String> reasons, Integer version, String user,
                 List<InputException> unread) {
        List<InputException> wrong = new ArrayList<>(unread);
        String number = Text.orNull(decisionNo);
        if (number == null || !number.matches("[0-9]{2}/[0-9]{5}")) {
            wrong.add(new InputException("decision", number == null ? "Give the number of the decision that approved the schedule, such as 18/00067"
                    : "'" + number + "' is not a decision number: the year and a five-figure number, such as 18/00067"));
        }
        if (effectiveFrom == null) {
            wrong.add(new InputException("effective", "Give the date the new rates take effect, such as 9 April " + (year.startYear())));
        } else if (!year.contains(YearMonth.from(effectiveFrom))) {
            wrong.add(new InputException("effective", "The " + year.label() + " rates take effect in " + year.label() + ": from 1 April " + year.startYear()
                    + " to 31 March " + (year.startYear() + 1)));
        }
        RatesAndCharges.Schedule s = rates.lockedFor(year, version).orElseThrow(() -> new InputException("file", "There is no schedule for " + year.label() + " to approve: load one first"));
        List<RatesAndCharges.Proposed> proposal = rates.proposal(s);
        if (proposal.isEmpty()) {
            throw new InputException("file", "The " + year.label() + " schedule has no rates to approve");
        }
        List<String> missing = proposal.stream().filter(p -> p.rate() == null).map(RatesAndCharges.Proposed::id).toList();
        if (!missing.isEmpty()) {
            throw new InputException(s.pay() == null ? "pay" : "cpi", "Give the pay award and CPI first: " + missing.size() + (missing.size() == 1 ? " rate has" : " rates have")
                    + " no new figure without them (" + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", …" : "") + ")");
        }
        Map<String, String> why = new LinkedHashMap<>();
        List<String> boxes = new ArrayList<>(List.of("decision", "effective"));
        for (RatesAndCharges.Proposed p : proposal) {
            if (p.unexplained() != null) {
                boxes.add("reason-" + p.id());
                String reason = RatesAndCharges.said(reasons.get(p.id()));
                if (reason == null) {
                    wrong.add(new InputException("reason-" + p.id(), "Say why " + p.unexplained() + ", or load the schedule again with the figure corrected"));
                } else if (reason.length() > 2_000) {
                    wrong.add(new InputException("reason-" + p.id(), "Say why in 2,000 characters or fewer"));
                }
                why.put(p.id(), reason);
            }
        }
        if (wrong.stream().noneMatch(e -> "decision".equals(e.field()))) {
            schedules.yearApprovedBy(number, year).ifPresent(other -> wrong.add(new InputException("decision", "Decision " + number + " approved the "
                            + other.label() + " rates and charges: a year's rates are approved by a decision of their own")));
        }
        // The governance module refuses a decision not taken by then; asked now, so that its word is listed with the rest.
        if (wrong.stream().noneMatch(e -> "decision".equals(e.field()) || "effective".equals(e.field()))) {
            InputException.read(wrong, () -> {
                decisions.requireTaken(number, effectiveFrom);
                return null;
            });
        }
        InputException.refuse(wrong, boxes);
        for (RatesAndCharges.Proposed p : proposal) {
            schedules.approveRate(year, p, why.get(p.id()));
        }
        schedules.approve(year, number, effectiveFrom, user);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "rate_schedule", year.label(), "Rates and charges " + year.label() + " approved by decision "
                + number + ", taking effect on " + DisplayFormat.dateWords(effectiveFrom) + (why.isEmpty() ? "" : "; " + why.size() + " rates approved as they "
                + "stand, though not following their basis or the year before's rate, with the reasons given"), s.audited(), rates.schedule(year).orElseThrow().audited()));
        events.publishEvent(new RatesAndCharges.RatesApproved(year, number, effectiveFrom, "Rates and charges " + year.label(), "/papers/rates/" + year.firstMonth() + "/versions"));
    }
}
