package org.oversight.performance;

import java.math.BigDecimal;
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
import org.oversight.shared.KeptUntilChange;
import org.oversight.structure.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Builds dashboards from the stored figures and targets, and freezes them as their paper is published (the only way a month is published). */
@Service
class Dashboards {

    /** How far back a monthly figure may be carried when the month itself has none (a month in arrears). */
    private static final int CARRY_MONTHS = 12;

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final PublicationRepository publications;
    private final ApplicationEventPublisher events;

    /** Dashboards built since the last change to what they show (V6's counter), reused until the next. */
    private final KeptUntilChange built = new KeptUntilChange(48);

    private record Key(String what, YearMonth month, String directorate, String division) {
    }

    /** Any name a part of the council answers to today (ASCH) is read as its one name. */
    private final Units units;

    Dashboards(IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets,
               PublicationRepository publications, ApplicationEventPublisher events, Units units) {
        this.units = units;
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.publications = publications;
        this.events = events;
    }

    /** What {@code build} makes for this scope, as made since the last change, else made now and kept. */
    <T> T kept(String what, YearMonth month, String directorate, String division, Supplier<T> build) {
        return built.get(publications.changeCounter(), new Key(what, month, blank(directorate) ? "" : directorate, blank(division) ? "" : division), build);
    }

    /** The one name of the part of the council written so (ASCH: Adult Social Care and Health); anything else as written. */
    String current(String written) {
        return units.current(written);
    }

    /** The month asked for, or when none, the latest month with figures. */
    YearMonth orLatest(YearMonth month) {
        return month == null ? latestMonth() : month;
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
        String d = units.current(directorate), v = units.current(division);
        return kept("live", month, d, v, () -> assemble(month, d, v, true));
    }

    /** Today's figures and targets alone, as publishing the month now would freeze them: what a paper's draft shows. */
    Dashboard draft(YearMonth month, String directorate, String division) {
        return kept("draft", month, directorate, division, () -> assemble(month, directorate, division, false));
    }

    private Dashboard assemble(YearMonth month, String directorate, String division, boolean withPublished) {
        List<Indicator> scope = indicators.findAll(false).stream()
                .filter(i -> blank(directorate) || directorate.equals(i.directorate()))
                .filter(i -> blank(division) || division.equals(i.division()))
                .toList();
        List<Long> ids = scope.stream().map(Indicator::id).toList();
        Map<Long, List<Observation>> figures = observations.findBetween(ids, month.minusMonths(CARRY_MONTHS + 12), month).stream()
                .collect(Collectors.groupingBy(Observation::indicatorId));
        Map<Long, Targets> standards = targets.forIndicators(ids);
        Map<Long, BigDecimal> outturns = targets.outturns(ids, FinancialYear.of(month).previous().startYear());
        Optional<Dashboard.Publication> publication = withPublished ? publication(month, directorate) : Optional.empty();
        Map<Long, Dashboard.Frozen> frozen = new HashMap<>();
        publication.ifPresent(p -> publications.lines(p.id()).forEach(l -> frozen.put(l.indicator().id(), l.frozen())));
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
        String d = units.current(directorate), v = units.current(division);
        return kept("published", month, d, v, () -> frozen(month, d, v));
    }

    private Optional<Dashboard> frozen(YearMonth month, String directorate, String division) {
        return publication(month, directorate).map(p -> dashboard(month, directorate, division, publications.lines(p.id()).stream()
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
        Targets.Standard standard = indicator.standard(t, period);
        BigDecimal value = figure == null ? null : figure.value();
        Polarity polarity = indicator.kind() == Indicator.Kind.KPI ? indicator.polarity() : null;
        RagRule.Rating rating = indicator.rate(value, standard);
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
        List<MonthRating> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Observation o = byMonth.get(m);
            Targets.Standard s = i.standard(t, m);
            out.add(new MonthRating(m, o, s, i.rate(o == null ? null : o.value(), s)));
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
        return publications.published();
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
        return publications.find(month, Objects.requireNonNullElse(directorate, ""));
    }

    /**
     * The month's first publication for the scope. An indicator a directorate has already published
     * keeps that publication's figure and rating in the whole council's: a month has one published figure.
     */
    private void first(YearMonth month, String scope, String user) {
        Dashboard d = build(month, scope, null);
        Map<Long, Dashboard.Line> already = new HashMap<>();
        if (scope.isEmpty()) {
            publications.published().stream().filter(p -> p.month().equals(month) && !p.directorate().isEmpty())
                    .flatMap(p -> publications.find(month, p.directorate()).stream())
                    .forEach(p -> publications.lines(p.id()).forEach(l -> already.put(l.indicator().id(), l)));
        }
        List<Dashboard.Line> lines = d.lines().stream().map(l -> already.getOrDefault(l.indicator().id(), l)).toList();
        long id = publications.insert(month, scope, user, lines);
        events.publishEvent(new DashboardPublished(month, scope, id, lines.size(), Dashboard.Counts.of(lines).rag()));
    }

    /**
     * The month's dashboard for the scope frozen as its paper goes out, in the paper's transaction:
     * a first publication; or, when the month was published before and a figure, target, rating or
     * reason has changed since, the next version (a restatement); nothing new when all is as it was.
     * A division's paper freezes nothing of its own: the month is published by directorate or for
     * the whole council.
     */
    void freeze(YearMonth month, String directorate, String user) {
        String scope = Objects.requireNonNullElse(directorate, "");
        Optional<Dashboard.Publication> before = publication(month, scope);
        if (before.isEmpty()) {
            first(month, scope, user);
            return;
        }
        Map<Long, Dashboard.Line> frozen = new HashMap<>();
        publications.lines(before.get().id()).forEach(l -> frozen.put(l.indicator().id(), l));
        List<Dashboard.Line> lines = draft(month, scope, null).lines();
        boolean same = lines.size() == frozen.values().stream().filter(l -> scope.isEmpty() || scope.equals(l.indicator().directorate())).count()
                && lines.stream().allMatch(l -> frozen.containsKey(l.indicator().id()) && same(l, frozen.get(l.indicator().id())));
        if (!same) {
            long id = publications.insert(month, scope, user, lines);
            events.publishEvent(new DashboardPublished(month, scope, id, lines.size(), Dashboard.Counts.of(lines).rag()));
        }
    }

    /** What the public reads of a line: its month, figure, target, floor, rating and reason. */
    private static boolean same(Dashboard.Line live, Dashboard.Line frozen) {
        return Objects.equals(live.figurePeriod(), frozen.figurePeriod()) && equal(live.shownValue(), frozen.shownValue())
                && equal(live.standard().target(), frozen.standard().target()) && equal(live.standard().floor(), frozen.standard().floor())
                && live.rating().rag() == frozen.rating().rag() && Objects.equals(live.rating().reason(), frozen.rating().reason());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
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
