package org.oversight.performance;

import java.math.BigDecimal;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Publications (frozen dashboards) and their ratings, and the counter of changes a dashboard shows. */
@Repository
class PublicationRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    PublicationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Moves in the same transaction as any change a dashboard shows (V6 triggers). */
    long changeCounter() {
        return jdbc.sql("select counter from performance_change").query(Long.class).single();
    }

    /** Every published dashboard, newest first. */
    List<Dashboards.Published> published() {
        return jdbc.sql("select distinct period, directorate from publication order by period desc, directorate")
                .query((rs, n) -> new Dashboards.Published(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getString(2))).list();
    }

    /** The month's publication for the scope, its latest version; a directorate's view falls back on the whole council's. */
    Optional<Dashboard.Publication> find(YearMonth month, String scope) {
        return jdbc.sql("""
                select id, published_by, published_at, directorate from publication where period = :p and directorate in (:d, '')
                order by directorate desc, version desc limit 1""")
                .param("p", month.atDay(1)).param("d", scope)
                .query((rs, n) -> new Dashboard.Publication(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    boolean exists(YearMonth month, String scope) {
        return jdbc.sql("select 1 from publication where period = :p and directorate = :d").param("p", month.atDay(1)).param("d", scope)
                .query(Integer.class).optional().isPresent();
    }

    /** A publication's lines as they were frozen: the indicator as it then stood, its figure, rating and direction. */
    List<Dashboard.Line> lines(long publicationId) {
        return jdbc.sql("select * from published_rating where publication_id = :p order by indicator_id").param("p", publicationId)
                .query(PublicationRepository::frozenLine).list();
    }

    /**
     * One indicator as published, month by month, newest first: up to {@code months} publications
     * at or before {@code last}, the whole council's where a month has one, else its directorate's.
     */
    List<Published> history(long indicatorId, YearMonth last, int months) {
        return jdbc.sql("""
                select * from (select distinct on (p.period) p.period as published_period, p.published_at as published_at, r.*
                               from published_rating r join publication p on p.id = r.publication_id
                               where r.indicator_id = :i and p.period <= :last
                               order by p.period desc, p.directorate, p.version desc) h
                order by published_period desc limit :n""")
                .param("i", indicatorId).param("last", last.atDay(1)).param("n", months)
                .query((rs, n) -> new Published(YearMonth.from(rs.getObject("published_period", LocalDate.class)),
                        rs.getObject("published_at", OffsetDateTime.class), frozenLine(rs, n))).list();
    }

    /** A month's publication of one indicator. */
    record Published(YearMonth month, OffsetDateTime at, Dashboard.Line line) {
    }

    private static Dashboard.Line frozenLine(ResultSet rs, int n) throws SQLException {
        LocalDate fp = rs.getObject("figure_period", LocalDate.class);
        Indicator i = new Indicator(rs.getLong("indicator_id"), rs.getString("ref"), rs.getString("title"), rs.getString("definition"),
                rs.getString("section"), Indicator.Kind.valueOf(rs.getString("kind")),
                rs.getString("polarity") == null ? null : Polarity.valueOf(rs.getString("polarity")), rs.getString("unit"),
                rs.getInt("decimals"), rs.getString("data_period"), Indicator.Frequency.MONTHLY, null, null, null,
                rs.getString("portfolio"), rs.getString("directorate"), rs.getString("division"), rs.getBoolean("in_qpr"), rs.getBoolean("in_divmt"), true, 0);
        Dashboard.Frozen f = new Dashboard.Frozen(fp == null ? null : YearMonth.from(fp), rs.getBigDecimal("value"),
                rs.getBigDecimal("target"), rs.getBigDecimal("floor_value"), Rag.valueOf(rs.getString("rag")), rs.getString("reason"));
        BigDecimal lower = rs.getBigDecimal("lower_bound");
        String range = rs.getString("activity_range");
        return new Dashboard.Line(i, f.figurePeriod(), null,
                new Targets.Standard(f.target(), f.floor(), rs.getBigDecimal("tolerance"), false),
                rs.getBigDecimal("previous"), rs.getBigDecimal("outturn"), new RagRule.Rating(f.rag(), f.reason()),
                direction(rs.getString("dot_previous")), direction(rs.getString("dot_outturn")),
                lower == null ? null : new Targets.Threshold(0, 0, lower, rs.getBigDecimal("upper_bound")),
                range == null ? null : ActivityRange.valueOf(range), f, true);
    }

    private static Direction direction(String name) {
        return name == null ? null : Direction.valueOf(name);
    }

    /** A new publication (the next version of the month's for the scope) with its lines frozen, in one batch. */
    long insert(YearMonth month, String scope, String user, List<Dashboard.Line> lines) {
        long id;
        try {
            id = jdbc.sql("""
                    insert into publication (period, directorate, published_by, version)
                    values (:p, :d, :u, (select coalesce(max(version), 0) + 1 from publication where period = :p and directorate = :d)) returning id""")
                    .param("p", month.atDay(1)).param("d", scope).param("u", user).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // Two people publishing the same month at once: the second is told, as if they had been a moment later.
            throw new ConflictException("The " + DisplayFormat.monthName(month) + " dashboard" + (scope.isEmpty() ? "" : " for " + scope)
                    + " was published by someone else a moment ago.");
        }
        batch.batchUpdate("""
                insert into published_rating (publication_id, indicator_id, figure_period, value, target, floor_value, rag, reason,
                    dot_previous, dot_outturn, ref, title, kind, polarity, unit, decimals, section, data_period, directorate, division,
                    portfolio, previous, outturn, tolerance, lower_bound, upper_bound, activity_range, in_qpr, in_divmt, definition)
                values (:pub, :i, :fp, :v, :t, :f, :rag, :reason, :dp, :do, :ref, :title, :kind, :polarity, :unit, :decimals, :section,
                    :dataPeriod, :directorate, :division, :portfolio, :previous, :outturn, :tolerance, :lower, :upper, :range, :qpr, :divmt, :definition)""",
                lines.stream().map(l -> frozenRow(id, l)).toArray(SqlParameterSource[]::new));
        return id;
    }

    private static SqlParameterSource frozenRow(long publication, Dashboard.Line l) {
        Indicator i = l.indicator();
        return new MapSqlParameterSource().addValue("pub", publication).addValue("i", i.id())
                .addValue("fp", l.figurePeriod() == null ? null : l.figurePeriod().atDay(1))
                .addValue("v", l.shownValue()).addValue("t", l.standard().target()).addValue("f", l.standard().floor())
                .addValue("rag", l.rating().rag().name()).addValue("reason", l.rating().reason())
                .addValue("dp", l.dotPrevious() == null ? null : l.dotPrevious().name())
                .addValue("do", l.dotOutturn() == null ? null : l.dotOutturn().name())
                .addValue("ref", i.ref()).addValue("title", i.title()).addValue("kind", i.kind().name())
                .addValue("polarity", i.polarity() == null ? null : i.polarity().name()).addValue("unit", i.unit()).addValue("decimals", i.decimals())
                .addValue("section", i.section()).addValue("dataPeriod", i.dataPeriod()).addValue("directorate", i.directorate())
                .addValue("division", i.division()).addValue("portfolio", i.portfolio()).addValue("previous", l.previous())
                .addValue("outturn", l.outturn()).addValue("tolerance", l.standard().tolerance())
                .addValue("lower", l.threshold() == null ? null : l.threshold().lower())
                .addValue("upper", l.threshold() == null ? null : l.threshold().upper())
                .addValue("range", l.range() == null ? null : l.range().name())
                .addValue("qpr", i.inQpr()).addValue("divmt", i.inDivmt()).addValue("definition", i.definition());
    }
}
