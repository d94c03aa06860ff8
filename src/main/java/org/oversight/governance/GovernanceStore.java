package org.oversight.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.oversight.platform.StoredBody;
import org.oversight.shared.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Committees, members, meetings and agenda items as stored; a deleted row stays, dated, for the open-data API. */
@Repository
class GovernanceStore {

    private final JdbcClient jdbc;

    GovernanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Committee> committees() {
        return jdbc.sql("select * from committee where deleted_at is null order by name").query(GovernanceStore::committee).list();
    }

    List<Committee.Term> terms() {
        return jdbc.sql("select * from legislative_term where deleted_at is null order by start_date").query((rs, n) -> new Committee.Term(rs.getLong("id"),
                rs.getString("name"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class))).list();
    }

    /** Committees are added one at a time, so two of the same name cannot both pass the check. */
    void lockCommittees() {
        jdbc.sql("lock table committee in share row exclusive mode").update();
    }

    /** Terms are added one at a time, so two clerks cannot add overlapping ones together. */
    void lockTerms() {
        jdbc.sql("lock table legislative_term in share row exclusive mode").update();
    }

    long insertTerm(String name, LocalDate start, LocalDate end) {
        return jdbc.sql("insert into legislative_term (name, start_date, end_date) values (:n, :s, :e) returning id").param("n", name).param("s", start)
                .param("e", end).query(Long.class).single();
    }

    boolean endTerm(long id, LocalDate end) {
        return jdbc.sql("update legislative_term set end_date = :e, modified_at = now() where id = :id and end_date is null and deleted_at is null and start_date < :e")
                .param("e", end).param("id", id).update() == 1;
    }

    boolean deleteTerm(long id) {
        return jdbc.sql("update legislative_term set deleted_at = now() where id = :id and deleted_at is null").param("id", id).update() == 1;
    }

    Optional<Committee> committee(String code) {
        return jdbc.sql("select * from committee where code = :c and deleted_at is null").param("c", code).query(GovernanceStore::committee).optional();
    }

    Committee committee(long id) {
        return jdbc.sql("select * from committee where id = :id").param("id", id).query(GovernanceStore::committee).single();
    }

    void setCommitteeUnit(long id, String unit) {
        jdbc.sql("update committee set unit = :u, modified_at = now() where id = :id").param("u", unit).param("id", id).update();
    }

    void renameUnit(String before, String after) {
        jdbc.sql("update committee set unit = :a, modified_at = now() where unit = :b").param("a", after).param("b", before).update();
        // Meetings whose minutes are approved keep their agenda as it was (and the database would refuse the change).
        jdbc.sql("update agenda_item set standing_scope = :a where standing_scope = :b and meeting_id not in (select meeting_id from minutes where approved_at_meeting is not null)")
                .param("a", after).param("b", before).update();
    }

    long insertCommittee(String code, String name, Committee.Kind kind, String terms) {
        return jdbc.sql("insert into committee (code, name, kind, terms_of_reference) values (:c, :n, :k, :t) returning id")
                .param("c", code).param("n", name).param("k", kind.name()).param("t", terms).query(Long.class).single();
    }

    /** Locks the committee's row: two clerks adding the same member at once are taken one after the other. */
    void lock(long committee) {
        jdbc.sql("select id from committee where id = :id for update").param("id", committee).query(Long.class).single();
    }

    /** The person of that name, however its capitals were typed (a party given is kept), or a new person. */
    long person(String name, String party) {
        Long known = jdbc.sql("select id from person where lower(name) = lower(:n) order by id limit 1").param("n", name).query(Long.class).optional()
                .orElse(null);
        if (known != null) {
            jdbc.sql("update person set party = :p, modified_at = now() where id = :id and cast(:p as text) is not null and party is distinct from :p")
                    .param("p", party).param("id", known).update();
            return known;
        }
        return jdbc.sql("""
                insert into person (name, party) values (:n, :p)
                on conflict (name) do update set party = coalesce(excluded.party, person.party), modified_at = case
                    when excluded.party is distinct from person.party and excluded.party is not null then now() else person.modified_at end
                returning id""").param("n", name).param("p", party).query(Long.class).single();
    }

