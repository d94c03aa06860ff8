package org.oversight.performance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.oversight.shared.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ObservationRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ObservationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A new figure or a change; {@code expectedVersion} is null for a figure not entered before. */
    record Edit(long indicatorId, YearMonth period, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                boolean provisional, String commentary, Rag publishedRag, Integer expectedVersion) {
    }

    /** One stored figure as the re-rating check reads it. */
    record Stored(long indicatorId, YearMonth period, BigDecimal value, Rag publishedRag) {
    }

    /**
     * Every stored figure of one of {@code parts} shares of the indicators (by id), streamed from a
     * cursor so that a council's whole history never sits in memory. Run inside a transaction.
     */
    void forEachStored(int part, int parts, Consumer<Stored> each) {
        batch.getJdbcTemplate().query(con -> {
            var ps = con.prepareStatement("select indicator_id, period, value, published_rag from observation where indicator_id % ? = ?");
            ps.setFetchSize(10_000);
            ps.setInt(1, parts);
            ps.setInt(2, part);
            return ps;
        }, (ResultSet rs) -> {
            String pub = rs.getString(4);
            each.accept(new Stored(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getBigDecimal(3),
                    pub == null ? null : Rag.valueOf(pub)));
        });
    }

    List<Observation> findBetween(Collection<Long> indicatorIds, YearMonth from, YearMonth to) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from observation where indicator_id in (:ids) and period between :from and :to order by indicator_id, period")
                .param("ids", indicatorIds).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(ObservationRepository::map).list();
    }

    Optional<Observation> find(long indicatorId, YearMonth period) {
        return jdbc.sql("select * from observation where indicator_id = :i and period = :p")
                .param("i", indicatorId).param("p", period.atDay(1)).query(ObservationRepository::map).optional();
    }

    Optional<YearMonth> latestPeriod() {
        return jdbc.sql("select max(period) from observation").query(LocalDate.class).optional().map(YearMonth::from);
    }

    record Revision(BigDecimal value, BigDecimal numerator, BigDecimal denominator, boolean provisional, String commentary,
                    String enteredBy, OffsetDateTime enteredAt, String replacedBy, OffsetDateTime replacedAt, YearMonth period) {
    }

    List<Revision> revisions(long indicatorId) {
        return jdbc.sql("""
                select r.*, o.period from observation_revision r join observation o on o.id = r.observation_id
                where o.indicator_id = :i order by r.replaced_at desc, r.id desc""").param("i", indicatorId)
                .query((rs, n) -> new Revision(rs.getBigDecimal("value"), rs.getBigDecimal("numerator"),
                        rs.getBigDecimal("denominator"), rs.getBoolean("provisional"), rs.getString("commentary"),
                        rs.getString("entered_by"), rs.getObject("entered_at", OffsetDateTime.class), rs.getString("replaced_by"),
                        rs.getObject("replaced_at", OffsetDateTime.class), YearMonth.from(rs.getObject("period", LocalDate.class))))
                .list();
    }

    /** Saves one figure; see {@link #saveAll}. */
    void save(Edit e, String user) {
        saveAll(List.of(e), user);
    }

    /**
     * Saves figures in three batched statements whatever their number. A change first copies the
     * old figure into observation_revision, then updates only if the version is still the one the
     * user saw; a new figure is inserted only if none has appeared. The first edit that finds
     * otherwise is a conflict, and the caller's transaction writes none of them.
     */
    void saveAll(List<Edit> edits, String user) {
        List<Edit> created = edits.stream().filter(e -> e.expectedVersion() == null).toList();
        List<Edit> changed = edits.stream().filter(e -> e.expectedVersion() != null).toList();
        refuseMisses(created, batch.batchUpdate("""
                insert into observation (indicator_id, period, value, numerator, denominator, provisional, commentary, published_rag, entered_by)
                values (:i, :p, :value, :num, :den, :prov, :commentary, :pub, :user) on conflict (indicator_id, period) do nothing""",
                params(created, user)));
        batch.batchUpdate("""
                insert into observation_revision (observation_id, value, numerator, denominator, provisional, commentary, entered_by, entered_at, replaced_by)
                select id, value, numerator, denominator, provisional, commentary, entered_by, entered_at, :user
                from observation where indicator_id = :i and period = :p and version = :v""", params(changed, user));
        refuseMisses(changed, batch.batchUpdate("""
                update observation set value = :value, numerator = :num, denominator = :den, provisional = :prov,
                    commentary = :commentary, published_rag = coalesce(:pub, published_rag), entered_by = :user,
                    entered_at = now(), version = version + 1
                where indicator_id = :i and period = :p and version = :v""", params(changed, user)));
    }

    private void refuseMisses(List<Edit> edits, int[] counts) {
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw conflict(edits.get(k));
            }
        }
    }

    private ConflictException conflict(Edit e) {
        String who = find(e.indicatorId(), e.period())
                .map(o -> o.enteredBy() + " saved " + (o.value() == null ? "no figure" : o.value().toPlainString())
                        + " at " + o.enteredAt().toLocalDateTime().withNano(0))
                .orElse("someone else removed it");
        return new ConflictException("The figure for " + e.period() + " was changed after you opened it (" + who
                + "). Your change was not saved: check the current figure and enter yours again.");
    }

    private static SqlParameterSource[] params(List<Edit> edits, String user) {
        return edits.stream().map(e -> new MapSqlParameterSource(params(e, user))).toArray(SqlParameterSource[]::new);
    }

    private static Map<String, Object> params(Edit e, String user) {
        var m = new HashMap<String, Object>();
        m.put("i", e.indicatorId());
        m.put("p", e.period().atDay(1));
        m.put("value", e.value());
        m.put("num", e.numerator());
        m.put("den", e.denominator());
        m.put("prov", e.provisional());
        m.put("commentary", e.commentary());
        m.put("pub", e.publishedRag() == null ? null : e.publishedRag().name());
        m.put("v", e.expectedVersion());
        m.put("user", user);
        return m;
    }

    static Observation map(ResultSet rs, int row) throws SQLException {
        String pub = rs.getString("published_rag");
        return new Observation(rs.getLong("id"), rs.getLong("indicator_id"), YearMonth.from(rs.getObject("period", LocalDate.class)),
                rs.getBigDecimal("value"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
                rs.getBoolean("provisional"), rs.getString("commentary"), pub == null ? null : Rag.valueOf(pub),
                rs.getString("entered_by"), rs.getObject("entered_at", OffsetDateTime.class), rs.getInt("version"));
    }
}
