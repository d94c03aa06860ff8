package org.oversight.governance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.finance.RatesAndCharges;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Committees committees;
    private final ApplicationEventPublisher events;
    private final BigDecimal threshold;

    Decisions(JdbcClient jdbc, Committees committees, ApplicationEventPublisher events,
              @Value("${oversight.key-decision-threshold:1000000}") BigDecimal threshold) {
        this.jdbc = jdbc;
        this.committees = committees;
        this.events = events;
        this.threshold = threshold;
    }

    BigDecimal threshold() {
        return threshold;
    }

    List<Decision> all() {
        return jdbc.sql("select * from decision order by number").query(Decisions::decision).list();
    }

    Decision get(String number) {
        return jdbc.sql("select * from decision where number = :n").param("n", number).query(Decisions::decision).optional()
                .orElseThrow(() -> new NotFoundException("There is no decision " + number));
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
        int last = jdbc.sql("select coalesce(max(cast(substr(number, 4) as int)), 0) from decision where number like :y")
                .param("y", yy + "/%").query(Integer.class).single();
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
        jdbc.sql("lock table decision in share row exclusive mode").update();
        String expected = next(today.getYear());
        String n = Text.orNull(number) == null ? expected : number.strip();
        if (!n.matches("[0-9]{2}/[0-9]{5}")) {
            throw new InputException("number", "A decision number is the year and a five-figure number, such as " + expected);
        }
        if (!n.equals(expected)) {
            throw new InputException("number", n + " is out of sequence: the next decision number is " + expected);
        }
        boolean key = Decision.key(spend, savings, severalDivisions, threshold);
        jdbc.sql("""
                insert into decision (number, title, maker, maker_name, spend, savings, several_divisions, is_key, on_forward_plan, planned, status)
                values (:n, :t, :m, :mn, :sp, :sa, :sd, :k, :today, :p, 'FORWARD_PLAN')""").param("n", n).param("t", t).param("m", maker.name())
                .param("mn", Text.orNull(makerName)).param("sp", spend).param("sa", savings).param("sd", severalDivisions).param("k", key)
                .param("today", today).param("p", planned).update();
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
            throw new InputException("status", d.number() + " is already " + d.status().words().toLowerCase(java.util.Locale.UK) + ": a decision only moves forward");
        }
    }

    private Decision update(Decision d, int version, String set, Map<String, Object> params, String what) {
        int changed = jdbc.sql("update decision set " + set + ", modified_at = now(), version = version + 1 where id = :id and version = :v")
                .params(params).param("id", d.id()).param("v", version).update();
        if (changed == 0) {
            throw new ConflictException("Someone changed decision " + d.number() + " while you were reading it: nothing was saved. Read it again.");
        }
        Decision after = get(d.number());
        events.publishEvent(new Audited(Audited.Action.UPDATE, "decision", d.number(), "Decision " + d.number() + " " + what, d, after));
        return after;
    }

    /** The agenda item that took a decision, with its meeting: where each page links. */
    record TakenAt(long itemId, long meetingId, int number, String title, java.time.LocalDateTime meetingStarts, String committee, boolean exempt) {
    }

    /** An item the clerk may choose as the one that took a decision: on an agenda of the committee it was sent to, not withdrawn. */
    record ItemChoice(long id, java.time.LocalDateTime meetingStarts, int number, String title) {
    }

    private static final String ITEMS = """
            select i.id, i.meeting_id, i.number, i.title, i.exempt, (i.deleted_at is not null or m.deleted_at is not null) as withdrawn, m.starts_at,
                   m.committee_id, c.name as committee
            from agenda_item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id""";

    Optional<TakenAt> takenAt(Decision d) {
        return d.agendaItemId() == null ? Optional.empty() : jdbc.sql(ITEMS + " where i.id = :i").param("i", d.agendaItemId())
                .query((rs, n) -> new TakenAt(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("number"), rs.getString("title"),
                        rs.getObject("starts_at", java.time.LocalDateTime.class), rs.getString("committee"), rs.getBoolean("exempt"))).optional();
    }

    /** The decisions an agenda item took, for its page. */
    List<Decision> atItem(long itemId) {
        return jdbc.sql("select * from decision where agenda_item_id = :i order by number").param("i", itemId).query(Decisions::decision).list();
    }

    /** The decisions each item of a meeting took, by item id: for its agenda. */
    Map<Long, List<Decision>> atMeeting(long meetingId) {
        return jdbc.sql("select d.* from decision d join agenda_item i on i.id = d.agenda_item_id where i.meeting_id = :m order by d.number")
                .param("m", meetingId).query(Decisions::decision).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Decision::agendaItemId, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    /** The items a decision may be linked to: those of the meetings of the committee it was sent to (any committee's, if it was sent to none). */
    List<ItemChoice> choices(Decision d) {
        return jdbc.sql(ITEMS + " where i.deleted_at is null and m.deleted_at is null and (cast(:c as bigint) is null or m.committee_id = :c) order by m.starts_at desc, i.number")
                .param("c", d.committeeId())
                .query((rs, n) -> new ItemChoice(rs.getLong("id"), rs.getObject("starts_at", java.time.LocalDateTime.class), rs.getInt("number"),
                        rs.getString("title"))).list();
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
        record Found(long committeeId, String committee, boolean withdrawn, long meetingId, int itemNumber, java.time.LocalDateTime starts) {
        }
        Found i = jdbc.sql(ITEMS + " where i.id = :i").param("i", itemId).query((rs, n) -> new Found(rs.getLong("committee_id"), rs.getString("committee"),
                rs.getBoolean("withdrawn"), rs.getLong("meeting_id"), rs.getInt("number"),
                rs.getObject("starts_at", java.time.LocalDateTime.class))).optional()
                .orElseThrow(() -> new InputException("item", "There is no agenda item " + itemId + ": choose the item from the list"));
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
        return jdbc.sql("""
                select o.what, o.href, exists (select 1 from published_paper p where o.href = '/papers/' || p.kind || '/' || to_char(p.period, 'YYYY-MM') || '/versions')
                    as published
                from decision_outcome o where o.decision_id = :d order by o.recorded_at""").param("d", decisionId)
                .query((rs, n) -> new Outcome(rs.getString("what"), rs.getString("href"), rs.getBoolean("published"))).list();
    }

    /** Finance approves a year's rates only with a decision that exists and was taken on or before the day they take effect. */
    @Override
    public void requireTaken(String decisionNo, LocalDate effectiveFrom) {
        Decision d = jdbc.sql("select * from decision where number = :n").param("n", decisionNo).query(Decisions::decision).optional()
                .orElseThrow(() -> new InputException("decision", "There is no decision " + decisionNo + ": record it on the decisions page, then approve the schedule with it"));
        if (d.status().compareTo(Decision.Status.TAKEN) < 0) {
            throw new InputException("decision", "Decision " + d.number() + " has not been taken (" + d.status().words().toLowerCase(java.util.Locale.UK)
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
        jdbc.sql("""
                insert into decision_outcome (decision_id, what, href) select id, :w, :h from decision where number = :n
                on conflict (decision_id, href) do update set what = excluded.what""")
                .param("n", approved.decisionNo()).param("w", approved.title() + ", taking effect on " + DisplayFormat.dateWords(approved.effectiveFrom()))
                .param("h", approved.href()).update();
    }

    /** The demo's decisions as its papers give them, loaded without the plan's checks (their dates on the plan are not given). */
    void load(String number, String title, Decision.Maker maker, String makerName, boolean severalDivisions, Decision.Status status, Long committee) {
        jdbc.sql("""
                insert into decision (number, title, maker, maker_name, several_divisions, is_key, status, committee_id)
                values (:n, :t, :m, :mn, :sd, :k, :s, :c)""").param("n", number).param("t", title).param("m", maker.name()).param("mn", makerName)
                .param("sd", severalDivisions).param("k", Decision.key(null, null, severalDivisions, threshold)).param("s", status.name())
                .param("c", committee).update();
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        Decision.Record record = rs.getString("decision_text") == null ? null : new Decision.Record(rs.getString("decision_text"), rs.getString("reasons"),
                rs.getString("financial"), rs.getString("legal"), rs.getString("equality"), rs.getString("alternatives"), rs.getString("interests"),
                rs.getString("signed_by"), rs.getObject("signed_on", LocalDate.class));
        return new Decision(rs.getLong("id"), rs.getString("number"), rs.getString("title"), Decision.Maker.valueOf(rs.getString("maker")),
                rs.getString("maker_name"), rs.getBigDecimal("spend"), rs.getBigDecimal("savings"), rs.getBoolean("several_divisions"),
                rs.getBoolean("is_key"), rs.getObject("on_forward_plan", LocalDate.class), rs.getObject("planned", LocalDate.class),
                (Long) rs.getObject("committee_id"), Decision.Status.valueOf(rs.getString("status")), rs.getString("urgency"),
                rs.getObject("taken_on", LocalDate.class), record, (Long) rs.getObject("agenda_item_id"), rs.getInt("version"));
    }
}
