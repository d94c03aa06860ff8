package org.oversight.delays;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.oversight.performance.FedFigures;
import org.oversight.performance.IndicatorChoices;
import org.oversight.shared.Audited;
import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delayed transfers of care: a file of delayed days (spec/delays-csv.md) loaded all or nothing, the population and the Better Care
 * Fund targets kept, and a month's position worked out — each organisation's days, shares and social care's days, the rate per
 * 100,000 adults in total and by body, the target's, and the direction since the month before (fewer delays is better).
 */
@Service
class Delays {

    /** A month's position; {@code population} and the rates are missing until the year's population is given. */
    record Position(YearMonth month, List<DelayedDays> rows, DelayedDays total, DelayedDays before, Optional<Population> population,
                    Map<String, BigDecimal> targets, Map<String, BigDecimal> rates, Map<String, BigDecimal> targetRates) {

        /** Fewer delays than the month before: improved (+1); more: worse (−1); the same: 0; none when there is no month before. */
        Integer direction() {
            return before == null ? null : -Integer.signum(total.total().compareTo(before.total()));
        }
    }

    static final List<String> BODIES = List.of("total", "nhs", "social_care", "both");

    /** What each fed measure is called. */
    static final Map<String, String> MEASURES = new TreeMap<>(Map.of("per_100k", "Delays per 100,000 adults (people delayed a day)",
            "social_care_share", "Proportion of delays attributable to social care (%)"));

    private final DelayedDaysRepository delayedDays;
    private final PopulationRepository populations;
    private final DelayTargetRepository delayTargets;
    private final FeedRepository delayFeeds;
    private final ApplicationEventPublisher events;
    private final IndicatorChoices indicators;
    private final FedFigures figures;

    Delays(DelayedDaysRepository delayedDays, PopulationRepository populations, DelayTargetRepository delayTargets, FeedRepository delayFeeds,
           ApplicationEventPublisher events, IndicatorChoices indicators, FedFigures figures) {
        this.delayedDays = delayedDays;
        this.populations = populations;
        this.delayTargets = delayTargets;
        this.delayFeeds = delayFeeds;
        this.events = events;
        this.indicators = indicators;
        this.figures = figures;
    }

    Map<String, Long> feeds() {
        return delayFeeds.feeds();
    }

    /** The indicators a measure may feed, by id: ref and title. */
    Map<Long, String> indicators() {
        Map<Long, String> out = new LinkedHashMap<>();
        indicators.open().forEach(i -> out.put(i.id(), i.ref() + " – " + i.title()));
        return out;
    }

    /** The indicators the delays feed, by ref, for the forms that may replace their figures. */
    List<String> fedIndicators() {
        return delayFeeds.feeds().values().stream().map(id -> fed(id).ref()).sorted().toList();
    }

    /** An indicator a feed names: always there, as the feed's foreign key keeps it. */
    private FedFigures.Fed fed(long id) {
        return figures.indicator(id).orElseThrow();
    }

