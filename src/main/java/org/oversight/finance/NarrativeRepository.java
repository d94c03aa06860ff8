package org.oversight.finance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each portfolio says of its month. */
@Repository
class NarrativeRepository {

    private final JdbcClient jdbc;

    NarrativeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a portfolio says of its month: the reasons for its variance, the actions required, the implications for the MTFP, the roll-forward proposals. */
    record Narrative(String reasons, String actions, String mtfp, String rollForwards, int version) {

        /** The parts as the page and the report head them, in their order. */
        static final Map<String, String> LABELS = labels();

        private static Map<String, String> labels() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("reasons", "Main reasons for the variance");
            m.put("actions", "Actions required");
            m.put("mtfp", "Implications for the medium-term financial plan");
            m.put("rollForwards", "Roll-forward proposals");
            return Collections.unmodifiableMap(m);
        }

        /** Each part by its key (none when not written). */
        Map<String, String> parts() {
            Map<String, String> m = new HashMap<>();
            m.put("reasons", reasons);
            m.put("actions", actions);
            m.put("mtfp", mtfp);
            m.put("rollForwards", rollForwards);
            return m;
        }
    }

    Optional<Narrative> narrative(long heading, YearMonth month) {
        return jdbc.sql("select * from budget_narrative where heading_id = :h and month = :m").param("h", heading).param("m", month.atDay(1))
                .query((rs, n) -> narrative(rs)).optional();
    }

    Map<Long, Narrative> narratives(YearMonth month) {
        Map<Long, Narrative> out = new HashMap<>();
        jdbc.sql("select * from budget_narrative where month = :m").param("m", month.atDay(1)).query(rs -> {
            out.put(rs.getLong("heading_id"), narrative(rs));
        });
        return out;
    }

    private static Narrative narrative(ResultSet rs) throws SQLException {
        return new Narrative(rs.getString("reasons"), rs.getString("actions"), rs.getString("mtfp"), rs.getString("roll_forwards"), rs.getInt("version"));
    }

    /** Saves the narrative as read at {@code n.version()} (-1: there was none); false if someone saved it since. */
    boolean saveNarrative(long heading, YearMonth month, Narrative n, String user) {
        if (n.version() < 0) {
            return jdbc.sql("""
                    insert into budget_narrative (heading_id, month, reasons, actions, mtfp, roll_forwards, entered_by) values (:h, :m, :r, :a, :t, :f, :u)
                    on conflict do nothing""").param("h", heading).param("m", month.atDay(1)).param("r", n.reasons()).param("a", n.actions())
                    .param("t", n.mtfp()).param("f", n.rollForwards()).param("u", user).update() == 1;
        }
        return jdbc.sql("""
                update budget_narrative set reasons = :r, actions = :a, mtfp = :t, roll_forwards = :f, entered_by = :u, modified_at = now(), version = version + 1
                where heading_id = :h and month = :m and version = :v""").param("h", heading).param("m", month.atDay(1)).param("r", n.reasons())
                .param("a", n.actions()).param("t", n.mtfp()).param("f", n.rollForwards()).param("u", user).param("v", n.version()).update() == 1;
    }
}