    /** Seats on the committee for any day from {@code start} to {@code end}: the person's ({@code person} given) or the role's. */
    List<Committee.Member> overlapping(long committee, Long person, Committee.Role role, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                select m.*, p.name, p.party, p.username from membership m join person p on p.id = m.person_id
                where m.committee_id = :c and (cast(:p as bigint) is null or m.person_id = :p) and (cast(:r as text) is null or m.role = :r)
                  and m.deleted_at is null
                  and coalesce(m.start_date, '-infinity'::date) <= coalesce(cast(:e as date), 'infinity'::date)
                  and coalesce(m.end_date, 'infinity'::date) >= coalesce(cast(:s as date), '-infinity'::date)""")
                .param("c", committee).param("p", person).param("r", role == null ? null : role.name()).param("s", start).param("e", end)
                .query(GovernanceStore::member).list();
    }

    void insertMember(long committee, long person, Committee.Role role, LocalDate start, LocalDate end) {
        jdbc.sql("insert into membership (committee_id, person_id, role, start_date, end_date) values (:c, :p, :r, :s, :e)")
                .param("c", committee).param("p", person).param("r", role.name()).param("s", start).param("e", end).update();
    }

    /** Those on the committee on {@code day}: chairman first, then vice-chairman, members, substitutes, by name. */
    /** Seats that ended before {@code day}, latest first. */
    List<Committee.Member> former(long committee, LocalDate day) {
        return jdbc.sql("""
                select m.*, p.name, p.party, p.username from membership m join person p on p.id = m.person_id
                where m.committee_id = :c and m.deleted_at is null and m.end_date < :d order by m.end_date desc, p.name""")
                .param("c", committee).param("d", day).query(GovernanceStore::member).list();
    }

    List<Committee.Member> members(long committee, LocalDate day) {
        return jdbc.sql("""
                select m.*, p.name, p.party, p.username from membership m join person p on p.id = m.person_id
                where m.committee_id = :c and m.deleted_at is null and coalesce(m.start_date, '-infinity'::date) <= :d
                  and coalesce(m.end_date, 'infinity'::date) >= :d
                order by array_position(array['CHAIRMAN', 'VICE_CHAIRMAN', 'MEMBER', 'SUBSTITUTE'], m.role), p.name""")
                .param("c", committee).param("d", day).query(GovernanceStore::member).list();
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

    /** Ends a seat on {@code end}; false if it ended already or is not on this committee. */
    boolean deleteMembership(long committee, long membership) {
        return jdbc.sql("update membership set deleted_at = now(), modified_at = now() where id = :id and committee_id = :c and deleted_at is null")
                .param("id", membership).param("c", committee).update() == 1;
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

    boolean decisionExists(String number) {
        return jdbc.sql("select exists (select 1 from decision where number = :n)").param("n", number).query(Boolean.class).single();
    }

    /** The database's clock, which stamps every change: to compare with those stamps. */
    OffsetDateTime now() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    }

    /** Links the person in seat {@code membership} to a sign-in name (null to unlink); false if the seat is not the committee's. */
    boolean linkAccount(long committee, long membership, String username) {
        return jdbc.sql("""
                update person set username = :u, modified_at = now()
                where id = (select person_id from membership where id = :ms and committee_id = :c and deleted_at is null)""")
                .param("u", username).param("ms", membership).param("c", committee).update() == 1;
    }

    /** The person linked to the sign-in name, unless it is the person in seat {@code membership}: their name. */
    Optional<String> otherPersonWithAccount(String username, long membership) {
        return jdbc.sql("select name from person where username = :u and id <> (select person_id from membership where id = :ms)")
                .param("u", username).param("ms", membership).query(String.class).optional();
    }

    /** Whether the account's person sits on the committee on {@code day}. */
    boolean seated(long committee, String username, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from membership m join person p on p.id = m.person_id
                               where m.committee_id = :c and p.username = :u and m.deleted_at is null
                                 and coalesce(m.start_date, '-infinity'::date) <= :d and coalesce(m.end_date, 'infinity'::date) >= :d)""")
                .param("c", committee).param("u", username).param("d", day).query(Boolean.class).single();
    }

    boolean approvedMinutesAt(long meeting) {
        return jdbc.sql("select count(*) from minutes where approved_at_meeting = :m").param("m", meeting).query(Integer.class).single() > 0;
    }

    /** The day the meeting's minutes were approved; none while they are a draft, or not written. */
    java.util.Optional<LocalDate> minutesApprovedOn(long meeting) {
        return jdbc.sql("select approved_on from minutes where meeting_id = :m and approved_at_meeting is not null").param("m", meeting)
                .query(LocalDate.class).optional();
    }

    boolean hasMinutes(long meeting) {
        return jdbc.sql("select count(*) from minutes where meeting_id = :m").param("m", meeting).query(Integer.class).single() > 0;
    }

    boolean endMembership(long committee, long membership, LocalDate end) {
        return jdbc.sql("""
                update membership set end_date = :e, modified_at = now() where id = :id and committee_id = :c and end_date is null and deleted_at is null
                  and coalesce(start_date, '-infinity'::date) <= :e""").param("e", end).param("id", membership).param("c", committee).update() == 1;
    }

    long insertMeeting(long committee, LocalDateTime starts, boolean timed, LocalDateTime ends, String location, String webcast, Committee.Status status) {
        return jdbc.sql("""
                insert into meeting (committee_id, starts_at, timed, ends_at, location, webcast, status) values (:c, :s, :t, :e, :l, :w, :st) returning id""")
                .param("c", committee).param("s", starts).param("t", timed).param("e", ends).param("l", location).param("w", webcast).param("st", status.name())
                .query(Long.class).single();
    }

    List<Committee.Meeting> meetings(Long committee) {
        return jdbc.sql("select * from meeting where deleted_at is null and (cast(:c as bigint) is null or committee_id = :c) order by starts_at")
                .param("c", committee).query(GovernanceStore::meeting).list();
    }

    Optional<Committee.Meeting> meeting(long id) {
        return jdbc.sql("select * from meeting where id = :id and deleted_at is null").param("id", id).query(GovernanceStore::meeting).optional();
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
        java.util.Map<String, Object> p = new java.util.HashMap<>();
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

    private static Committee committee(ResultSet rs, int n) throws SQLException {
        return new Committee(rs.getLong("id"), rs.getString("code"), rs.getString("name"), Committee.Kind.valueOf(rs.getString("kind")),
                rs.getString("terms_of_reference"), rs.getString("unit"));
    }

    private static Committee.Member member(ResultSet rs, int n) throws SQLException {
        return new Committee.Member(rs.getLong("id"), rs.getString("name"), rs.getString("party"), Committee.Role.valueOf(rs.getString("role")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getString("username"));
    }

    private static Committee.Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Committee.Meeting(rs.getLong("id"), rs.getLong("committee_id"), rs.getObject("starts_at", LocalDateTime.class),
                rs.getObject("ends_at", LocalDateTime.class), rs.getString("location"), rs.getString("webcast"),
                Committee.Status.valueOf(rs.getString("status")), rs.getObject("modified_at", OffsetDateTime.class), rs.getBoolean("timed"));
    }
}
