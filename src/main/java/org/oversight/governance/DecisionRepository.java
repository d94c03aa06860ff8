package org.oversight.governance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decisions as stored, from the forward plan to implementation, with the agenda items that took them and what they approved. */
@Repository
class DecisionRepository {

    /** An agenda item as a decision is linked to it: its committee, and whether it or its meeting was withdrawn. */
    record LinkableItem(long committeeId, String committee, boolean withdrawn, long meetingId, int itemNumber, LocalDateTime starts) {
    }

    private static final String ITEMS = """
            select i.id, i.meeting_id, i.number, i.title, i.exempt, (i.deleted_at is not null or m.deleted_at is not null) as withdrawn, m.starts_at,
                   m.committee_id, c.name as committee
            from agenda_item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id""";

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean decisionExists(String number) {
        return jdbc.sql("select exists (select 1 from decision where number = :n)").param("n", number).query(Boolean.class).single();
    }

    List<Decision> all() {
        return jdbc.sql("select * from decision order by number").query(DecisionRepository::decision).list();
    }

    Optional<Decision> find(String number) {
        return jdbc.sql("select * from decision where number = :n").param("n", number).query(DecisionRepository::decision).optional();
    }

    /** The highest number of the year {@code yy} (two digits), 0 if it has none. */
    int lastOfYear(String yy) {
        return jdbc.sql("select coalesce(max(cast(substr(number, 4) as int)), 0) from decision where number like :y")
                .param("y", yy + "/%").query(Integer.class).single();
    }

    /** Decisions are planned one at a time, so two cannot take the same number. */
    void lock() {
        jdbc.sql("lock table decision in share row exclusive mode").update();
    }

    void insertPlanned(String number, String title, Decision.Maker maker, String makerName, BigDecimal spend, BigDecimal savings, boolean severalDivisions,
                       boolean key, LocalDate today, LocalDate planned) {
        jdbc.sql("""
                insert into decision (number, title, maker, maker_name, spend, savings, several_divisions, is_key, on_forward_plan, planned, status)
                values (:n, :t, :m, :mn, :sp, :sa, :sd, :k, :today, :p, 'FORWARD_PLAN')""").param("n", number).param("t", title).param("m", maker.name())
                .param("mn", makerName).param("sp", spend).param("sa", savings).param("sd", severalDivisions).param("k", key)
                .param("today", today).param("p", planned).update();
    }

    /** Sets {@code set} (columns from {@code params}) if the decision is still at {@code version}; false if someone changed it meanwhile. */
    boolean update(long id, int version, String set, Map<String, Object> params) {
        return jdbc.sql("update decision set " + set + ", modified_at = now(), version = version + 1 where id = :id and version = :v")
                .params(params).param("id", id).param("v", version).update() != 0;
    }

    Optional<Decisions.TakenAt> takenAt(long itemId) {
        return jdbc.sql(ITEMS + " where i.id = :i").param("i", itemId)
                .query((rs, n) -> new Decisions.TakenAt(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("number"), rs.getString("title"),
                        rs.getObject("starts_at", LocalDateTime.class), rs.getString("committee"), rs.getBoolean("exempt"))).optional();
    }

    Optional<LinkableItem> linkable(long itemId) {
        return jdbc.sql(ITEMS + " where i.id = :i").param("i", itemId).query((rs, n) -> new LinkableItem(rs.getLong("committee_id"), rs.getString("committee"),
                rs.getBoolean("withdrawn"), rs.getLong("meeting_id"), rs.getInt("number"),
                rs.getObject("starts_at", LocalDateTime.class))).optional();
    }

    List<Decision> atItem(long itemId) {
        return jdbc.sql("select * from decision where agenda_item_id = :i order by number").param("i", itemId).query(DecisionRepository::decision).list();
    }

    List<Decision> atMeeting(long meetingId) {
        return jdbc.sql("select d.* from decision d join agenda_item i on i.id = d.agenda_item_id where i.meeting_id = :m order by d.number")
                .param("m", meetingId).query(DecisionRepository::decision).list();
    }

    /** Live items of the committee's meetings (any committee's when {@code committeeId} is null), latest meeting first. */
    List<Decisions.ItemChoice> itemChoices(Long committeeId) {
        return jdbc.sql(ITEMS + " where i.deleted_at is null and m.deleted_at is null and (cast(:c as bigint) is null or m.committee_id = :c) order by m.starts_at desc, i.number")
                .param("c", committeeId)
                .query((rs, n) -> new Decisions.ItemChoice(rs.getLong("id"), rs.getObject("starts_at", LocalDateTime.class), rs.getInt("number"),
                        rs.getString("title"))).list();
    }

    List<Decisions.Outcome> outcomes(long decisionId) {
        return jdbc.sql("""
                select o.what, o.href, exists (select 1 from published_paper p where o.href = '/papers/' || p.kind || '/' || to_char(p.period, 'YYYY-MM') || '/versions')
                    as published
                from decision_outcome o where o.decision_id = :d order by o.recorded_at""").param("d", decisionId)
                .query((rs, n) -> new Decisions.Outcome(rs.getString("what"), rs.getString("href"), rs.getBoolean("published"))).list();
    }

    /** Records (or renames) what the decision numbered {@code decisionNo} approved, linked at {@code href}. */
    void saveOutcome(String decisionNo, String what, String href) {
        jdbc.sql("""
                insert into decision_outcome (decision_id, what, href) select id, :w, :h from decision where number = :n
                on conflict (decision_id, href) do update set what = excluded.what""")
                .param("n", decisionNo).param("w", what).param("h", href).update();
    }

    void insertLoaded(String number, String title, Decision.Maker maker, String makerName, boolean severalDivisions, boolean key, Decision.Status status,
                      Long committee) {
        jdbc.sql("""
                insert into decision (number, title, maker, maker_name, several_divisions, is_key, status, committee_id)
                values (:n, :t, :m, :mn, :sd, :k, :s, :c)""").param("n", number).param("t", title).param("m", maker.name()).param("mn", makerName)
                .param("sd", severalDivisions).param("k", key).param("s", status.name())
                .param("c", committee).update();
    }

    /** Links the decision to item {@code item} of the meeting, by the item's number. */
    void linkItem(String number, long meeting, int item) {
        jdbc.sql("update decision set agenda_item_id = (select id from agenda_item where meeting_id = :m and number = :i) where number = :n")
                .param("m", meeting).param("i", item).param("n", number).update();
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
