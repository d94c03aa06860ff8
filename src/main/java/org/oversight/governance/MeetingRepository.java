package org.oversight.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oversight.platform.StoredBody;
import org.oversight.shared.Dates;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings, their agenda items, reports and agenda packs as stored; a deleted row stays, dated, for the open-data API. */
@Repository
class MeetingRepository {

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Withdraws an item: kept, dated, so the open-data API serves it as deleted; false if there is no such item. */
    boolean withdraw(long meeting, int number) {
        boolean done = jdbc.sql("update agenda_item set deleted_at = now(), modified_at = now() where meeting_id = :m and number = :n and deleted_at is null")
                .param("m", meeting).param("n", number).update() == 1;
        jdbc.sql("update meeting set modified_at = now() where id = :m").param("m", meeting).update();
        return done;
    }

    /** Changes a meeting's status; false if someone changed the meeting since {@code version} was read. */
    boolean status(long meeting, Committee.Status status, int version) {
        return jdbc.sql("update meeting set status = :s, modified_at = now(), version = version + 1 where id = :id and version = :v and deleted_at is null")
                .param("s", status.name()).param("id", meeting).param("v", version).update() == 1;
    }

    int meetingVersion(long meeting) {
        return jdbc.sql("select version from meeting where id = :id").param("id", meeting).query(Integer.class).single();
    }

    /** An agenda item whose report bears a decision number: where the public reads it. */
    record ReportOn(long meetingId, int number, LocalDateTime meetingStarts) {
    }

    List<ReportOn> reportsOn(String decisionNo) {
        return jdbc.sql("""
                select i.meeting_id, i.number, m.starts_at from report r join agenda_item i on i.id = r.agenda_item_id join meeting m on m.id = i.meeting_id
                where r.decision_no = :d and not i.exempt and i.deleted_at is null and m.deleted_at is null order by m.starts_at""").param("d", decisionNo)
                .query((rs, n) -> new ReportOn(rs.getLong("meeting_id"), rs.getInt("number"), rs.getObject("starts_at", LocalDateTime.class))).list();
    }