    /**
     * Which indicator each measure feeds (none: it feeds none), both at once; the indicators' figures are then written for every month there
     * is. One indicator feeds one measure, in its unit (the share a percentage, the rate not); an indicator with figures of its own that the
     * feed would change is refused unless {@code replace} says to replace them.
     */
    @Transactional
    void saveFeeds(Map<String, Long> chosen, boolean replace, String user) {
        Map<String, Long> feeds = new TreeMap<>();
        // Each month worked out once for both measures, not once per measure.
        Map<YearMonth, Position> positions = new HashMap<>();
        for (String measure : MEASURES.keySet()) {
            Long id = chosen.get(measure);
            if (id == null) {
                continue;
            }
            FedFigures.Fed i = figures.indicator(id).orElseThrow(() -> new InputException(measure, "There is no indicator " + id));
            boolean percent = "%".equals(i.unit() == null ? null : i.unit().strip());
            if (measure.equals("social_care_share") != percent) {
                throw new InputException(measure, i.ref() + " is measured in '" + (i.unit() == null ? "no unit" : i.unit()) + "': "
                        + (percent ? "the rate per 100,000 is not a percentage" : "the share attributable to social care is a percentage (%)"));
            }
            if (feeds.containsValue(id)) {
                throw new InputException(measure, i.ref() + " is chosen for both: an indicator takes one measure");
            }
            if (!replace) {
                refuseReplacing(measure, writes(Map.of(measure, id), positions), ", or choose another indicator");
            }
            feeds.put(measure, id);
        }
        Map<String, Long> before = delayFeeds.feeds();
        for (String measure : MEASURES.keySet()) {
            delayFeeds.save(measure, feeds.get(measure), user);
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "delay_feed", null, "The indicators the delays feed: " + (feeds.isEmpty() ? "none"
                : String.join("; ", feeds.entrySet().stream().map(e -> e.getKey() + " → " + fed(e.getValue()).ref()).toList())),
                before.isEmpty() ? null : before, feeds.isEmpty() ? null : feeds));
        feed(user, positions, true);
    }

    /** A month's figure for a fed measure; none when it cannot be worked out. */
    private static BigDecimal value(String measure, Position p) {
        return measure.equals("per_100k") ? p.rates().get("total") : p.rows().isEmpty() ? null : p.total().share(p.total().attributableToSocialCare());
    }

    /**
     * A figure the feed would write now: {@code held} the figure there, {@code last} what the feed last wrote there. The figure held is the
     * indicator's own when it is neither (typed or imported), and only a change that says so replaces it.
     */
    private record Write(long indicator, YearMonth month, BigDecimal value, Optional<FedFigures.Held> held, BigDecimal last) {

        boolean same() {
            return held.isPresent() && held.get().value() != null && held.get().value().compareTo(value) == 0;
        }

        boolean own() {
            BigDecimal figure = held.map(FedFigures.Held::value).orElse(null);
            return figure != null && figure.compareTo(value) != 0 && (last == null || last.compareTo(figure) != 0);
        }
    }

    /** Each fed indicator's figure for every month with monthly figures where it can be worked out (the rate needs the year's population). */
    private List<Write> writes(Map<String, Long> feeds, Map<YearMonth, Position> positions) {
        List<Write> out = new ArrayList<>();
        Map<Long, Map<YearMonth, BigDecimal>> written = new HashMap<>();
        for (YearMonth m : delayedDays.months()) {
            if (m.isAfter(YearMonth.now())) {
                continue;
            }
            Position p = positions.computeIfAbsent(m, this::month);
            feeds.forEach((measure, id) -> {
                BigDecimal v = value(measure, p);
                if (v == null) {
                    return;
                }
                out.add(new Write(id, m, v, figures.held(id, m), written.computeIfAbsent(id, delayFeeds::written).get(m)));
            });
        }
        return out;
    }

    /** Refuses, at {@code field}, writes that would replace an indicator's own figures: each indicator named with its months. */
    private void refuseReplacing(String field, List<Write> writes, String otherwise) {
        Map<Long, List<YearMonth>> own = new LinkedHashMap<>();
        writes.stream().filter(Write::own).forEach(w -> own.computeIfAbsent(w.indicator(), k -> new ArrayList<>()).add(w.month()));
        if (own.isEmpty()) {
            return;
        }
        throw new InputException(field, String.join("; ", own.entrySet().stream().map(e -> fed(e.getKey()).ref() + " has figures of its own for "
                + e.getValue().size() + (e.getValue().size() == 1 ? " month (" : " months (") + String.join(", ", e.getValue().stream().sorted().limit(6)
                .map(YearMonth::toString).toList()) + (e.getValue().size() > 6 ? ", …)" : ")")).toList()) + " that the delays would replace: tick that they are "
                + "to be replaced" + otherwise);
    }

    /**
     * Writes each fed indicator's figures ({@link #writes}), from {@code positions} where a caller has them already; a figure already the same
     * is left, a different one replaced as any correction is (its revision kept), its commentary kept. The indicator's own figures are
     * replaced only with {@code replace}, else the change is refused at its 'replace' box, before anything is written here (its caller's
     * transaction writes nothing of it).
     */
    private void feed(String user, Map<YearMonth, Position> positions, boolean replace) {
        Map<String, Long> feeds = delayFeeds.feeds();
        if (feeds.isEmpty()) {
            return;
        }
        List<Write> writes = writes(feeds, positions);
        if (!replace) {
            refuseReplacing("replace", writes, "");
        }
        Map<Long, String> refs = new HashMap<>();
        for (Write w : writes) {
            if (w.last() == null || w.last().compareTo(w.value()) != 0) {
                delayFeeds.written(w.indicator(), w.month(), w.value());
            }
            if (w.same()) {
                continue;
            }
            figures.write(w.indicator(), w.month(), w.value(), w.held(), user);
            events.publishEvent(new Audited(w.held().isPresent() ? Audited.Action.UPDATE : Audited.Action.CREATE, "observation", w.indicator() + ":" + w.month(),
                    "Figure for " + refs.computeIfAbsent(w.indicator(), id -> fed(id).ref()) + " " + w.month() + " worked out from the delayed transfers of care: "
                    + w.value().toPlainString(), w.held().map(o -> (Object) Collections.singletonMap("value", o.value())).orElse(null), Map.of("value", w.value())));
        }
    }

    /** What a file loaded: its rows, the periods it gave whole, the organisations it added (named, so a misspelling is seen at once). */
    record Loaded(int rows, List<DelayedDays.Period> periods, List<String> organisationsMade) {

        boolean weeksOnly() {
            return periods.stream().allMatch(DelayedDays.Period::week);
        }
    }

    Loaded load(byte[] csv, String user) {
        return load(csv, false, user);
    }

    /**
     * A file of delayed days, all or nothing. Each period it names is given whole: the figures held for that month or week, of every
     * organisation, are replaced by the file's (so a month loaded in part, or by mistake, is put right by loading it again). An organisation
     * is matched to one held by its name however cased and spaced; weeks end on one day of the week, the weeks held's. Refused, whole,
     * when the indicators it feeds would lose figures of their own, unless {@code replace} says to replace them.
     */
    @Transactional
    Loaded load(byte[] csv, boolean replace, String user) {
        String text = Text.utf8(csv);
        List<DelayedDays> read = DelaysCommand.read(new StringReader(text), new ArrayList<>());
        List<DelayedDays> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        DayOfWeek weekday = null;
        for (int i = 0; i < read.size(); i++) {
            DelayedDays d = read.get(i);
            int row = i + 2;
            if (d.period() == null) {
                throw new InputException(row, "period", "to be kept, each row names its period: a month as 2019-01, a week by the day it ends");
            }
            String name = d.organisation().replaceAll("\\p{Cf}", "").replaceAll("\\s+", " ").strip();
            if (name.isEmpty() || name.length() > Text.NAME) {
                throw new InputException(row, "organisation", "an organisation is named in 1 to " + Text.NAME + " characters");
            }
            for (BigDecimal x : List.of(d.nhs(), d.socialCare(), d.both())) {
                if (x.compareTo(new BigDecimal("1E9")) >= 0 || x.stripTrailingZeros().scale() > 2) {
                    throw new InputException(row, "nhs", "delayed days are kept to two decimal places, below 1,000,000,000");
                }
            }
            if (!seen.add(name.toLowerCase(Locale.UK) + "\u0000" + d.period())) {
                throw new InputException(row, "organisation", "'" + name + "' in " + d.period() + " is on an earlier row too: each is one row");
            }
            if (d.period().week()) {
                DayOfWeek day = d.period().weekEnding().getDayOfWeek();
                DayOfWeek held = weekday != null ? weekday : delayedDays.weekday().orElse(day);
                if (day != held) {
                    throw new InputException(row, "period", d.period() + " is a " + words(day) + ": the weeks end on a " + words(held)
                            + ", so that each week follows the one before");
                }
                weekday = held;
            }
            rows.add(new DelayedDays(name, d.period(), d.nhs(), d.socialCare(), d.both()));
        }
        delayedDays.lock();
        List<DelayedDays.Period> periods = rows.stream().map(DelayedDays::period).distinct().toList();
        List<DelayedDays> replaced = new ArrayList<>();
        periods.forEach(p -> replaced.addAll(delayedDays.clear(p)));
        Set<String> made = new LinkedHashSet<>();
        Map<String, Long> ids = new HashMap<>();
        for (DelayedDays d : rows) {
            delayedDays.save(d, ids.computeIfAbsent(d.organisation().toLowerCase(Locale.UK), k -> delayedDays.organisationId(d.organisation(), made)), user);
        }
        feed(user, new HashMap<>(), replace);
        events.publishEvent(new Audited(Audited.Action.IMPORT, "delayed_days", periods.get(0).toString(), "Delayed transfers of care loaded: " + rows.size()
                + " rows for " + periods.size() + (periods.size() == 1 ? " period" : " periods") + (made.isEmpty() ? "" : ", organisations added: "
                + String.join("; ", made)), replaced.stream().map(Delays::audit).toList(), rows.stream().map(Delays::audit).toList()));
        return new Loaded(rows.size(), periods, List.copyOf(made));
    }

    private static Map<String, Object> audit(DelayedDays d) {
        return Map.of("organisation", d.organisation(), "period", d.period().toString(), "nhs", d.nhs(), "social_care", d.socialCare(), "both", d.both());
    }

    private static String words(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    List<YearMonth> months() {
        return delayedDays.months();
    }

    Position month(YearMonth m) {
        List<DelayedDays> rows = delayedDays.days(false, m.atEndOfMonth(), m.atEndOfMonth());
        List<DelayedDays> before = delayedDays.days(false, m.minusMonths(1).atEndOfMonth(), m.minusMonths(1).atEndOfMonth());
        DelayedDays.Period period = new DelayedDays.Period(m, null);
        DelayedDays total = DelayedDays.sum("Total", period, rows);
        Optional<Population> population = populations.population(m.getYear());
        Map<String, BigDecimal> targets = delayTargets.targets(m);
        Map<String, BigDecimal> rates = new LinkedHashMap<>(), targetRates = new LinkedHashMap<>();
        population.ifPresent(p -> {
            Map<String, BigDecimal> days = Map.of("total", total.total(), "nhs", total.nhs(), "social_care", total.socialCare(), "both", total.both());
            if (!rows.isEmpty()) {
                BODIES.forEach(b -> rates.put(b, DelayedDays.per100k(days.get(b), period, p.adults())));
            }
            targets.forEach((b, d) -> targetRates.put(b, DelayedDays.per100k(d, period, p.adults())));
        });
        return new Position(m, rows, total, before.isEmpty() ? null : DelayedDays.sum("Total", new DelayedDays.Period(m.minusMonths(1), null), before),
                population, targets, rates, targetRates);
    }

    /** Each month's total over the year to {@code m} (none where a month has no figures), for the chart. */
    List<DelayedDays> totals(YearMonth m) {
        Map<YearMonth, List<DelayedDays>> by = new LinkedHashMap<>();
        delayedDays.days(false, m.minusMonths(11).atEndOfMonth(), m.atEndOfMonth()).forEach(d -> by.computeIfAbsent(d.period().month(), k -> new ArrayList<>()).add(d));
        List<DelayedDays> out = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth x = m.minusMonths(i);
            out.add(by.containsKey(x) ? DelayedDays.sum("Total", new DelayedDays.Period(x, null), by.get(x)) : null);
        }
        return out;
    }

    /** Each month's target for all delays over the year to {@code m}, none where a month has none. */
    List<BigDecimal> totalTargets(YearMonth m) {
        Map<YearMonth, BigDecimal> t = delayTargets.totalTargets(m.minusMonths(11), m);
        return IntStream.rangeClosed(0, 11).mapToObj(i -> t.get(m.minusMonths(11 - i))).toList();
    }

    /** An organisation's weeks: its days in each of the {@code count} weeks to the one ending {@code to} (none where a week has none). */
    record Weeks(Organisation organisation, List<LocalDate> ends, List<DelayedDays> days) {

        /** The latest week against the one before: fewer delays improved (+1), more worse (−1), the same 0; none without both. */
        Integer direction() {
            DelayedDays last = days.get(days.size() - 1), before = days.size() < 2 ? null : days.get(days.size() - 2);
            return last == null || before == null ? null : -Integer.signum(last.total().compareTo(before.total()));
        }
    }

    List<LocalDate> weekEnds() {
        return delayedDays.weeks();
    }

    /** The last week with figures ending on or before {@code to}. */
    Optional<LocalDate> lastWeek(LocalDate to) {
        return delayedDays.weeks().stream().filter(e -> !e.isAfter(to)).findFirst();
    }

    /**
     * Every organisation with weekly figures, over the {@code count} consecutive weeks to the last with figures on or before {@code to}
     * (weeks end on one day of the week, so each is seven days after the one before; a week without figures is shown as none).
     */
    List<Weeks> weeks(LocalDate to, int count) {
        Optional<LocalDate> last = lastWeek(to);
        if (last.isEmpty()) {
            return List.of();
        }
        List<LocalDate> ends = IntStream.range(0, count).mapToObj(i -> last.get().minusWeeks(count - 1 - i)).toList();
        Map<String, Map<LocalDate, DelayedDays>> by = new LinkedHashMap<>();
        delayedDays.days(true, ends.get(0), to).forEach(d -> by.computeIfAbsent(d.organisation(), k -> new HashMap<>()).put(d.period().weekEnding(), d));
        return delayedDays.weeklyOrganisations().stream().map(o -> new Weeks(o, ends, ends.stream().map(e -> by.getOrDefault(o.name(), Map.of()).get(e)).toList()))
                .toList();
    }

    Optional<Organisation> organisation(long id) {
        return delayedDays.organisation(id);
    }

    void savePopulation(int year, BigDecimal adults, String source, String user) {
        savePopulation(year, adults, source, false, user);
    }

    /** The year's adult population; refused, as a file is, when the indicators fed would lose figures of their own unless {@code replace}. */
    @Transactional
    void savePopulation(int year, BigDecimal adults, String source, boolean replace, String user) {
        if (!Dates.kept(year)) {
            throw new InputException("year", "Give the year, from " + Dates.FIRST_YEAR + " to " + Dates.LAST_YEAR);
        }
        if (adults == null || adults.signum() <= 0 || adults.stripTrailingZeros().scale() > 0 || adults.compareTo(new BigDecimal("1E11")) >= 0) {
            throw new InputException("adults", "Give the number of adults (18 and over), a whole number more than 0");
        }
        String s = Text.orNull(source);
        if (s == null || s.length() > 500) {
            throw new InputException("source", "Say where the figure comes from (such as ONS mid-year estimates, 2018), in at most 500 characters");
        }
        Optional<Population> before = populations.population(year);
        populations.save(new Population(year, adults, s), user);
        feed(user, new HashMap<>(), replace);
        events.publishEvent(new Audited(before.isPresent() ? Audited.Action.UPDATE : Audited.Action.CREATE, "delay_population", Integer.toString(year),
                "Adult population for " + year + ": " + adults.toPlainString(), before.orElse(null), new Population(year, adults, s)));
    }

    @Transactional
    void saveTargets(YearMonth month, Map<String, BigDecimal> days, String user) {
        for (Map.Entry<String, BigDecimal> e : days.entrySet()) {
            BigDecimal d = e.getValue();
            if (d.signum() < 0 || d.compareTo(new BigDecimal("1E9")) >= 0) {
                throw new InputException(e.getKey(), d.toPlainString() + " is not a number of delayed days: from 0 to 999,999,999");
            }
            if (d.stripTrailingZeros().scale() > 2) {
                throw new InputException(e.getKey(), d.toPlainString() + " has more than two decimal places");
            }
        }
        if (days.keySet().containsAll(BODIES)) {
            BigDecimal parts = days.get("nhs").add(days.get("social_care")).add(days.get("both"));
            if (parts.compareTo(days.get("total")) != 0) {
                throw new InputException("total", "The targets by body add up to " + parts.toPlainString() + ", not the " + days.get("total").toPlainString()
                        + " given for all delays: correct one, or leave the parts blank");
            }
        }
        Map<String, BigDecimal> before = delayTargets.targets(month);
        delayTargets.save(month, days, user);
        events.publishEvent(new Audited(before.isEmpty() ? Audited.Action.CREATE : Audited.Action.UPDATE, "delay_target", month.toString(),
                "Better Care Fund targets for " + month, before.isEmpty() ? null : before, days));
    }
}
