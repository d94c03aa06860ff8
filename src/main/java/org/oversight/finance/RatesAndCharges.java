package org.oversight.finance;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.CellText;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each year's schedule of rates paid and charges levied, as held: the year before's rates with the basis each rises by, the pay
 * award and CPI with their sources, and the proposal worked out from them by {@link RateSchedule}; once approved, the decision
 * that approved it and the date it takes effect. The publishing module prints it as the committee's appendix. It is loaded from a
 * rates file ({@link RateScheduleImport}), given its pay award and CPI ({@link RatesUplift}) and approved ({@link RatesApproval}),
 * after which it does not change.
 */
@Service
public class RatesAndCharges {

    private final RateScheduleRepository schedules;
    private final ApplicationEventPublisher events;
    private final DecisionCheck decisions;

    RatesAndCharges(RateScheduleRepository schedules, ApplicationEventPublisher events, DecisionCheck decisions) {
        this.schedules = schedules;
        this.events = events;
        this.decisions = decisions;
    }

    /** A year's schedule as held: the uplift's figures and, once approved, its decision. */
    record Schedule(FinancialYear year, BigDecimal pay, String paySource, BigDecimal cpi, String cpiSource, String decisionNo, LocalDate effectiveFrom,
                    String approvedBy, OffsetDateTime approvedAt, String enteredBy, OffsetDateTime modifiedAt, int version, List<Line> lines) {

        boolean approved() {
            return decisionNo != null;
        }

        RateSchedule rates() {
            return new RateSchedule(lines.stream().map(Line::rate).toList());
        }

        /** The pay award and CPI with their sources, as the audit trail keeps a change of them. */
        Map<String, Object> upliftAudited() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pay_award", pay);
            m.put("pay_source", paySource);
            m.put("cpi", cpi);
            m.put("cpi_source", cpiSource);
            return m;
        }

