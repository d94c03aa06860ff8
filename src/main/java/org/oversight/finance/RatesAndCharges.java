package org.oversight.finance;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * Each year's schedule of rates paid and charges levied: the year before's rates with the basis each rises by (loaded as a
 * rates file, spec/rates-csv.md), the pay award and CPI with their sources, and the proposal worked out from them by
 * {@link RateSchedule}. A schedule is approved with the decision that approved it and the date it takes effect; each rate whose
 * proposed figure does not follow from its basis is approved only with the reason it differs. Once approved it does not change:
 * the publishing module prints it as the committee's appendix.
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

    private static final BigDecimal LARGEST = new BigDecimal("1000000000");

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
        Map<String, BigDecimal> before = new java.util.HashMap<>();
        schedule(year.previous()).filter(Schedule::approved).ifPresent(b -> b.lines().forEach(l -> before.put(l.rate().id(), l.approved())));
        return before;
    }

    /** What loading a schedule did: its rates, and how many of the published figures do not follow from their basis. */
    record Loaded(int rates, long differing) {
    }

    /**
     * Loads the year's schedule from a rates file, replacing the rates held for it (not the pay award and CPI): all or nothing. An
     * approved schedule is not replaced. With {@code version}, refused if the schedule changed since it was read.
     */
    @Transactional
    Loaded load(FinancialYear year, byte[] csv, Integer version, String user) {
        if (csv.length > 3 && csv[0] == 'P' && csv[1] == 'K' && csv[2] == 3 && csv[3] == 4) {
            throw new InputException("file", "The file is a spreadsheet workbook (XLSX), not CSV: in the spreadsheet, save it as CSV UTF-8 and load that");
        }
        String text = Text.utf8(csv);
        RateSchedule read = RateSchedule.read(new StringReader(text));
        for (RateSchedule.Rate r : read.rates()) {
            bounded(r.row(), "current", r.current());
            bounded(r.row(), "proposed", r.proposed());
            bounded(r.row(), "multiple", r.multiple());
        }
        Optional<Schedule> held = lockedFor(year, version);
        if (held.isPresent() && version == null) {
            throw new InputException("year", "There is a " + year.label() + " schedule already: to replace its rates, load the file on its page, "
                    + "so that a change made since you read it is not lost");
        }
        // The formulas are checked now (unknown ids, circles), and the figures where the pay award and CPI are known.
        keepable(read.uplift(held.map(Schedule::pay).orElse(null), held.map(Schedule::cpi).orElse(null), true));
        if (held.isEmpty()) {
            schedules.insert(year, user);
        } else {
            schedules.markReloaded(year, user);
        }
        schedules.replaceRates(year, read.rates());
        Schedule after = schedule(year).orElseThrow();
        events.publishEvent(new Audited(held.isPresent() ? Audited.Action.IMPORT : Audited.Action.CREATE, "rate_schedule", year.label(),
                "Rates and charges " + year.label() + " loaded: " + read.rates().size() + " rates", held.map(RatesAndCharges::audit).orElse(null), audit(after)));
        return new Loaded(read.rates().size(), proposal(after).stream().filter(Proposed::differs).count());
    }

    /** The year's pay award and CPI for a schedule loaded, each with its source: both or neither of a figure and its source. */
    @Transactional
    void saveUplift(FinancialYear year, BigDecimal pay, String paySource, BigDecimal cpi, String cpiSource, Integer version, String user) {
        String ps = figure("pay", pay, "paySource", paySource, "the pay award");
        String cs = figure("cpi", cpi, "cpiSource", cpiSource, "CPI");
        Schedule held = lockedFor(year, version).orElseThrow(() -> new InputException("file", "There is no schedule for " + year.label()
                + ": load its rates first, then give the pay award and CPI"));
        try {
            keepable(held.rates().uplift(pay, cpi, true));
        } catch (InputException e) {
            throw new InputException(pay != null ? "pay" : "cpi", "With these figures, rate " + e.row() + " of the schedule cannot be worked out: " + e.problem());
        }
        schedules.saveUplift(year, pay, ps, cpi, cs, user);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "rate_schedule", year.label(), "Pay award and CPI for " + year.label() + " saved",
                uplift(held), uplift(schedule(year).orElseThrow())));
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
        List<InputException> wrong = new java.util.ArrayList<>(unread);
        String number = Text.orNull(decisionNo);
        if (number == null || !number.matches("[0-9]{2}/[0-9]{5}")) {
            wrong.add(new InputException("decision", number == null ? "Give the number of the decision that approved the schedule, such as 18/00067"
                    : "'" + number + "' is not a decision number: the year and a five-figure number, such as 18/00067"));
        }
        if (effectiveFrom == null) {
            wrong.add(new InputException("effective", "Give the date the new rates take effect, such as 9 April " + (year.startYear())));
        } else if (!year.contains(java.time.YearMonth.from(effectiveFrom))) {
            wrong.add(new InputException("effective", "The " + year.label() + " rates take effect in " + year.label() + ": from 1 April " + year.startYear()
                    + " to 31 March " + (year.startYear() + 1)));
        }
        Schedule s = lockedFor(year, version).orElseThrow(() -> new InputException("file", "There is no schedule for " + year.label() + " to approve: load one first"));
        List<Proposed> proposal = proposal(s);
        if (proposal.isEmpty()) {
            throw new InputException("file", "The " + year.label() + " schedule has no rates to approve");
        }
        List<String> missing = proposal.stream().filter(p -> p.rate() == null).map(Proposed::id).toList();
        if (!missing.isEmpty()) {
            throw new InputException(s.pay() == null ? "pay" : "cpi", "Give the pay award and CPI first: " + missing.size() + (missing.size() == 1 ? " rate has" : " rates have")
                    + " no new figure without them (" + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", …" : "") + ")");
        }
        Map<String, String> why = new LinkedHashMap<>();
        List<String> boxes = new java.util.ArrayList<>(List.of("decision", "effective"));
        for (Proposed p : proposal) {
            if (p.unexplained() != null) {
                boxes.add("reason-" + p.id());
                String reason = said(reasons.get(p.id()));
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
        for (Proposed p : proposal) {
            schedules.approveRate(year, p, why.get(p.id()));
        }
        schedules.approve(year, number, effectiveFrom, user);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "rate_schedule", year.label(), "Rates and charges " + year.label() + " approved by decision "
                + number + ", taking effect on " + DisplayFormat.dateWords(effectiveFrom) + (why.isEmpty() ? "" : "; " + why.size() + " rates approved as they "
                + "stand, though not following their basis or the year before's rate, with the reasons given"), audit(s), audit(schedule(year).orElseThrow())));
        events.publishEvent(new RatesApproved(year, number, effectiveFrom, "Rates and charges " + year.label(), "/papers/rates/" + year.firstMonth() + "/versions"));
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

    /** The approved rates as next year's schedule: each approved rate its current one, basis, formula and multiple kept, nothing proposed. */
    String nextYear(FinancialYear year) {
        Schedule s = schedule(year).filter(Schedule::approved).orElseThrow(() -> new NotFoundException(
                "The " + year.label() + " rates and charges have not been approved: next year starts from an approved schedule"));
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
            p.printRecord(List.of("id", "item", "unit", "current", "basis", "formula", "multiple", "proposed", "notes"));
            for (Line l : s.lines()) {
                RateSchedule.Rate r = l.rate();
                p.printRecord(List.of(r.id(), CellText.neutralise(r.item()), CellText.neutralise(r.unit()), l.approved().toPlainString(), r.basis(),
                        CellText.neutralise(r.formulaText()), r.multiple().toPlainString(), "", CellText.neutralise(r.notes())));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The schedule held for the year, locked for the change; refused once approved, or when changed since {@code version} was read. */
    private Optional<Schedule> lockedFor(FinancialYear year, Integer version) {
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
    private static String said(String text) {
        String t = Text.orNull(text);
        return t == null || t.codePoints().noneMatch(Character::isLetterOrDigit) ? null : t;
    }

    private static String figure(String field, BigDecimal value, String sourceField, String source, String what) {
        String s = said(source);
        if (value == null && s == null) {
            return null;
        }
        if (value == null) {
            throw new InputException(field, "Give " + what + " as a percentage, such as 2.8, or leave its source blank too");
        }
        if (value.abs().compareTo(new BigDecimal("100")) >= 0 || value.stripTrailingZeros().scale() > 3) {
            throw new InputException(field, what.substring(0, 1).toUpperCase(java.util.Locale.UK) + what.substring(1)
                    + " is a percentage between -100 and 100, to at most three decimal places, such as 2.8");
        }
        if (s == null) {
            throw new InputException(sourceField, "Say where " + what + " comes from, such as 'confirmed by the council on 13 February 2019'");
        }
        if (s.length() > 500 || s.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InputException(sourceField, "Write the source on one line, in 500 characters or fewer");
        }
        return s;
    }

    /** Every new rate one Oversight can keep (and load again as next year's): a formula can make a rate of any size. */
    private static void keepable(List<RateSchedule.Uplifted> uplifted) {
        uplifted.forEach(u -> bounded(u.rate().row(), u.rate().formula() != null ? "formula" : "basis", u.value()));
    }

    private static void bounded(int row, String column, BigDecimal x) {
        if (x != null && (x.abs().compareTo(LARGEST) >= 0 || x.stripTrailingZeros().scale() > 4)) {
            throw new InputException(row, column, x.toPlainString() + " is not a rate Oversight keeps: under £1,000,000,000, to at most four decimal places");
        }
    }

    private static Map<String, Object> uplift(Schedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pay_award", s.pay());
        m.put("pay_source", s.paySource());
        m.put("cpi", s.cpi());
        m.put("cpi_source", s.cpiSource());
        return m;
    }

    private static Map<String, Object> audit(Schedule s) {
        Map<String, Object> m = uplift(s);
        m.put("decision_no", s.decisionNo());
        m.put("effective_from", s.effectiveFrom());
        m.put("rates", s.lines().stream().map(l -> {
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
