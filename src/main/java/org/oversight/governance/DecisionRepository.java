package org.oversight.governance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decisions as stored, from the forward plan to implementation. */
@Repository
class DecisionRepository {

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean decisionExists(String number) {
        return jdbc.sql("select exists (select 1 from decision where number = :n)").param("n", number).query(Boolean.class).single();
    }
}
