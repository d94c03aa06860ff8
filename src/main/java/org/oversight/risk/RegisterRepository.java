package org.oversight.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.oversight.shared.ConflictException;
import org.oversight.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The risk registers, each with its matrix (kept as JSON) and its place in the hierarchy. */
@Repository
class RegisterRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RegisterRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Corporate first, then directorates, then the rest, each by name. */
    List<Register> all() {
        return jdbc.sql("select * from risk_register order by case level when 'CORPORATE' then 0 when 'DIRECTORATE' then 1 else 2 end, name")
                .query(this::register).list();
    }

    Optional<Register> find(String code) {
        return jdbc.sql("select * from risk_register where code = :c").param("c", code).query(this::register).optional();
    }

    /** The register of a part of the council, by the structure's name for it. */
    Optional<Register> of(String unit) {
        return jdbc.sql("select * from risk_register where unit = :u order by id limit 1").param("u", unit).query(this::register).optional();
    }

    void renameUnit(String before, String after) {
        jdbc.sql("update risk_register set unit = :a where unit = :b").param("a", after).param("b", before).update();
    }

    Register get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("There is no risk register " + code));
    }

    Register get(long id) {
        return jdbc.sql("select * from risk_register where id = :id").param("id", id).query(this::register).single();
    }

    long insert(Register r) {
        return jdbc.sql("insert into risk_register (code, name, parent_id, level, unit, matrix) values (:c, :n, :p, :l, :u, cast(:m as jsonb)) returning id")
                .param("c", r.code()).param("n", r.name()).param("p", r.parentId()).param("l", r.level().name()).param("u", r.unit())
                .param("m", json.writeValueAsString(r.matrix())).query(Long.class).single();
    }

    void updateMatrix(long id, RiskMatrix matrix, int version) {
        if (jdbc.sql("update risk_register set matrix = cast(:m as jsonb), version = version + 1 where id = :id and version = :v")
                .param("m", json.writeValueAsString(matrix)).param("id", id).param("v", version).update() == 0) {
            throw new ConflictException("The register was changed by someone else after you opened it. Its matrix was not changed.");
        }
    }

    private Register register(ResultSet rs, int n) throws SQLException {
        Long parent = (Long) rs.getObject("parent_id");
        return new Register(rs.getLong("id"), rs.getString("code"), rs.getString("name"), parent,
                Register.Level.valueOf(rs.getString("level")), rs.getString("unit"), json.readValue(rs.getString("matrix"), RiskMatrix.class), rs.getInt("version"));
    }

    boolean none() {
        return jdbc.sql("select count(*) from risk_register").query(Integer.class).single() == 0;
    }
}
