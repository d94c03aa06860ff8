package org.oversight.structure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.oversight.shared.ConflictException;
import org.oversight.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The council's units, the names each answers to and their history. */
@Repository
class UnitRepository {

    /** A name as the unit table holds it: the unit it belongs to and what kind of name it is. */
    record Name(long unitId, String name, String kind, LocalDate until) {
    }

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String councilName(String authority) {
        return jdbc.sql("select name from council where key = :a").param("a", authority).query(String.class).single();
    }

    void nameCouncil(String authority, String name) {
        jdbc.sql("update council set name = :n where key = :a and name <> :n").param("n", name).param("a", authority).update();
    }

    List<Unit> all(String authority) {
        return jdbc.sql("select * from council_unit where authority = :a order by kind, name").param("a", authority).query(UnitRepository::unit).list();
    }

    Optional<Unit> find(String authority, long id) {
        return jdbc.sql("select * from council_unit where authority = :a and id = :id").param("a", authority).param("id", id)
                .query(UnitRepository::unit).optional();
    }

    Unit get(String authority, long id) {
        return find(authority, id).orElseThrow(() -> new NotFoundException("There is no unit " + id + " in the council's structure."));
    }

    List<Name> names(String authority) {
        return jdbc.sql("select unit_id, name, kind, until from council_unit_name where authority = :a order by unit_id, kind, lower(name)")
                .param("a", authority)
                .query((rs, n) -> new Name(rs.getLong("unit_id"), rs.getString("name"), rs.getString("kind"), rs.getObject("until", LocalDate.class)))
                .list();
    }

    long insert(Unit u) {
        return jdbc.sql("""
                        insert into council_unit (authority, kind, parent_id, name, short_name, cabinet_member, corporate_director, opened_on)
                        values (:a, :k, :p, :n, :s, :m, :d, :o) returning id""")
                .param("a", u.authority()).param("k", u.kind().name()).param("p", u.parentId()).param("n", u.name())
                .param("s", u.shortName()).param("m", u.cabinetMember()).param("d", u.corporateDirector()).param("o", u.openedOn())
                .query(Long.class).single();
    }

    void update(Unit u) {
        if (jdbc.sql("""
                        update council_unit set parent_id = :p, name = :n, short_name = :s, cabinet_member = :m, corporate_director = :d,
                               closed_on = :c, version = version + 1
                        where id = :id and version = :v""")
                .param("p", u.parentId()).param("n", u.name()).param("s", u.shortName()).param("m", u.cabinetMember())
                .param("d", u.corporateDirector()).param("c", u.closedOn()).param("id", u.id()).param("v", u.version()).update() == 0) {
            throw new ConflictException("“" + u.name() + "” was changed by someone else after you opened it. Nothing was saved: open it again.");
        }
    }

    /** Every name but the former ones is written afresh; a former name is history and stays. */
    void replaceNames(Unit u, List<String> aliases) {
        jdbc.sql("delete from council_unit_name where unit_id = :id and kind <> 'FORMER'").param("id", u.id()).update();
        jdbc.sql("delete from council_unit_name where unit_id = :id and kind = 'FORMER' and lower(name) = lower(:n)")
                .param("id", u.id()).param("n", u.name()).update();
        addName(u, u.name(), "NAME", null);
        if (u.shortName() != null && !u.shortName().equalsIgnoreCase(u.name())) {
            addName(u, u.shortName(), "SHORT", null);
        }
        for (String alias : aliases) {
            addName(u, alias, "ALIAS", null);
        }
    }

    void addName(Unit u, String name, String kind, LocalDate until) {
        jdbc.sql("insert into council_unit_name (authority, name, unit_id, kind, until) values (:a, :n, :u, :k, :t)")
                .param("a", u.authority()).param("n", name).param("u", u.id()).param("k", kind).param("t", until).update();
    }

    void record(long unitId, LocalDate effective, String what, String before, String after, String by) {
        jdbc.sql("insert into council_unit_change (unit_id, effective, what, before, after, by_user) values (:u, :e, :w, :b, :a, :by)")
                .param("u", unitId).param("e", effective).param("w", what).param("b", before).param("a", after).param("by", by).update();
    }

    List<UnitChange> history(long unitId) {
        return jdbc.sql("select * from council_unit_change where unit_id = :u order by effective, id").param("u", unitId)
                .query((rs, n) -> new UnitChange(rs.getObject("effective", LocalDate.class), rs.getString("what"), rs.getString("before"),
                        rs.getString("after"), rs.getString("by_user"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static Unit unit(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("authority"), Unit.Kind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("parent_id"), rs.getString("name"), rs.getString("short_name"), rs.getString("cabinet_member"),
                rs.getString("corporate_director"), rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getInt("version"));
    }
}
