package org.oversight.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Committees, their members and the council's terms of office as stored; a deleted row stays, dated, for the open-data API. */
@Repository
class CommitteeRepository {

    private final JdbcClient jdbc;

    CommitteeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Committee> committees() {
        return jdbc.sql("select * from committee where deleted_at is null order by name").query(CommitteeRepository::committee).list();
    }

    boolean none() {
        return jdbc.sql("select count(*) from committee").query(Integer.class).single() == 0;
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
        return jdbc.sql("select * from committee where code = :c and deleted_at is null").param("c", code).query(CommitteeRepository::committee).optional();
    }

    Committee committee(long id) {
        return jdbc.sql("select * from committee where id = :id").param("id", id).query(CommitteeRepository::committee).single();
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
                .query(CommitteeRepository::member).list();
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
                .param("c", committee).param("d", day).query(CommitteeRepository::member).list();
    }

    List<Committee.Member> members(long committee, LocalDate day) {
        return jdbc.sql("""
                select m.*, p.name, p.party, p.username from membership m join person p on p.id = m.person_id
                where m.committee_id = :c and m.deleted_at is null and coalesce(m.start_date, '-infinity'::date) <= :d
                  and coalesce(m.end_date, 'infinity'::date) >= :d
                order by array_position(array['CHAIRMAN', 'VICE_CHAIRMAN', 'MEMBER', 'SUBSTITUTE'], m.role), p.name""")
                .param("c", committee).param("d", day).query(CommitteeRepository::member).list();
    }

    /** Ends a seat on {@code end}; false if it ended already or is not on this committee. */
    boolean deleteMembership(long committee, long membership) {
        return jdbc.sql("update membership set deleted_at = now(), modified_at = now() where id = :id and committee_id = :c and deleted_at is null")
                .param("id", membership).param("c", committee).update() == 1;
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

    boolean endMembership(long committee, long membership, LocalDate end) {
        return jdbc.sql("""
                update membership set end_date = :e, modified_at = now() where id = :id and committee_id = :c and end_date is null and deleted_at is null
                  and coalesce(start_date, '-infinity'::date) <= :e""").param("e", end).param("id", membership).param("c", committee).update() == 1;
    }

    // The open-data API's reads: a page of a kind's ids, then its rows by id (those deleted too, as its tombstones).

    OpenData.Page committeePage(OpenData.Window w) {
        return page("committee", w);
    }

    OpenData.Page personPage(OpenData.Window w) {
        return page("person", w);
    }

    OpenData.Page membershipPage(OpenData.Window w) {
        return page("membership", w);
    }

    OpenData.Page termPage(OpenData.Window w) {
        return page("legislative_term", w);
    }

    private OpenData.Page page(String table, OpenData.Window w) {
        String rows = " from " + table + " t where (cast(:m as timestamptz) is null or t.modified_at >= :m)"
                + " and (cast(:c as timestamptz) is null or t.created_at >= :c)";
        long total = jdbc.sql("select count(*)" + rows).param("m", w.modifiedSince()).param("c", w.createdSince()).query(Long.class).single();
        List<Long> ids = jdbc.sql("select t.id" + rows + " order by t.id limit " + w.size() + " offset " + w.offset())
                .param("m", w.modifiedSince()).param("c", w.createdSince()).query(Long.class).list();
        return new OpenData.Page(total, ids);
    }

    List<OpenData.Organization> organizationRows(List<Long> ids) {
        return jdbc.sql("select * from committee where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Organization(rs.getLong("id"), stamps(rs), rs.getString("code"), rs.getString("name"),
                        Committee.Kind.valueOf(rs.getString("kind")))).list();
    }

    List<OpenData.Person> personRows(List<Long> ids) {
        return jdbc.sql("select * from person where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Person(rs.getLong("id"), stamps(rs), rs.getString("name"), rs.getString("party"))).list();
    }

    List<OpenData.Membership> membershipRows(List<Long> ids) {
        return jdbc.sql("select * from membership where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.Membership(rs.getLong("id"), stamps(rs), rs.getLong("person_id"), rs.getLong("committee_id"),
                        Committee.Role.valueOf(rs.getString("role")), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)))
                .list();
    }

    List<OpenData.LegislativeTerm> termRows(List<Long> ids) {
        return jdbc.sql("select * from legislative_term where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new OpenData.LegislativeTerm(rs.getLong("id"), stamps(rs), rs.getString("name"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class))).list();
    }

    /** Each committee's seats, deleted ones too, in the order they were made. */
    Map<Long, List<Long>> membershipsOfCommittees(List<Long> committees) {
        return children("select committee_id, id from membership where committee_id = any(:ids) order by id", committees);
    }

    /** Each person's seats, deleted ones too, in the order they were made. */
    Map<Long, List<Long>> membershipsOfPeople(List<Long> people) {
        return children("select person_id, id from membership where person_id = any(:ids) order by id", people);
    }

    private Map<Long, List<Long>> children(String sql, List<Long> parents) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        jdbc.sql(sql).param("ids", parents.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)));
        return out;
    }

    /** A row's created_at and modified_at, and its deleted_at if it was deleted. */
    static OpenData.Stamps stamps(ResultSet rs) throws SQLException {
        return new OpenData.Stamps(rs.getObject("created_at", OffsetDateTime.class), rs.getObject("modified_at", OffsetDateTime.class),
                rs.getObject("deleted_at", OffsetDateTime.class));
    }

    private static Committee committee(ResultSet rs, int n) throws SQLException {
        return new Committee(rs.getLong("id"), rs.getString("code"), rs.getString("name"), Committee.Kind.valueOf(rs.getString("kind")),
                rs.getString("terms_of_reference"), rs.getString("unit"));
    }

    private static Committee.Member member(ResultSet rs, int n) throws SQLException {
        return new Committee.Member(rs.getLong("id"), rs.getString("name"), rs.getString("party"), Committee.Role.valueOf(rs.getString("role")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getString("username"));
    }
}