    /** The database's clock, which stamps every change: to compare with those stamps. */
    OffsetDateTime now() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    }

    long insertMeeting(long committee, LocalDateTime starts, boolean timed, LocalDateTime ends, String location, String webcast, Committee.Status status) {
        return jdbc.sql("""
                insert into meeting (committee_id, starts_at, timed, ends_at, location, webcast, status) values (:c, :s, :t, :e, :l, :w, :st) returning id""")
                .param("c", committee).param("s", starts).param("t", timed).param("e", ends).param("l", location).param("w", webcast).param("st", status.name())
                .query(Long.class).single();
    }

    List<Committee.Meeting> meetings(Long committee) {
        return jdbc.sql("select * from meeting where deleted_at is null and (cast(:c as bigint) is null or committee_id = :c) order by starts_at")
                .param("c", committee).query(MeetingRepository::meeting).list();
    }

    Optional<Committee.Meeting> meeting(long id) {
        return jdbc.sql("select * from meeting where id = :id and deleted_at is null").param("id", id).query(MeetingRepository::meeting).optional();
    }

    /** A meeting still marked scheduled is marked held. */
    void markHeld(long meeting) {
        jdbc.sql("update meeting set status = 'HELD', modified_at = now(), version = version + 1 where id = :m and status = 'SCHEDULED'").param("m", meeting).update();
    }

    /** Swaps item {@code number} with the next live item of its section up ({@code up}) or down; the other's number, or null if there is none. */
    Integer swap(long meeting, int number, Committee.Section section, boolean up) {
        Integer other = jdbc.sql("select " + (up ? "max" : "min") + "(number) from agenda_item where meeting_id = :m and deleted_at is null and section = :s and number "
                + (up ? "<" : ">") + " :n").param("m", meeting).param("s", section.name()).param("n", number).query(Integer.class).optional().orElse(null);
        if (other == null) {
            return null;
        }
        jdbc.sql("""
                update agenda_item set number = case number when :n then :o else :n end, modified_at = now()
                where meeting_id = :m and number in (:n, :o) and deleted_at is null""").param("m", meeting).param("n", number).param("o", other).update();
        return other;
    }

    boolean packPublished(long meeting) {
        return jdbc.sql("select count(*) from agenda_pack where meeting_id = :m").param("m", meeting).query(Integer.class).single() > 0;
    }

    void lockMeeting(long meeting) {
        jdbc.sql("select id from meeting where id = :id for update").param("id", meeting).query(Long.class).single();
    }

    /** The number after the last item of {@code section} and those before it, freed by moving every later item down one. */
    int makeRoomInSection(long meeting, Committee.Section section) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from agenda_item where meeting_id = :m and section <= :s").param("m", meeting)
                .param("s", section.name()).query(Integer.class).single();
        jdbc.sql("update agenda_item set number = number + 1, modified_at = now() where meeting_id = :m and number >= :n").param("m", meeting)
                .param("n", number).update();
        return number;
    }

    int nextNumber(long meeting) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from agenda_item where meeting_id = :m").param("m", meeting).query(Integer.class).single();
    }

    long insertItem(long meeting, int number, Committee.Section section, String title, String description, boolean exempt, String kind, String scope) {
        long id = jdbc.sql("""
                insert into agenda_item (meeting_id, number, section, title, description, exempt, standing_kind, standing_scope)
                values (:m, :n, :s, :t, :d, :x, :k, :sc) returning id""").param("m", meeting).param("n", number).param("s", section.name()).param("t", title)
                .param("d", description).param("x", exempt).param("k", kind).param("sc", scope == null ? "" : scope).query(Long.class).single();
        // The public's meeting changes with a public item; an exempt one leaves no trace in its open data.
        if (!exempt) {
            touchMeeting(meeting);
        }
        return id;
    }

    /**
     * The meeting's agenda in order; each standing item with the latest published paper of its kind
     * and scope for a period up to the meeting's month (a later period belongs to a later meeting).
     */
    List<Committee.Item> agenda(long meeting, LocalDate by) {
        return jdbc.sql("""
                select i.*, p.kind as p_kind, p.scope as p_scope, p.period as p_period, p.version as p_version, p.title as p_title
                from agenda_item i
                left join lateral (select * from published_paper pp where pp.kind = i.standing_kind and pp.scope = i.standing_scope
                                   and pp.period <= date_trunc('month', cast(:by as date))
                                   order by pp.period desc, pp.version desc limit 1) p on true
                where i.meeting_id = :m and i.deleted_at is null order by i.number""")
                .param("m", meeting).param("by", by).query((rs, n) -> new Committee.Item(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("number"),
                        Committee.Section.valueOf(rs.getString("section")), rs.getString("title"), rs.getString("description"), rs.getBoolean("exempt"),
                        rs.getString("standing_kind"), rs.getString("standing_scope"), rs.getString("p_kind") == null ? null
                        : new Committee.Paper(rs.getString("p_kind"), rs.getString("p_scope"), YearMonth.from(rs.getObject("p_period", LocalDate.class)),
                        rs.getInt("p_version"), rs.getString("p_title")))).list();
    }

    /** Each kind and scope of paper ever published: what a standing item may carry. */
    List<String[]> publishedKinds() {
        return jdbc.sql("select distinct kind, scope from published_paper order by kind, scope")
                .query((rs, n) -> new String[]{rs.getString("kind"), rs.getString("scope")}).list();
    }

    Optional<Committee.Item> item(long meeting, int number) {
        return agenda(meeting, Dates.LAST_MONTH.atEndOfMonth()).stream().filter(i -> i.number() == number).findFirst();
    }

    Optional<Committee.Report> report(long item) {
        return jdbc.sql("select * from report where agenda_item_id = :i").param("i", item).query((rs, n) -> new Committee.Report(
                rs.getLong("agenda_item_id"), rs.getString("from_whom"), rs.getString("to_whom"), rs.getString("decision_no"),
                rs.getString("classification"), rs.getString("past_pathway"), rs.getString("future_pathway"), rs.getString("electoral_division"),
                rs.getString("summary"), rs.getString("verb") == null ? null : Committee.Verb.valueOf(rs.getString("verb")),
                rs.getString("recommendation"), rs.getString("body"), rs.getInt("version"))).optional();
    }

    /** Writes the report; {@code version} as read (-1 for a new one); false if someone saved it meanwhile. */
    boolean saveReport(Committee.Report r, int version) {
        Map<String, Object> p = new HashMap<>();
        p.put("i", r.itemId());
        p.put("f", r.from());
        p.put("t", r.to());
        p.put("d", r.decisionNo());
        p.put("c", r.classification() == null ? "Unrestricted" : r.classification());
        p.put("pp", r.pastPathway());
        p.put("fp", r.futurePathway());
        p.put("e", r.electoralDivision());
        p.put("s", r.summary());
        p.put("vb", r.verb() == null ? null : r.verb().name());
        p.put("r", r.recommendation());
        p.put("b", r.body());
        p.put("v", version);
        return version < 0 ? jdbc.sql("""
                insert into report (agenda_item_id, from_whom, to_whom, decision_no, classification, past_pathway, future_pathway, electoral_division,
                                    summary, verb, recommendation, body)
                values (:i, :f, :t, :d, :c, :pp, :fp, :e, :s, :vb, :r, :b) on conflict do nothing""").params(p).update() == 1
                : jdbc.sql("""
                update report set from_whom = :f, to_whom = :t, decision_no = :d, classification = :c, past_pathway = :pp, future_pathway = :fp,
                    electoral_division = :e, summary = :s, verb = :vb, recommendation = :r, body = :b, modified_at = now(), version = version + 1
                where agenda_item_id = :i and version = :v""").params(p).update() == 1;
    }

    record Pack(long id, long meetingId, int version, String sha256, int pages, String publishedBy, OffsetDateTime publishedAt) {
    }

    List<Pack> packs(long meeting) {
        return jdbc.sql("select id, meeting_id, version, pdf_sha256, pages, published_by, published_at from agenda_pack where meeting_id = :m order by version desc")
                .param("m", meeting).query((rs, n) -> new Pack(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("version"), rs.getString("pdf_sha256"),
                        rs.getInt("pages"), rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class))).list();
    }

    /** Whether an item or report of the meeting changed after {@code since} (the last pack's publication), or a standing paper was published since. */
    boolean agendaChangedSince(long meeting, OffsetDateTime since) {
        return jdbc.sql("""
                select exists (select 1 from agenda_item where meeting_id = :m and modified_at > :t)
                    or exists (select 1 from report r join agenda_item i on i.id = r.agenda_item_id where i.meeting_id = :m and r.modified_at > :t)
                    or exists (select 1 from agenda_item i join published_paper p on p.kind = i.standing_kind and p.scope = i.standing_scope
                               where i.meeting_id = :m and i.deleted_at is null and p.published_at > :t)""")
                .param("m", meeting).param("t", since).query(Boolean.class).single();
    }

    /** A pack as it is read, a piece at a time: a public pack runs to megabytes and many may read it at once. */
    StoredBody packBody(long id) {
        return jdbc.sql("select length(pdf), substring(pdf from 1 for :n) from agenda_pack where id = :id").param("n", StoredBody.PIECE).param("id", id)
                .query((rs, i) -> new StoredBody("agenda pack " + id, rs.getLong(1), rs.getBytes(2), (offset, n) -> jdbc.sql(
                        "select substring(pdf from :from for :n) from agenda_pack where id = :id")
                        .param("from", Math.toIntExact(offset + 1)).param("n", n).param("id", id).query(byte[].class).single())).single();
    }

    int insertPack(long meeting, byte[] pdf, String sha, int pages, String user) {
        return jdbc.sql("""
                insert into agenda_pack (meeting_id, version, pdf, pdf_sha256, pages, published_by)
                values (:m, (select coalesce(max(version), 0) + 1 from agenda_pack where meeting_id = :m), :pdf, :sha, :pages, :u) returning version""")
                .param("m", meeting).param("pdf", pdf).param("sha", sha).param("pages", pages).param("u", user).query(Integer.class).single();
    }

    /** A meeting's open data show when it last changed, a new pack included. */
    void touchMeeting(long meeting) {
        jdbc.sql("update meeting set modified_at = now() where id = :m").param("m", meeting).update();
    }

    void paperPublished(String kind, String scope, YearMonth period, int version, String title) {
        jdbc.sql("insert into published_paper (kind, scope, period, version, title) values (:k, :s, :p, :v, :t) on conflict do nothing")
                .param("k", kind).param("s", scope).param("p", period.atDay(1)).param("v", version).param("t", title).update();
    }

    // The open-data API's reads: a page of a kind's ids, then its rows by id (those deleted too, as its tombstones); never an exempt item.

    OpenData.Page meetingPage(OpenData.Window w) {
        return page("meeting t", "true", "t.id", "t.modified_at", "t.created_at", w);
    }

    OpenData.Page itemPage(OpenData.Window w) {
        return page("agenda_item t", "not exempt", "t.id", "t.modified_at", "t.created_at", w);
    }

    /** The reports, for papers and consultations alike: known by their items' ids, created with their items. */
    OpenData.Page reportPage(OpenData.Window w) {
        return page("report r join agenda_item i on i.id = r.agenda_item_id", "not i.exempt", "r.agenda_item_id", "r.modified_at", "i.created_at", w);
    }

    /** The agenda packs, each dated when it was published: a pack never changes. */
    OpenData.Page packPage(OpenData.Window w) {
        return page("agenda_pack t", "true", "t.id", "t.published_at", "t.published_at", w);
    }

    OpenData.Page locationPage(OpenData.Window w) {
        return page("meeting t", "location is not null", "t.id", "t.modified_at", "t.created_at", w);
    }

    private OpenData.Page page(String from, String where, String id, String modified, String created, OpenData.Window w) {
        String rows = " from " + from + " where " + where + " and (cast(:m as timestamptz) is null or " + modified + " >= :m)"
                + " and (cast(:c as timestamptz) is null or " + created + " >= :c)";
        long total = jdbc.sql("select count(*)" + rows).param("m", w.modifiedSince()).param("c", w.createdSince()).query(Long.class).single();
        List<Long> ids = jdbc.sql("select " + id + rows + " order by " + id + " limit " + w.size() + " offset " + w.offset())
                .param("m", w.modifiedSince()).param("c", w.createdSince()).query(Long.class).list();
        return new OpenData.Page(total, ids);
    }

    List<OpenData.Meeting> meetingRows(List<Long> ids) {
        return jdbc.sql("select m.*, c.name as committee from meeting m join committee c on c.id = m.committee_id where m.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Meeting(rs.getLong("id"), CommitteeRepository.stamps(rs), rs.getLong("committee_id"), rs.getString("committee"),
                        rs.getObject("starts_at", LocalDateTime.class), rs.getBoolean("timed"), rs.getObject("ends_at", LocalDateTime.class),
                        Committee.Status.valueOf(rs.getString("status")))).list();
    }

    List<OpenData.AgendaItem> itemRows(List<Long> ids) {
        return jdbc.sql("select * from agenda_item where id = any(:ids) and not exempt").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.AgendaItem(rs.getLong("id"), CommitteeRepository.stamps(rs), rs.getLong("meeting_id"), rs.getInt("number"),
                        rs.getString("title"))).list();
    }

    List<OpenData.Paper> paperRows(List<Long> itemIds) {
        return jdbc.sql("""
                select r.*, i.title, i.created_at, i.meeting_id, i.number, m.starts_at from report r join agenda_item i on i.id = r.agenda_item_id
                join meeting m on m.id = i.meeting_id where r.agenda_item_id = any(:ids) and not i.exempt""").param("ids", itemIds.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Paper(rs.getLong("agenda_item_id"), rs.getLong("meeting_id"), rs.getInt("number"), rs.getString("title"),
                        rs.getString("decision_no"), rs.getObject("starts_at", LocalDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("modified_at", OffsetDateTime.class))).list();
    }

    List<OpenData.Consultation> consultationRows(List<Long> itemIds) {
        return jdbc.sql("""
                select r.agenda_item_id, r.modified_at, i.created_at, i.meeting_id, r.verb, m.committee_id from report r
                join agenda_item i on i.id = r.agenda_item_id join meeting m on m.id = i.meeting_id
                where r.agenda_item_id = any(:ids) and not i.exempt""").param("ids", itemIds.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Consultation(rs.getLong("agenda_item_id"), rs.getLong("meeting_id"), rs.getLong("committee_id"),
                        rs.getString("verb"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("modified_at", OffsetDateTime.class))).list();
    }

    List<OpenData.File> fileRows(List<Long> ids) {
        return jdbc.sql("select id, meeting_id, version, published_at, length(pdf) as size from agenda_pack where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.File(rs.getLong("id"), rs.getLong("meeting_id"), rs.getInt("version"),
                        rs.getObject("published_at", OffsetDateTime.class), rs.getInt("size"))).list();
    }

    List<OpenData.Location> locationRows(List<Long> meetingIds) {
        return jdbc.sql("select id, location, created_at, modified_at from meeting where id = any(:ids) and location is not null")
                .param("ids", meetingIds.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Location(rs.getLong("id"), rs.getString("location"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("modified_at", OffsetDateTime.class))).list();
    }

    /** Each meeting's items the public reads (not exempt, not withdrawn), in agenda order. */
    Map<Long, List<Long>> publicItemsOfMeetings(List<Long> meetings) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, id from agenda_item where meeting_id = any(:ids) and not exempt and deleted_at is null order by number")
                .param("ids", meetings.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)));
        return out;
    }

    /** Each meeting's agenda packs, first version first. */
    Map<Long, List<Long>> packsOfMeetings(List<Long> meetings) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, id from agenda_pack where meeting_id = any(:ids) order by version").param("ids", meetings.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)));
        return out;
    }

    /** Those of the items that have a report. */
    Set<Long> reported(List<Long> items) {
        return new HashSet<>(jdbc.sql("select agenda_item_id from report where agenda_item_id = any(:ids)").param("ids", items.toArray(Long[]::new))
                .query(Long.class).list());
    }

    private static Committee.Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Committee.Meeting(rs.getLong("id"), rs.getLong("committee_id"), rs.getObject("starts_at", LocalDateTime.class),
                rs.getObject("ends_at", LocalDateTime.class), rs.getString("location"), rs.getString("webcast"),
                Committee.Status.valueOf(rs.getString("status")), rs.getObject("modified_at", OffsetDateTime.class), rs.getBoolean("timed"));
    }
}
