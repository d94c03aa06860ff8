package org.oversight.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds dashboards from the stored figures and targets, and publishes (freezes) them. */
@Service
class Dashboards {

    /** How far back a monthly figure may be carried when the month itself has none (a month in arrears). */
    private static final int CARRY_MONTHS = 12;

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ApplicationEventPublisher events;

    /**
     * What was built since the last change, reused until the next. The change counter moves in the
     * same transaction as any change a dashboard shows (V6), so whoever reads the new number also
     * reads the change: nothing kept under an older number is served after it.
     */
    private final Map<Key, Object> built = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > 48;
        }
    });

    private record Key(long change, String what, YearMonth month, String directorate, String division) {
    }

    Dashboards(IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets, JdbcClient jdbc,
               NamedParameterJdbcTemplate batch, ApplicationEventPublisher events) {
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
    }

    /** What {@code build} makes for this scope, as made since the last change, else made now and kept. */
    @SuppressWarnings("unchecked")
    <T> T kept(String what, YearMonth month, String directorate, String division, Supplier<T> build) {
        long change = jdbc.sql("select counter from performance_change").query(Long.class).single();
        Key key = new Key(change, what, month, blank(directorate) ? "" : directorate, blank(division) ? "" : division);
        Object found = built.get(key);
        if (found == null) {
            found = build.get();
            built.put(key, found);
        }
        return (T) found;
    }

    YearMonth latestMonth() {
        return kept("latest", null, null, null, () -> observations.latestPeriod().orElse(YearMonth.now()));
    }

    /** The directorates and divisions there are, for choosing a scope. */
    record Scopes(SortedSet<String> directorates, SortedSet<String> divisions) {
    }

    Scopes scopes() {
        return kept("scopes", null, null, null, () -> {
            List<Indicator> all = indicators.findAll(false);
            return new Scopes(Collections.unmodifiableSortedSet(new TreeSet<>(all.stream().map(Indicator::directorate).filter(Objects::nonNull).toList())),
                    Collections.unmodifiableSortedSet(new TreeSet<>(all.stream().map(Indicator::division).filter(Objects::nonNull).toList())));
        });
    }

    /** The live dashboard: today's figures and targets, with the frozen ratings of a publication beside them. */
    Dashboard build(YearMonth month, String directorate, String division) {
        return kept("live", month, directorate, division, () -> assemble(month, directorate, division));
    }

    private Dashboard assemble(YearMonth month, String directorate, String division) {
        List<Indicator> scope = indicators.findAll(false).stream()
                .filter(i -> blank(directorate) || directorate.equals(i.directorate()))
                .filter(i -> blank(division) || division.equals(i.division()))
                .toList();
        List<Long> ids = scope.stream().map(Indicator::id).toList();
        Map<Long, List<Observation>> figures = observations.findBetween(ids, month.minusMonths(CARRY_MONTHS + 12), month).stream()
                .collect(Collectors.groupingBy(Observation::indicatorId));
        Map<Long, Targets> standards = targets.forIndicators(ids);
        Map<Long, BigDecimal> outturns = targets.outturns(ids, FinancialYear.of(month).previous().startYear());
        Optional<Dashboard.Publication> publication = publication(month, directorate);
        Map<Long, Dashboard.Frozen> frozen = new HashMap<>();
        publication.ifPresent(p -> frozenLines(p.id()).forEach(l -> frozen.put(l.indicator().id(), l.frozen())));
        List<Dashboard.Line> lines = scope.stream()
                .map(i -> line(i, standards.getOrDefault(i.id(), Targets.NONE), figures.getOrDefault(i.id(), List.of()),
                        month, outturns.get(i.id()), frozen.get(i.id())))
                .filter(Dashboards::belongsToMonth)
                .toList();
        return dashboard(month, directorate, division, lines, publication.orElse(null));
    }

    /**
     * The dashboard exactly as it was published: its lines, values, ratings and counts as frozen,
     * whatever has changed since. Empty when the month (for that scope) was not published.
     */
    Optional<Dashboard> asPublished(YearMonth month, String directorate, String division) {
        return kept("published", month, directorate, division, () -> frozen(month, directorate, division));
    }

    private Optional<Dashboard> frozen(YearMonth month, String directorate, String division) {
        return publication(month, directorate).map(p -> dashboard(month, directorate, division, frozenLines(p.id()).stream()
                .filter(l -> blank(directorate) || directorate.equals(l.indicator().directorate()))
                .filter(l -> blank(division) || division.equals(l.indicator().division()))
                .toList(), p));
    }

    private static Dashboard dashboard(YearMonth month, String directorate, String division, List<Dashboard.Line> lines,
                                       Dashboard.Publication publication) {
        return new Dashboard(month, directorate, division, lines, Dashboard.Counts.of(lines),
                countsBy(lines, Indicator::directorate), countsBy(lines, Indicator::division), countsBy(lines, Indicator::portfolio),
                publication);
    }

    /** One indicator's line: the latest figure at or before the month, rated against that figure's month. */
    static Dashboard.Line line(Indicator indicator, Targets t, List<Observation> history, YearMonth month,
                               BigDecimal outturn, Dashboard.Frozen frozen) {
        Observation figure = null;
        Observation before = null;
        for (Observation o : history) {
            if (o.value() == null || o.period().isAfter(month) || o.period().isBefore(month.minusMonths(CARRY_MONTHS))) {
                continue;
            }
            if (figure == null || o.period().isAfter(figure.period())) {
                figure = o;
            }
        }
        if (figure != null) {
            for (Observation o : history) {
                if (o.value() != null && o.period().isBefore(figure.period()) && (before == null || o.period().isAfter(before.period()))) {
                    before = o;
                }
            }
        }
        YearMonth period = figure == null ? month : figure.period();
        Targets.Standard standard = indicator.kind() == Indicator.Kind.KPI ? t.forMonth(period) : Targets.Standard.NONE;
        BigDecimal value = figure == null ? null : figure.value();
        Polarity polarity = indicator.kind() == Indicator.Kind.KPI ? indicator.polarity() : null;
        RagRule.Rating rating = RagRule.rate(polarity, value, standard.target(), standard.floor(), standard.tolerance(), indicator.unit());
        Targets.Threshold threshold = indicator.kind() == Indicator.Kind.ACTIVITY ? t.thresholdFor(period) : null;
        return new Dashboard.Line(indicator, figure == null ? null : period, figure, standard,
                before == null ? null : before.value(), outturn, rating,
                RagRule.direction(polarity, value, before == null ? null : before.value(), standard.target()),
                RagRule.direction(polarity, value, outturn, standard.target()),
                threshold, threshold == null ? null : ActivityRange.of(value, threshold.lower(), threshold.upper()), frozen, false);
    }

    /** An indicator with no figure, target or range for the month (another year's plan) is left off. */
    private static boolean belongsToMonth(Dashboard.Line l) {
        return l.figure() != null || l.standard().target() != null || l.threshold() != null || l.frozen() != null;
    }

    /** One month of an indicator's history, rated on its own figure. */
    record MonthRating(YearMonth month, Observation figure, Targets.Standard standard, RagRule.Rating rating) {
        public BigDecimal value() {
            return figure == null ? null : figure.value();
        }

        public boolean discrepancy() {
            return figure != null && figure.publishedRag() != null && figure.publishedRag() != rating.rag();
        }
    }

    /** The months from {@code first} to {@code last}, each with its own figure and target. */
    static List<MonthRating> history(Indicator i, Targets t, List<Observation> figures, YearMonth first, YearMonth last) {
        Map<YearMonth, Observation> byMonth = figures.stream().collect(Collectors.toMap(Observation::period, o -> o));
        Polarity polarity = i.kind() == Indicator.Kind.KPI ? i.polarity() : null;
        List<MonthRating> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Observation o = byMonth.get(m);
            Targets.Standard s = i.kind() == Indicator.Kind.KPI ? t.forMonth(m) : Targets.Standard.NONE;
            out.add(new MonthRating(m, o, s, RagRule.rate(polarity, o == null ? null : o.value(), s.target(), s.floor(), s.tolerance(), i.unit())));
        }
        return out;
    }

    private static Map<String, Dashboard.Counts> countsBy(List<Dashboard.Line> lines, Function<Indicator, String> key) {
        Map<String, List<Dashboard.Line>> groups = new TreeMap<>();
        for (Dashboard.Line l : lines) {
            groups.computeIfAbsent(Objects.requireNonNullElse(key.apply(l.indicator()), "(none)"), k -> new ArrayList<>()).add(l);
        }
        Map<String, Dashboard.Counts> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, Dashboard.Counts.of(v)));
        return out;
    }

    record Published(YearMonth month, String directorate) {
    }

    /** Every published dashboard, newest first: what the public may read. */
    List<Published> published() {
        return jdbc.sql("select period, directorate from publication order by period desc, directorate")
                .query((rs, n) -> new Published(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getString(2))).list();
    }

    /**
     * The dashboard as the current user may see it: the public sees only a published one, so
     * empty when the month (for that directorate) has not been published.
     */
    Optional<Dashboard> visible(YearMonth month, String directorate, String division, boolean seesDrafts) {
        return seesDrafts ? Optional.of(build(month, directorate, division)) : asPublished(month, directorate, division);
    }

    /** The month's publication for the scope; a directorate's view falls back on the whole council's. */
    Optional<Dashboard.Publication> publication(YearMonth month, String directorate) {
        String scope = Objects.requireNonNullElse(directorate, "");
        List<Dashboard.Publication> found = jdbc.sql("""
                select id, published_by, published_at, directorate from publication where period = :p and directorate in (:d, '')
                order by directorate desc""")
                .param("p", month.atDay(1)).param("d", scope)
                .query((rs, n) -> new Dashboard.Publication(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
        return found.stream().findFirst();
    }

    /** A publication's lines as they were frozen: the indicator as it then stood, its figure, rating and direction. */
    private List<Dashboard.Line> frozenLines(long publicationId) {
        return jdbc.sql("select * from published_rating where publication_id = :p order by indicator_id").param("p", publicationId)
                .query((rs, n) -> {
                    LocalDate fp = rs.getObject("figure_period", LocalDate.class);
                    Indicator i = new Indicator(rs.getLong("indicator_id"), rs.getString("ref"), rs.getString("title"), null,
                            rs.getString("section"), Indicator.Kind.valueOf(rs.getString("kind")),
                            rs.getString("polarity") == null ? null : Polarity.valueOf(rs.getString("polarity")), rs.getString("unit"),
                            rs.getInt("decimals"), rs.getString("data_period"), Indicator.Frequency.MONTHLY, null, null, null,
                            rs.getString("portfolio"), rs.getString("directorate"), rs.getString("division"), false, false, true, 0);
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
                }).list();
    }

    private static Direction direction(String name) {
        return name == null ? null : Direction.valueOf(name);
    }

    /** Freezes the month's ratings for the whole council ('') or a directorate, in one transaction. */
    @Transactional
    long publish(YearMonth month, String directorate, String user) {
        String scope = Objects.requireNonNullElse(directorate, "");
        if (!month.isBefore(YearMonth.now())) {
            throw new InputException("month", month + " is not over yet: a month's dashboard is published after it ends");
        }
        if (!scope.isEmpty() && !scopes().directorates().contains(scope)) {
            throw new InputException("directorate", "there is no directorate '" + scope + "' among the indicators");
        }
        jdbc.sql("select 1 from publication where period = :p and directorate = :d").param("p", month.atDay(1)).param("d", scope)
                .query(Integer.class).optional().ifPresent(x -> {
                    throw new InputException("month", "the " + month + " dashboard" + (scope.isEmpty() ? "" : " for " + scope) + " was already published");
                });
        Dashboard d = build(month, scope, null);
        long id = jdbc.sql("insert into publication (period, directorate, published_by) values (:p, :d, :u) returning id")
                .param("p", month.atDay(1)).param("d", scope).param("u", user).query(Long.class).single();
        batch.batchUpdate("""
                insert into published_rating (publication_id, indicator_id, figure_period, value, target, floor_value, rag, reason,
                    dot_previous, dot_outturn, ref, title, kind, polarity, unit, decimals, section, data_period, directorate, division,
                    portfolio, previous, outturn, tolerance, lower_bound, upper_bound, activity_range)
                values (:pub, :i, :fp, :v, :t, :f, :rag, :reason, :dp, :do, :ref, :title, :kind, :polarity, :unit, :decimals, :section,
                    :dataPeriod, :directorate, :division, :portfolio, :previous, :outturn, :tolerance, :lower, :upper, :range)""",
                d.lines().stream().map(l -> frozenRow(id, l)).toArray(SqlParameterSource[]::new));
        events.publishEvent(new DashboardPublished(month, scope, id, d.lines().size(), d.total().rag()));
        return id;
    }

    private static SqlParameterSource frozenRow(long publication, Dashboard.Line l) {
        Indicator i = l.indicator();
        return new MapSqlParameterSource().addValue("pub", publication).addValue("i", i.id())
                .addValue("fp", l.figurePeriod() == null ? null : l.figurePeriod().atDay(1))
                .addValue("v", l.value()).addValue("t", l.standard().target()).addValue("f", l.standard().floor())
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
                .addValue("range", l.range() == null ? null : l.range().name());
    }

    /** The dashboard as scorecard rows, for export. */
    static List<ScorecardRow> scorecard(Dashboard d) {
        return d.lines().stream().map(l -> {
            Indicator i = l.indicator();
            Observation o = l.figure();
            Polarity polarity = i.kind() == Indicator.Kind.KPI ? i.polarity() : null;
            return new ScorecardRow(i.ref(), i.title(), i.section(), polarity, i.dataPeriod(), i.unit(),
                    l.shownValue(), o == null ? null : o.numerator(), o == null ? null : o.denominator(),
                    l.standard().target(), l.standard().floor(), l.standard().tolerance(), l.previous(), l.outturn(),
                    l.frozen() != null ? l.frozen().rag() == Rag.NOT_RATED ? null : l.frozen().rag() : l.publishedRag());
        }).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
