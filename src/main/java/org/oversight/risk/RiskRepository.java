package org.oversight.risk;

import java.util.ArrayList;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.ConflictException;
import org.oversight.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The risks, each with its controls, actions, reviews and moves between registers, and the indicators it is linked to. */
@Repository
class RiskRepository {

    private final JdbcClient jdbc;

    RiskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A risk with the references of the indicators it is linked to. */
    private static final String RISKS = """
            select risk.*, array(select i.ref from risk_indicator ri join indicator i on i.id = ri.indicator_id where ri.risk_id = risk.id order by i.ref)
                as indicator_refs from risk""";

    List<Risk> inRegister(long registerId, boolean includeClosed) {
        return jdbc.sql(RISKS + " where register_id = :r and (closed_on is null or :all) order by code")
                .param("r", registerId).param("all", includeClosed).query(RiskRepository::risk).list();
    }

    Optional<Risk> find(String code) {
        return jdbc.sql(RISKS + " where code = :c").param("c", code).query(RiskRepository::risk).optional();
    }

    Risk get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("There is no risk " + code));
    }

    long insert(Risk r) {
        long id = jdbc.sql("""
                insert into risk (code, register_id, title, risk_types, cause, event, consequence, owners, cabinet_members,
                    current_likelihood, current_impact, current_score, target_likelihood, target_impact, target_score,
                    inherent_likelihood, inherent_impact, inherent_score, previous_score, published_direction, last_review, next_review)
                values (:code, :register, :title, :types, :cause, :event, :consequence, :owners, :members, :cl, :ci, :cs, :tl, :ti, :ts,
                    :il, :ii, :is, :prev, :dir, :last, :next) returning id""").params(params(r)).query(Long.class).single();
        link(id, r.indicatorRefs());
        return id;
    }

    /** Links the risk to exactly the indicators of these references (checked by the caller: each names one). */
    private void link(long riskId, List<String> refs) {
        String[] a = refs.toArray(String[]::new);
        jdbc.sql("delete from risk_indicator where risk_id = :r and indicator_id not in (select id from indicator where ref = any(:refs))")
                .param("r", riskId).param("refs", a).update();
        jdbc.sql("insert into risk_indicator (risk_id, indicator_id) select :r, id from indicator where ref = any(:refs) on conflict do nothing")
                .param("r", riskId).param("refs", a).update();
    }

    /** References typed before indicators were chosen from a list that name no indicator (V31): for the risk team to choose again. */
    List<String> unlinkedRefs(long riskId) {
        return jdbc.sql("select unnest(unlinked_indicator_refs) from risk where id = :id").param("id", riskId).query(String.class).list();
    }

    /** The open risks linked to the indicator of this reference, by code. */
    List<Risk> concerning(String indicatorRef) {
        return jdbc.sql(RISKS + " where closed_on is null and id in (select ri.risk_id from risk_indicator ri join indicator i on i.id = ri.indicator_id where i.ref = :ref) order by code")
                .param("ref", indicatorRef).query(RiskRepository::risk).list();
    }

    /** Replaces the risk's details and ratings if nobody saved it since {@code r.version()} was read. */
    void update(Risk r) {
        int n = jdbc.sql("""
                update risk set register_id = :register, title = :title, risk_types = :types, cause = :cause, event = :event,
                    consequence = :consequence, owners = :owners, cabinet_members = :members,
                    current_likelihood = :cl, current_impact = :ci, current_score = :cs, target_likelihood = :tl, target_impact = :ti,
                    target_score = :ts, inherent_likelihood = :il, inherent_impact = :ii, inherent_score = :is, previous_score = :prev, published_direction = :dir, last_review = :last, next_review = :next,
                    closed_on = :closed, closed_reason = :closedReason, version = version + 1
                where code = :code and version = :version""").params(params(r)).update();
        if (n == 0) {
            throw new ConflictException("Risk " + r.code() + " was changed by someone else after you opened it. Nothing was saved: reload it and try again.");
        }
        link(r.id(), r.indicatorRefs());
    }

    private static Map<String, Object> params(Risk r) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", r.code());
        m.put("register", r.registerId());
        m.put("title", r.title());
        m.put("types", r.riskTypes().toArray(String[]::new));
        m.put("cause", r.cause());
        m.put("event", r.event());
        m.put("consequence", r.consequence());
        m.put("owners", r.owners().toArray(String[]::new));
        m.put("members", r.cabinetMembers().toArray(String[]::new));
        m.put("cl", r.current().likelihood());
        m.put("ci", r.current().impact());
        m.put("cs", r.current().score());
        m.put("tl", r.target() == null ? null : r.target().likelihood());
        m.put("ti", r.target() == null ? null : r.target().impact());
        m.put("ts", r.target() == null ? null : r.target().score());
        m.put("il", r.inherent() == null ? null : r.inherent().likelihood());
        m.put("ii", r.inherent() == null ? null : r.inherent().impact());
        m.put("is", r.inherent() == null ? null : r.inherent().score());
        m.put("prev", r.previousScore());
        m.put("dir", r.publishedDirection() == null ? null : r.publishedDirection().name());
        m.put("last", r.lastReview());
        m.put("next", r.nextReview());
        m.put("closed", r.closedOn());
        m.put("closedReason", r.closedReason());
        m.put("version", r.version());
        return m;
    }

    static Risk risk(ResultSet rs, int n) throws SQLException {
        Integer ts = (Integer) rs.getObject("target_score");
        Integer is = (Integer) rs.getObject("inherent_score");
        String dir = rs.getString("published_direction");
        return new Risk(rs.getLong("id"), rs.getString("code"), rs.getLong("register_id"), rs.getString("title"), strings(rs.getArray("risk_types")),
                rs.getString("cause"), rs.getString("event"), rs.getString("consequence"), strings(rs.getArray("owners")),
                strings(rs.getArray("cabinet_members")), strings(rs.getArray("indicator_refs")),
                new Rating((Integer) rs.getObject("current_likelihood"), (Integer) rs.getObject("current_impact"), rs.getInt("current_score")),
                ts == null ? null : new Rating((Integer) rs.getObject("target_likelihood"), (Integer) rs.getObject("target_impact"), ts),
                is == null ? null : new Rating((Integer) rs.getObject("inherent_likelihood"), (Integer) rs.getObject("inherent_impact"), is),
                (Integer) rs.getObject("previous_score"), dir == null ? null : RiskDirection.valueOf(dir),
                rs.getObject("last_review", LocalDate.class), rs.getObject("next_review", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getString("closed_reason"), rs.getInt("version"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    /** Everyone named as an owner in any register. */
    List<String> owners() {
        return jdbc.sql("select distinct unnest(owners) from risk").query(String.class).list();
    }

    List<Risk.Control> controls(long riskId) {
        return jdbc.sql("select * from risk_control where risk_id = :r order by id").param("r", riskId)
                .query((rs, n) -> new Risk.Control(rs.getLong("id"), rs.getString("title"), rs.getString("owner"))).list();
    }

    void addControl(long riskId, String title, String owner) {
        jdbc.sql("insert into risk_control (risk_id, title, owner) values (:r, :t, :o)").param("r", riskId).param("t", title).param("o", owner).update();
    }

    List<Risk.Action> actions(long riskId) {
        return jdbc.sql("select * from risk_action where risk_id = :r order by due nulls last, id").param("r", riskId)
                .query(RiskRepository::action).list();
    }

    /** Actions of every open risk in a register, for the action status table. */
    Map<Long, List<Risk.Action>> actionsByRisk(long registerId) {
        Map<Long, List<Risk.Action>> m = new HashMap<>();
        jdbc.sql("select a.* from risk_action a join risk r on r.id = a.risk_id where r.register_id = :g and r.closed_on is null")
                .param("g", registerId).query(rs -> {
                    m.computeIfAbsent(rs.getLong("risk_id"), k -> new ArrayList<>()).add(action(rs, 0));
                });
        return m;
    }

    private static Risk.Action action(ResultSet rs, int n) throws SQLException {
        return new Risk.Action(rs.getLong("id"), rs.getString("title"), rs.getString("owner"), rs.getString("type"), rs.getString("planned"),
                rs.getObject("due", LocalDate.class), "COMPLETED".equals(rs.getString("status")), rs.getInt("version"));
    }

    void addAction(long riskId, String title, String owner, String type, String planned, LocalDate due, boolean completed) {
        jdbc.sql("insert into risk_action (risk_id, title, owner, type, planned, due, status) values (:r, :t, :o, :ty, :p, :d, :s)")
                .param("r", riskId).param("t", title).param("o", owner).param("ty", type).param("p", planned).param("d", due)
                .param("s", completed ? "COMPLETED" : "OUTSTANDING").update();
    }

    void completeAction(long actionId, int version) {
        if (jdbc.sql("update risk_action set status = 'COMPLETED', version = version + 1 where id = :id and version = :v")
                .param("id", actionId).param("v", version).update() == 0) {
            throw new ConflictException("The action was changed by someone else after you opened it. Nothing was saved.");
        }
    }

    List<Risk.Review> reviews(long riskId) {
        return jdbc.sql("select * from risk_review where risk_id = :r order by reviewed_on, id").param("r", riskId).query((rs, n) -> {
            Integer ts = (Integer) rs.getObject("target_score");
            return new Risk.Review(rs.getObject("reviewed_on", LocalDate.class), rs.getString("reviewer"),
                    new Rating((Integer) rs.getObject("current_likelihood"), (Integer) rs.getObject("current_impact"), rs.getInt("current_score")),
                    ts == null ? null : new Rating((Integer) rs.getObject("target_likelihood"), (Integer) rs.getObject("target_impact"), ts),
                    RiskDirection.valueOf(rs.getString("direction")), rs.getString("comment"), rs.getObject("next_review", LocalDate.class),
                    (Integer) rs.getObject("previous_score"));
        }).list();
    }

    /**
     * The last review a loaded register states (its date, scores and direction), kept in the risk's
     * history as {@code source} says, so the risk's record starts where the register did. Once for a date and score.
     */
    void recordLoaded(Risk r, String source) {
        if (r.lastReview() == null) {
            return;
        }
        Risk saved = get(r.code());
        boolean known = jdbc.sql("select count(*) from risk_review where risk_id = :r and reviewed_on = :on and current_score = :s")
                .param("r", saved.id()).param("on", r.lastReview()).param("s", r.current().score()).query(Integer.class).single() > 0;
        if (!known) {
            LocalDate next = r.nextReviewDue() != null ? r.nextReviewDue() : r.lastReview().plusMonths(3);
            addReview(saved.id(), new Risk.Review(r.lastReview(), source, r.current(), r.target(),
                    r.direction() == null ? RiskDirection.NEW : r.direction(), null, next, r.previousScore()));
        }
    }

    void addReview(long riskId, Risk.Review r) {
        jdbc.sql("""
                insert into risk_review (risk_id, reviewed_on, reviewer, current_likelihood, current_impact, current_score,
                    target_likelihood, target_impact, target_score, previous_score, direction, comment, next_review)
                values (:r, :on, :by, :cl, :ci, :cs, :tl, :ti, :ts, :prev, :dir, :comment, :next)""")
                .param("r", riskId).param("on", r.reviewedOn()).param("by", r.reviewer())
                .param("cl", r.current().likelihood()).param("ci", r.current().impact()).param("cs", r.current().score())
                .param("tl", r.target() == null ? null : r.target().likelihood()).param("ti", r.target() == null ? null : r.target().impact())
                .param("ts", r.target() == null ? null : r.target().score()).param("prev", r.previousScore())
                .param("dir", r.direction().name()).param("comment", r.comment()).param("next", r.nextReview()).update();
    }

    List<Risk.Movement> movements(long riskId) {
        return jdbc.sql("""
                select f.name as f, t.name as t, m.kind, m.moved_by, m.moved_at, m.reason from risk_movement m
                join risk_register f on f.id = m.from_register join risk_register t on t.id = m.to_register
                where m.risk_id = :r order by m.moved_at""").param("r", riskId)
                .query((rs, n) -> new Risk.Movement(rs.getString("f"), rs.getString("t"), rs.getString("kind"), rs.getString("moved_by"),
                        rs.getObject("moved_at", OffsetDateTime.class), rs.getString("reason"))).list();
    }

    /** A risk that left a register: its code, where it went, when, by whom and why. */
    record MovedOut(String code, String title, Risk.Movement movement) {
    }

    /** The risks that were moved out of a register, latest first. */
    List<MovedOut> movedOut(long registerId) {
        return jdbc.sql("""
                select r.code, r.title, f.name as f, t.name as t, m.kind, m.moved_by, m.moved_at, m.reason from risk_movement m
                join risk r on r.id = m.risk_id join risk_register f on f.id = m.from_register join risk_register t on t.id = m.to_register
                where m.from_register = :g order by m.moved_at desc""").param("g", registerId)
                .query((rs, n) -> new MovedOut(rs.getString("code"), rs.getString("title"), new Risk.Movement(rs.getString("f"), rs.getString("t"),
                        rs.getString("kind"), rs.getString("moved_by"), rs.getObject("moved_at", OffsetDateTime.class), rs.getString("reason")))).list();
    }

    void addMovement(long riskId, long from, long to, String kind, String by, String reason) {
        jdbc.sql("insert into risk_movement (risk_id, from_register, to_register, kind, moved_by, reason) values (:r, :f, :t, :k, :b, :why)")
                .param("r", riskId).param("f", from).param("t", to).param("k", kind).param("b", by).param("why", reason).update();
    }
}
