package org.oversight.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.oversight.finance.RatesAndCharges;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions from the forward plan to implementation: the next number of the year, the key-decision
 * tests against the council's threshold, 28 clear days' notice before a key decision is taken (or
 * the urgency recorded), a status that only moves forward, and the record of decision. Every step
 * is recorded in the audit trail.
 */
@Service
class Decisions implements RatesAndCharges.DecisionCheck {

    private final DecisionRepository decisions;
    private final Committees committees;
    private final ApplicationEventPublisher events;
    private final BigDecimal threshold;

    Decisions(DecisionRepository decisions, Committees committees, ApplicationEventPublisher events,
              @Value("${oversight.key-decision-threshold:1000000}") BigDecimal threshold) {
        this.decisions = decisions;
        this.committees = committees;
        this.events = events;
        this.threshold = threshold;
    }

    BigDecimal threshold() {
        return threshold;
    }

    List<Decision> all() {
        return decisions.all();
    }

    Decision get(String number) {
        return decisions.find(number).orElseThrow(() -> new NotFoundException("There is no decision " + number));
    }

    /**
     * The decisions of a committee's business taken under urgency since its previous meeting, up to
     * this one: reported to this meeting with the reason each could not wait.
     */
    List<Decision> urgentSince(Committee.Meeting previous, Committee.Meeting m) {
        LocalDate from = previous == null ? LocalDate.MIN : previous.starts().toLocalDate();
        return all().stream().filter(d -> d.urgency() != null && d.takenOn() != null && d.takenOn().isAfter(from)
                && !d.takenOn().isAfter(m.starts().toLocalDate()) && Long.valueOf(m.committeeId()).equals(d.committeeId())).toList();
    }

    /** The number the next decision of {@code year} takes: YY/NNNNN, one more than the last of the year. */
    String next(int year) {
        String yy = String.format("%02d", year % 100);
        int last = decisions.lastOfYear(yy);
        return yy + "/" + String.format("%05d", last + 1);
    }

    /**
     * Puts a decision on the forward plan today. {@code number}, if given, must be the next of its
     * year: a number out of sequence is refused.
     */
    @Transactional
    Decision plan(String number, String title, Decision.Maker maker, String makerName, BigDecimal spend, BigDecimal savings, boolean severalDivisions,
                  LocalDate planned, LocalDate today) {
        String t = Text.orNull(title);
        if (t == null || t.length() > 500) {
            throw new InputException("title", "Give the decision's subject, in 500 characters or fewer");
        }
        if (maker == null) {
            throw new InputException("maker", "Say who takes the decision: a Cabinet Member, the Cabinet or the Leader");
        }
        if (makerName != null && makerName.length() > 200) {
            throw new InputException("makerName", "Write who takes it in 200 characters or fewer");
        }
        if (spend != null && spend.signum() < 0 || savings != null && savings.signum() < 0) {
            throw new InputException(spend != null && spend.signum() < 0 ? "spend" : "savings", "Give the amount as a positive sum of pounds");
        }
        if (planned != null && planned.isBefore(today)) {
            throw new InputException("planned", "The decision is planned for " + DisplayFormat.dateWords(planned) + ", which has passed: a decision goes on the plan before it is taken");
        }
        decisions.lock();
        String expected = next(today.getYear());
        String n = Text.orNull(number) == null ? expected : number.strip();
        if (!n.matches("[0-9]{2}/[0-9]{5}")) {
            throw new InputException("number", "A decision number is the year and a five-figure number, such as " + expected);
        }
        if (!n.equals(expected)) {
            throw new InputException("number", n + " is out of sequence: the next decision number is " + expected);
        }
        boolean key = Decision.key(spend, savings, severalDivisions, threshold);
        decisions.insertPlanned(n, t, maker, Text.orNull(makerName), spend, savings, severalDivisions, key, today, planned);
        Decision d = get(n);
        events.publishEvent(new Audited(Audited.Action.CREATE, "decision", n, (key ? "Key decision " : "Decision ") + n + " put on the forward plan: " + t, null, d));
        return d;
    }

    /** To a committee for endorsement before it is taken. */
    @Transactional
    Decision toCommittee(String number, String committeeCode, int version) {
        Decision d = get(number);
        forward(d, Decision.Status.TO_COMMITTEE);
        long committee = committees.get(committeeCode).id();
        return update(d, version, "status = 'TO_COMMITTEE', committee_id = :c", Map.of("c", committee), "sent to committee for endorsement");
    }

    /**
     * The day a decision first appeared on the forward plan, where it is not known (a decision loaded from a paper that does not give
     * it): recorded once, before the decision is taken, and not after today — it starts the 28 clear days' notice.
     */
    @Transactional
    Decision onForwardPlan(String number, LocalDate since, int version, LocalDate today) {
        Decision d = get(number);
        if (d.onForwardPlan() != null) {
            throw new InputException("since", number + " has been on the forward plan since " + DisplayFormat.dateWords(d.onForwardPlan()) + ", as recorded");
        }
        if (d.status().compareTo(Decision.Status.TAKEN) >= 0) {
            throw new InputException("since", number + " has been taken: when it was first on the forward plan is recorded before that");
        }
        if (since == null) {
            throw new InputException("since", "Give the date the forward plan first gave notice of it");
        }
        if (since.isAfter(today)) {
            throw new InputException("since", DisplayFormat.dateWords(since) + " has not come yet: give the date the forward plan was published with it");
        }
        return update(d, version, "on_forward_plan = :since", Map.of("since", since), "recorded as on the forward plan since " + DisplayFormat.dateWords(since));
    }