        /** The whole schedule, as the audit trail keeps a load or an approval of it. */
        Map<String, Object> audited() {
            Map<String, Object> m = upliftAudited();
            m.put("decision_no", decisionNo);
            m.put("effective_from", effectiveFrom);
            m.put("rates", lines.stream().map(l -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", l.rate().id());
                r.put("item", l.rate().item());
                r.put("unit", l.rate().unit());
                r.put("current", l.rate().current());
                r.put("basis", l.rate().basis());
                r.put("formula", Text.orNull(l.rate().formulaText()));
                r.put("multiple", l.rate().multiple());
                r.put("proposed", l.rate().proposed());
                r.put("notes", l.rate().notes());
                if (l.approved() != null) {
                    r.put("approved", l.approved());
                    r.put("departure", l.departure());
                }
                return r;
            }).toList());
            return m;
        }
    }

    /** A rate as held; {@code approved}, {@code rule} and {@code departure} once the schedule is approved. */
    record Line(RateSchedule.Rate rate, BigDecimal approved, BigDecimal workedOut, String rule, String departure) {
    }

    /**
     * A rate in the proposal: its new value worked out from its basis (none while the pay award or CPI it needs is not given), and the
     * rate the year before's approved schedule set for it ({@code approvedBefore}; none when that year's is not approved or lacks it).
     */
    public record Proposed(String id, String item, String unit, BigDecimal current, String basis, BigDecimal computed, String rule, BigDecimal published,
                           String notes, BigDecimal approvedBefore) {

        /** A current rate that is not the one approved for the year before: the uplift starts from the wrong figure. */
        public boolean startsElsewhere() {
            return approvedBefore != null && approvedBefore.compareTo(current) != 0;
        }

        /**
         * What a reason must explain before the rate goes out as it stands — a proposed figure its basis does not give, a start that is
         * not the rate approved the year before — in words; null when there is nothing to explain.
         */
        public String unexplained() {
            List<String> what = new ArrayList<>();
            if (differs()) {
                what.add("is proposed at £" + published.toPlainString() + " when its basis (" + rule + ") gives £" + computed.toPlainString());
            }
            if (startsElsewhere()) {
                what.add("starts from £" + current.toPlainString() + ", not the £" + approvedBefore.toPlainString() + " approved for the year before");
            }
            return what.isEmpty() ? null : item + " " + String.join(" and ", what);
        }

        /** A published figure that is not what its basis gives. */
        public boolean differs() {
            return published != null && computed != null && published.compareTo(computed) != 0;
        }

        /** The rate the schedule would be approved at: the figure as proposed, or the one worked out when none is given. */
        public BigDecimal rate() {
            return published != null ? published : computed;
        }
    }

    /** An approved schedule as the committee appendix prints it. */
    public record Approved(FinancialYear year, BigDecimal pay, String paySource, BigDecimal cpi, String cpiSource, String decisionNo, LocalDate effectiveFrom,
                           List<ApprovedRate> rates) {
    }

    /** A rate as approved; {@code workedOut} is what its basis gives, which differs only where a {@code departure} says why. */
    public record ApprovedRate(String id, String item, String unit, BigDecimal current, BigDecimal approved, BigDecimal workedOut, String rule, String notes,
                               String departure, BigDecimal approvedBefore) {

        /** A current rate that is not the one approved for the year before (approved with its reason). */
        public boolean startedElsewhere() {
            return approvedBefore != null && approvedBefore.compareTo(current) != 0;
        }
    }

    /**
     * Approved (published once the approval is saved): the year, the decision and the date it takes effect; for the governance module to
     * link the decision's page to the appendix's versions, which the public reads once published (the schedule's own page is for staff).
     */
    public record RatesApproved(FinancialYear year, String decisionNo, LocalDate effectiveFrom, String title, String href) {
    }

    /**
     * The check a schedule's decision must pass before the schedule is approved. The governance module holds the decisions and implements
     * it; the contract is here because governance already depends on finance, and a call the other way would close a cycle.
     */
    public interface DecisionCheck {

        /** Refuses ({@link InputException}) a decision that does not exist, has not been taken, or was taken after {@code effectiveFrom}. */
        void requireTaken(String decisionNo, LocalDate effectiveFrom);
    }

    List<Schedule> schedules() {
        return schedules.years().stream().map(y -> schedule(y).orElseThrow()).toList();
    }

    Optional<Schedule> schedule(FinancialYear year) {
        return schedules.find(year);
    }

    /** The proposal: each rate worked out from its basis with the year's pay award and CPI, a formula from the rates as proposed. */
    List<Proposed> proposal(Schedule s) {
        Map<String, BigDecimal> before = approvedBefore(s.year());
        return s.rates().uplift(s.pay(), s.cpi(), true).stream().map(u -> new Proposed(u.rate().id(), u.rate().item(), u.rate().unit(), u.rate().current(),
                u.rate().basis(), u.value(), u.rule(), u.rate().proposed(), u.rate().notes(), before.get(u.rate().id()))).toList();
    }

    /** The rates the year before's schedule approved, by id; none while it is not approved. */
    private Map<String, BigDecimal> approvedBefore(FinancialYear year) {
        Map<String, BigDecimal> before = new HashMap<>();
        schedule(year.previous()).filter(Schedule::approved).ifPresent(b -> b.lines().forEach(l -> before.put(l.rate().id(), l.approved())));
        return before;
    }

    /** A year's proposal as the committee appendix prints it before the decision: the uplift's figures and each rate proposed. */
    public record Proposal(FinancialYear year, BigDecimal pay, String paySource, BigDecimal cpi, String cpiSource, List<Proposed> rates) {
    }

    /** The year's schedule as proposed, approved or not (the appendix of the paper that asks for the decision); none when none is loaded. */
    public Optional<Proposal> proposed(FinancialYear year) {
        return schedule(year).map(s -> new Proposal(year, s.pay(), s.paySource(), s.cpi(), s.cpiSource(), proposal(s)));
    }

    /** The approved schedule, as the committee appendix prints it; none until it is approved. */
    public Optional<Approved> approved(FinancialYear year) {
        return schedule(year).filter(Schedule::approved).map(s -> {
            Map<String, BigDecimal> before = approvedBefore(year);
            return new Approved(year, s.pay(), s.paySource(), s.cpi(), s.cpiSource(), s.decisionNo(), s.effectiveFrom(), s.lines().stream()
                    .map(l -> new ApprovedRate(l.rate().id(), l.rate().item(), l.rate().unit(), l.rate().current(), l.approved(), l.workedOut(), l.rule(),
                            l.rate().notes(), l.departure(), before.get(l.rate().id()))).toList());
        });
    }

    /** The schedule held for the year, locked for a change; refused once approved, or when changed since {@code version} was read. */
    Optional<Schedule> lockedFor(FinancialYear year, Integer version) {
        schedules.lock(year);
        Optional<Schedule> held = schedule(year);
        if (held.isPresent() && held.get().approved()) {
            throw new ConflictException("The " + year.label() + " rates and charges were approved by decision " + held.get().decisionNo()
                    + " and do not change: the next change is next year's schedule");
        }
        if (held.isPresent() && version != null && held.get().version() != version) {
            throw new ConflictException("The " + year.label() + " schedule was changed by " + held.get().enteredBy() + " since you opened this page: "
                    + "nothing was saved. Read it again, then make your change.");
        }
        return held;
    }

    /** Text that says something: null when blank, or nothing but spaces and marks that print as nothing (a no-break or zero-width space). */
    static String said(String text) {
        String t = Text.orNull(text);
        return t == null || t.codePoints().noneMatch(Character::isLetterOrDigit) ? null : t;
    }
}
