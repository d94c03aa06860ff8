package org.oversight.delays;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The adult population as stored, a year at a time. */
@Repository
class PopulationRepository {

    private final JdbcClient jdbc;

    PopulationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Population> population(int year) {
        return jdbc.sql("select * from delay_population where year = :y").param("y", year)
                .query((rs, n) -> new Population(rs.getInt("year"), rs.getBigDecimal("adults"), rs.getString("source"))).optional();
    }

    void save(Population p, String user) {
        jdbc.sql("""
                insert into delay_population (year, adults, source, entered_by) values (:y, :a, :s, :u)
                on conflict (year) do update set adults = excluded.adults, source = excluded.source, entered_by = excluded.entered_by, modified_at = now()""")
                .param("y", p.year()).param("a", p.adults()).param("s", p.source()).param("u", user).update();
    }
}