    /**
     * Taken on {@code on}: a key decision needs 28 clear days on the forward plan first, unless the
     * urgency is recorded (it is then reported to the next meeting with its reason).
     */
    @Transactional
    Decision take(String number, LocalDate on, String urgency, int version, LocalDate today) {
        Decision d = get(number);
        forward(d, Decision.Status.TAKEN);
        if (on == null) {
            throw new InputException("takenOn", "Give the date the decision was taken");
        }
        if (on.isAfter(today)) {
            throw new InputException("takenOn", "A decision is recorded as taken once it has been: " + DisplayFormat.dateWords(on) + " has not come yet");
        }
        String why = Text.orNull(urgency);
        if (why != null && why.length() > 4_000) {
            throw new InputException("urgency", "Say why in 4,000 characters or fewer");
        }
        if (why == null && d.onForwardPlan() != null && on.isBefore(d.onForwardPlan())) {
            throw new InputException("takenOn", number + " was put on the forward plan on " + DisplayFormat.dateWords(d.onForwardPlan())
                    + ": a decision taken before then was taken without notice, and needs its urgency recorded");
        }
        if (d.key() && why == null) {
            if (d.onForwardPlan() == null) {
                throw new InputException("urgency", "Key decision " + number + " is not known to have been on the forward plan: record why it is urgent, or wait for its notice");
            }
            long clear = Decision.clearDays(d.onForwardPlan(), on);
            if (clear < Decision.NOTICE) {
                throw new InputException("takenOn", "Key decision " + number + " has been on the forward plan for " + Math.max(clear, 0) + " clear days on "
                        + DisplayFormat.dateWords(on) + ": it needs " + Decision.NOTICE + " (from " + DisplayFormat.dateWords(d.onForwardPlan().plusDays(Decision.NOTICE + 1))
                        + "), or its urgency recorded");
            }
        }
        if (why == null && d.planned() != null && on.isBefore(d.planned())) {
            throw new InputException("takenOn", "The forward plan gives notice that " + number + " is taken on or after " + DisplayFormat.dateWords(d.planned())
                    + ": take it then, or record why it is urgent");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("on", on);
        p.put("u", why);
        return update(d, version, "status = 'TAKEN', taken_on = :on, urgency = :u", p, "taken" + (why == null ? "" : " under urgency"));
    }

    @Transactional
    Decision publishRecord(String number, Decision.Record r, int version, LocalDate today) {
        Decision d = get(number);
        forward(d, Decision.Status.RECORD_PUBLISHED);
        if (d.status() != Decision.Status.TAKEN) {
            throw new InputException("status", "A record of decision is published after the decision is taken");
        }
        for (String[] f : new String[][]{{"decision", r.decision()}, {"reasons", r.reasons()}, {"signedBy", r.signedBy()}}) {
            if (Text.orNull(f[1]) == null) {
                throw new InputException(f[0], "The record of decision needs " + switch (f[0]) {
                    case "decision" -> "the decision";
                    case "reasons" -> "its reasons";
                    default -> "the name of who signed it";
                });
            }
        }
        if (r.signedOn() == null || r.signedOn().isBefore(d.takenOn()) || r.signedOn().isAfter(today)) {
            throw new InputException("signedOn", "Give the date it was signed: on or after the day it was taken (" + DisplayFormat.dateWords(d.takenOn()) + "), and not later than today");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("d", r.decision());
        p.put("r", r.reasons());
        p.put("f", Text.orNull(r.financial()));
        p.put("l", Text.orNull(r.legal()));
        p.put("e", Text.orNull(r.equality()));
        p.put("a", Text.orNull(r.alternatives()));
        p.put("i", Text.orNull(r.interests()));
        p.put("sb", r.signedBy());
        p.put("so", r.signedOn());
        return update(d, version, """
                status = 'RECORD_PUBLISHED', decision_text = :d, reasons = :r, financial = :f, legal = :l, equality = :e, alternatives = :a,
                interests = :i, signed_by = :sb, signed_on = :so""", p, "record of decision published");
    }

    @Transactional
    Decision implemented(String number, int version) {
        Decision d = get(number);
        forward(d, Decision.Status.IMPLEMENTED);
        return update(d, version, "status = 'IMPLEMENTED'", Map.of(), "implemented");
    }

    private static void forward(Decision d, Decision.Status to) {
        if (to.ordinal() <= d.status().ordinal()) {
            throw new InputException("status", d.number() + " is already " + d.status().words().toLowerCase(Locale.UK) + ": a decision only moves forward");
        }
    }

    private Decision update(Decision d, int version, String set, Map<String, Object> params, String what) {
        if (!decisions.update(d.id(), version, set, params)) {
            throw new ConflictException("Someone changed decision " + d.number() + " while you were reading it: nothing was saved. Read it again.");
        }
        Decision after = get(d.number());
        events.publishEvent(new Audited(Audited.Action.UPDATE, "decision", d.number(), "Decision " + d.number() + " " + what, d, after));
        return after;
    }

    /** The agenda item that took a decision, with its meeting: where each page links. */
    record TakenAt(long itemId, long meetingId, int number, String title, LocalDateTime meetingStarts, String committee, boolean exempt) {
    }

    /** An item the clerk may choose as the one that took a decision: on an agenda of the committee it was sent to, not withdrawn. */
    record ItemChoice(long id, LocalDateTime meetingStarts, int number, String title) {
    }

    Optional<TakenAt> takenAt(Decision d) {
        return d.agendaItemId() == null ? Optional.empty() : decisions.takenAt(d.agendaItemId());
    }

    /** The decisions an agenda item took, for its page. */
    List<Decision> atItem(long itemId) {
        return decisions.atItem(itemId);
    }

    /** The decisions each item of a meeting took, by item id: for its agenda. */
    Map<Long, List<Decision>> atMeeting(long meetingId) {
        return decisions.atMeeting(meetingId).stream()
                .collect(Collectors.groupingBy(Decision::agendaItemId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The items a decision may be linked to: those of the meetings of the committee it was sent to (any committee's, if it was sent to none). */
    List<ItemChoice> choices(Decision d) {
        return decisions.itemChoices(d.committeeId());
    }

    /**
     * Records the agenda item that took the decision: an item that exists, is not withdrawn, and is on an agenda of the committee the
     * decision was sent to.
     */
    @Transactional
    Decision takenAt(String number, Long itemId, int version) {
        Decision d = get(number);
        if (itemId == null) {
            throw new InputException("item", "Choose the agenda item that took " + number);
        }
        DecisionRepository.LinkableItem i = decisions.linkable(itemId).orElseThrow(() -> new InputException("item", "There is no agenda item " + itemId + ": choose the item from the list"));
        if (i.withdrawn()) {
            throw new InputException("item", "Item " + i.itemNumber() + " of that meeting was withdrawn: choose an item that was on the agenda");
        }
        if (d.committeeId() != null && d.committeeId() != i.committeeId()) {
            String sentTo = committees.all().stream().filter(c -> c.id() == d.committeeId()).map(Committee::name).findFirst().orElse("another committee");
            throw new InputException("item", number + " was sent to the " + sentTo + ": choose an item of its meetings, not of the " + i.committee());
        }
        return update(d, version, "agenda_item_id = :i", Map.of("i", itemId), "linked to item " + i.itemNumber() + " of the " + i.committee()
                + " meeting of " + DisplayFormat.dateWords(i.starts().toLocalDate()));
    }

    /** What the decision approved elsewhere in Oversight, for its page: each with where to read it, and whether a paper there is published yet. */
    record Outcome(String what, String href, boolean published) {
    }

    List<Outcome> outcomes(long decisionId) {
        return decisions.outcomes(decisionId);
    }

    /** Finance approves a year's rates only with a decision that exists and was taken on or before the day they take effect. */
    @Override
    public void requireTaken(String decisionNo, LocalDate effectiveFrom) {
        Decision d = decisions.find(decisionNo).orElseThrow(() -> new InputException("decision", "There is no decision " + decisionNo + ": record it on the decisions page, then approve the schedule with it"));
        if (d.status().compareTo(Decision.Status.TAKEN) < 0) {
            throw new InputException("decision", "Decision " + d.number() + " has not been taken (" + d.status().words().toLowerCase(Locale.UK)
                    + "): record it as taken on its page, then approve the schedule with it");
        }
        if (d.takenOn() != null && effectiveFrom.isBefore(d.takenOn())) {
            throw new InputException("effective", "The rates cannot take effect on " + DisplayFormat.dateWords(effectiveFrom) + ", before decision "
                    + d.number() + " approved them on " + DisplayFormat.dateWords(d.takenOn()));
        }
    }

    /** A reaction, not a check: the rates are linked from the decision's page once their approval is committed (a link a crash missed, at the next start). */
    @ApplicationModuleListener
    void on(RatesAndCharges.RatesApproved approved) {
        decisions.saveOutcome(approved.decisionNo(), approved.title() + ", taking effect on " + DisplayFormat.dateWords(approved.effectiveFrom()), approved.href());
    }

    /** The demo's decisions as its papers give them, loaded without the plan's checks (their dates on the plan are not given). */
    void load(String number, String title, Decision.Maker maker, String makerName, boolean severalDivisions, Decision.Status status, Long committee) {
        decisions.insertLoaded(number, title, maker, makerName, severalDivisions, Decision.key(null, null, severalDivisions, threshold), status, committee);
    }
}
