package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The budget book, cash limits and monthly forecasts in PostgreSQL. */
@Repository
class FinanceStore {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;

    FinanceStore(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** V21's counter, moved by every change to what budget monitoring shows. */
    long changeCounter() {
        return jdbc.sql("select counter from finance_change").query(Long.class).single();
    }

    List<Budget.Heading> headings() {
        return jdbc.sql("select * from budget_heading order by position, id").query((rs, n) -> new Budget.Heading(rs.getLong("id"),
                (Long) rs.getObject("parent_id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("outside_headline"))).list();
    }

    /** Loads are one at a time: a book and its forecasts change together or not at all. */
    void lock() {
        jdbc.sql("lock table budget_heading in share row exclusive mode").update();
    }

    /** Every heading's id by {@link #key}: its parent and its name. */
    Map<String, Long> headingIds() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select id, parent_id, name from budget_heading").query(rs -> {
            out.put(key((Long) rs.getObject("parent_id"), rs.getString("name")), rs.getLong("id"));
        });
        return out;
    }

    static String key(Long parent, String name) {
        return parent + "\u0000" + name;
    }

    /** The position after the book's last heading: a file's new headings follow in its order. */
    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from budget_heading").query(Integer.class).single();
    }

    /**
     * A unit renamed from {@code effective}: the book's heading and capital schemes (which carry no date) read under the new
     * name; the service lines of months from then on do, those before keep the name they were reported under.
     */
    void renameUnit(String before, String after, java.time.LocalDate effective) {
        jdbc.sql("update budget_heading h set name = :a where name = :b and not exists (select 1 from budget_heading o where o.parent_id is not distinct from h.parent_id and o.name = :a)")
                .param("a", after).param("b", before).update();
        jdbc.sql("update capital_scheme c set directorate = :a where directorate = :b and not exists (select 1 from capital_scheme o where o.directorate = :a and o.name is not distinct from c.name)")
                .param("a", after).param("b", before).update();
        jdbc.sql("update service_line_position set directorate = :a where directorate = :b and month >= :e").param("a", after).param("b", before).param("e", effective.withDayOfMonth(1)).update();
        jdbc.sql("update service_line_position set division = :a where division = :b and month >= :e").param("a", after).param("b", before).param("e", effective.withDayOfMonth(1)).update();
    }

    long insertHeading(Long parent, String name, int position) {
        return jdbc.sql("insert into budget_heading (parent_id, name, position) values (:p, :n, :o) returning id")
                .param("p", parent).param("n", name).param("o", position).query(Long.class).single();
    }

    /** The month's figures by heading, with the year's cash limits. */
    Map<Long, Budget.Figures> figures(YearMonth month) {
        Map<Long, Budget.Figures> out = new HashMap<>();
        jdbc.sql("""
                select coalesce(f.heading_id, c.heading_id) as heading_id, c.gross - coalesce(later.gross, 0) as gross, c.income - coalesce(later.income, 0) as income,
                    c.net - coalesce(later.net, 0) as net, f.variance_net, f.adjustment, f.last_reported, f.comment, f.management_action
                from (select * from forecast where month = :m) f full join (select * from cash_limit where year = :y) c on c.heading_id = f.heading_id
                -- the cash limit as it stood in the month: the changes made by later months' files taken back off
                left join lateral (select sum(x.gross) as gross, sum(x.income) as income, sum(x.net) as net from cash_limit_change x
                                   where x.heading_id = c.heading_id and x.year = :y and x.month > :m) later on true""")
                .param("m", month.atDay(1)).param("y", org.oversight.shared.FinancialYear.of(month).startYear()).query(rs -> {
                    out.put(rs.getLong("heading_id"), new Budget.Figures(rs.getBigDecimal("gross"), rs.getBigDecimal("income"), rs.getBigDecimal("net"),
                            rs.getBigDecimal("variance_net"), rs.getBigDecimal("adjustment"), rs.getBigDecimal("last_reported"), rs.getString("comment"),
                            rs.getBigDecimal("management_action")));
                });
        return out;
    }

    void setOutsideHeadline(long heading, boolean outside) {
        jdbc.sql("update budget_heading set outside_headline = :o where id = :h and parent_id is null").param("o", outside).param("h", heading).update();
    }

    boolean hasForecasts(YearMonth month) {
        return jdbc.sql("select exists (select 1 from forecast where month = :m)").param("m", month.atDay(1)).query(Boolean.class).single();
    }

    List<YearMonth> months() {
        return jdbc.sql("select distinct month from forecast order by month desc").query(java.time.LocalDate.class).list().stream().map(YearMonth::from)
                .toList();
    }

    /** The year's cash limits by heading. */
    Map<Long, Budget.Figures> cashLimits(int year) {
        Map<Long, Budget.Figures> out = new HashMap<>();
        jdbc.sql("select * from cash_limit where year = :y").param("y", year).query(rs -> {
            out.put(rs.getLong("heading_id"), new Budget.Figures(rs.getBigDecimal("gross"), rs.getBigDecimal("income"), rs.getBigDecimal("net"), null, null, null,
                    null, null));
        });
        return out;
    }

    void saveCashLimit(long heading, int year, BigDecimal gross, BigDecimal income, BigDecimal net) {
        jdbc.sql("""
                insert into cash_limit (heading_id, year, gross, income, net) values (:h, :y, :g, :i, :n)
                on conflict (heading_id, year) do update set gross = excluded.gross, income = excluded.income, net = excluded.net,
                    modified_at = now(), version = cash_limit.version + 1""")
                .param("h", heading).param("y", year).param("g", gross).param("i", income).param("n", net).update();
    }

    void insertChange(long heading, int year, YearMonth month, BigDecimal gross, BigDecimal income, BigDecimal net, String reason, String user) {
        jdbc.sql("""
                insert into cash_limit_change (heading_id, year, month, gross, income, net, reason, made_by) values (:h, :y, :m, :g, :i, :n, :r, :u)""")
                .param("h", heading).param("y", year).param("m", month.atDay(1)).param("g", gross).param("i", income).param("n", net).param("r", reason)
                .param("u", user).update();
    }

    /**
     * The position last reported, as it was when the month began: the month before's revised variances kept on the month's
     * forecasts (a row made for a heading that has none), never replacing one already there (the file's, or kept before).
     */
    void keepLastReported(YearMonth month, Map<Long, BigDecimal> revised, String user) {
        batch.batchUpdate("""
                insert into forecast (heading_id, month, last_reported, entered_by) values (:h, :m, :l, :u)
                on conflict (heading_id, month) do update set last_reported = coalesce(forecast.last_reported, excluded.last_reported)""",
                revised.entrySet().stream().map(e -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("h", e.getKey())
                        .addValue("m", month.atDay(1)).addValue("l", e.getValue()).addValue("u", user))
                        .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
    }

    /** A file's forecasts, in one batch: a management action already entered on the form is kept. */
    void saveForecasts(YearMonth month, List<Map.Entry<Long, Forecast>> forecasts, String user) {
        batch.batchUpdate("""
                insert into forecast (heading_id, month, variance_gross, variance_income, variance_net, adjustment, last_reported, comment, entered_by)
                values (:h, :m, :vg, :vi, :vn, :a, :l, :c, :u)
                on conflict (heading_id, month) do update set variance_gross = excluded.variance_gross, variance_income = excluded.variance_income,
                    variance_net = excluded.variance_net, adjustment = excluded.adjustment,
                    last_reported = coalesce(excluded.last_reported, forecast.last_reported),
                    comment = excluded.comment, entered_by = excluded.entered_by, modified_at = now(), version = forecast.version + 1""",
                forecasts.stream().map(e -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("h", e.getKey())
                        .addValue("m", month.atDay(1)).addValue("vg", e.getValue().gross()).addValue("vi", e.getValue().income())
                        .addValue("vn", e.getValue().net()).addValue("a", e.getValue().adjustment()).addValue("l", e.getValue().lastReported())
                        .addValue("c", e.getValue().comment()).addValue("u", user)).toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
    }

    /** The month's forecast of a heading as entered, with its version, if there is one. */
    Optional<Entered> forecast(long heading, YearMonth month) {
        return jdbc.sql("select * from forecast where heading_id = :h and month = :m").param("h", heading).param("m", month.atDay(1))
                .query((rs, n) -> new Entered(new Forecast(rs.getBigDecimal("variance_gross"), rs.getBigDecimal("variance_income"), rs.getBigDecimal("variance_net"),
                        rs.getBigDecimal("adjustment"), rs.getBigDecimal("last_reported"), rs.getString("comment"), rs.getBigDecimal("management_action")),
                        rs.getInt("version"))).optional();
    }

    record Entered(Forecast forecast, int version) {
    }

    /** Saves the month's forecast as read at {@code version} (-1: there was none); false if someone saved it since. */
    boolean enterForecast(long heading, YearMonth month, Forecast f, int version, String user) {
        if (version < 0) {
            return jdbc.sql("""
                    insert into forecast (heading_id, month, variance_gross, variance_income, variance_net, adjustment, comment, management_action, entered_by)
                    values (:h, :m, :vg, :vi, :vn, :a, :c, :ma, :u) on conflict do nothing""")
                    .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                    .param("a", f.adjustment()).param("c", f.comment()).param("ma", f.managementAction()).param("u", user).update() == 1;
        }
        return jdbc.sql("""
                update forecast set variance_gross = :vg, variance_income = :vi, variance_net = :vn, adjustment = :a, comment = :c,
                    management_action = :ma, entered_by = :u, modified_at = now(), version = version + 1
                where heading_id = :h and month = :m and version = :v""")
                .param("h", heading).param("m", month.atDay(1)).param("vg", f.gross()).param("vi", f.income()).param("vn", f.net())
                .param("a", f.adjustment()).param("c", f.comment()).param("ma", f.managementAction()).param("u", user).param("v", version).update() == 1;
    }

    boolean headingHasLines(long heading) {
        return jdbc.sql("select exists (select 1 from budget_heading where parent_id = :h)").param("h", heading).query(Boolean.class).single();
    }

    void saveActivity(YearMonth month, ActivityBudget a, String user) {
        jdbc.sql("""
                insert into activity_budget (service, month, affordable_units, forecast_units, budget_unit_cost, forecast_unit_cost, actual_units,
                    indicator_ref, entered_by)
                values (:s, :m, :a, :f, :b, :c, :t, :i, :u)
                on conflict (service, month) do update set affordable_units = excluded.affordable_units, forecast_units = excluded.forecast_units,
                    budget_unit_cost = excluded.budget_unit_cost, forecast_unit_cost = excluded.forecast_unit_cost, actual_units = excluded.actual_units,
                    indicator_ref = excluded.indicator_ref, entered_by = excluded.entered_by, modified_at = now()""")
                .param("s", a.service()).param("m", month.atDay(1)).param("a", a.affordableUnits()).param("f", a.forecastUnits())
                .param("b", a.budgetUnitCost()).param("c", a.forecastUnitCost()).param("t", a.actualUnits()).param("i", a.indicatorRef())
                .param("u", user).update();
    }

    List<ActivityBudget> activity(YearMonth month) {
        return jdbc.sql("select * from activity_budget where month = :m order by service").param("m", month.atDay(1)).query((rs, n) -> activity(rs)).list();
    }

    /** Each service's months from {@code from} to {@code to}, oldest first. */
    Map<String, Map<YearMonth, ActivityBudget>> activityHistory(YearMonth from, YearMonth to) {
        Map<String, Map<YearMonth, ActivityBudget>> out = new HashMap<>();
        jdbc.sql("select * from activity_budget where month between :f and :t order by month").param("f", from.atDay(1)).param("t", to.atDay(1)).query(rs -> {
            out.computeIfAbsent(rs.getString("service"), k -> new HashMap<>()).put(YearMonth.from(rs.getDate("month").toLocalDate()), activity(rs));
        });
        return out;
    }

    /** The latest month at or before {@code month} with activity budgets. */
    Optional<YearMonth> activityMonth(YearMonth month) {
        return jdbc.sql("select month from activity_budget where month <= :m order by month desc limit 1").param("m", month.atDay(1))
                .query(java.time.LocalDate.class).optional().map(YearMonth::from);
    }

    private static ActivityBudget activity(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ActivityBudget(0, rs.getString("service"), written(rs.getBigDecimal("affordable_units")), written(rs.getBigDecimal("forecast_units")),
                written(rs.getBigDecimal("budget_unit_cost")), written(rs.getBigDecimal("forecast_unit_cost")), written(rs.getBigDecimal("actual_units")),
                rs.getString("indicator_ref"));
    }

    /** A count or unit cost as written: the column's six decimals are storage, not what was typed (4,200 is not 4,200.000000). */
    private static BigDecimal written(BigDecimal n) {
        return n == null ? null : n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros().setScale(Math.max(n.stripTrailingZeros().scale(), 0));
    }

    /** A forecast as entered: the managers' variance, the adjustment, the last reported position (first month only) and the reason. */
    record Forecast(BigDecimal gross, BigDecimal income, BigDecimal net, BigDecimal adjustment, BigDecimal lastReported, String comment,
                    BigDecimal managementAction) {
    }

    // ---- the portfolio narrative ------------------------------------------------------------

    /** What a portfolio says of its month: the reasons for its variance, the actions required, the implications for the MTFP, the roll-forward proposals. */
    record Narrative(String reasons, String actions, String mtfp, String rollForwards, int version) {

        /** The parts as the page and the report head them, in their order. */
        static final Map<String, String> LABELS = labels();

        private static Map<String, String> labels() {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("reasons", "Main reasons for the variance");
            m.put("actions", "Actions required");
            m.put("mtfp", "Implications for the medium-term financial plan");
            m.put("rollForwards", "Roll-forward proposals");
            return java.util.Collections.unmodifiableMap(m);
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

    private static Narrative narrative(java.sql.ResultSet rs) throws java.sql.SQLException {
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

    // ---- capital ----------------------------------------------------------------------------

    /** A month's capital lines replace whatever the month held. */
    /** A month's capital lines replace whatever the month held: the versions they had, by scheme, so that a form read before is stale after. */
    Map<Long, Integer> clearCapital(YearMonth month) {
        jdbc.sql("delete from capital_funding where month = :m").param("m", month.atDay(1)).update();
        Map<Long, Integer> versions = new HashMap<>();
        jdbc.sql("delete from capital_position where month = :m returning scheme_id, version").param("m", month.atDay(1))
                .query(rs -> {
                    versions.put(rs.getLong("scheme_id"), rs.getInt("version"));
                });
        return versions;
    }

    void saveCapital(YearMonth month, CapitalLine l, Map<Long, Integer> versions, String user) {
        long id = jdbc.sql("""
                insert into capital_scheme (directorate, name, approved_cost, approval) values (:d, :n, :c, :a)
                on conflict (directorate, name) do update set approved_cost = excluded.approved_cost, approval = excluded.approval returning id""")
                .param("d", l.directorate()).param("n", l.scheme()).param("c", l.approvedCost()).param("a", l.approval()).query(Long.class).single();
        jdbc.sql("""
                insert into capital_position (scheme_id, month, previous_spend, budget, later_years, spend_to_date, real_variance, rephasing_variance,
                    last_real, last_rephasing, delayed, comment, entered_by, version)
                values (:s, :m, :p, :b, :l, :t, :r, :f, :lr, :lf, :d, :c, :u, :v)""")
                .param("s", id).param("m", month.atDay(1)).param("p", l.previousSpend()).param("b", l.budget()).param("l", l.laterYears())
                .param("t", l.spendToDate()).param("r", l.real()).param("f", l.rephasing()).param("lr", l.lastReal()).param("lf", l.lastRephasing())
                .param("d", l.delayed()).param("c", l.comment()).param("u", user).param("v", versions.containsKey(id) ? versions.get(id) + 1 : 0).update();
        for (CapitalLine.Funding f : l.funding()) {
            jdbc.sql("insert into capital_funding (scheme_id, month, source, amount) values (:s, :m, :o, :a)").param("s", id).param("m", month.atDay(1))
                    .param("o", f.source()).param("a", f.amount()).update();
        }
    }

    /** The month's capital lines, directorate by directorate as loaded; variance = real + rephasing. */
    List<CapitalLine> capital(YearMonth month) {
        Map<Long, List<CapitalLine.Funding>> funding = new HashMap<>();
        jdbc.sql("select * from capital_funding where month = :m order by source").param("m", month.atDay(1)).query(rs -> {
            funding.computeIfAbsent(rs.getLong("scheme_id"), k -> new java.util.ArrayList<>()).add(new CapitalLine.Funding(rs.getString("source"), rs.getBigDecimal("amount")));
        });
        return jdbc.sql("""
                select s.*, p.* from capital_position p join capital_scheme s on s.id = p.scheme_id where p.month = :m
                order by min(s.id) over (partition by s.directorate), s.name nulls first, s.id""")
                .param("m", month.atDay(1)).query((rs, n) -> new CapitalLine(0, rs.getString("directorate"), rs.getString("name"), rs.getBigDecimal("approved_cost"),
                        rs.getString("approval"), rs.getBigDecimal("previous_spend"), rs.getBigDecimal("budget"), rs.getBigDecimal("later_years"),
                        rs.getBigDecimal("spend_to_date"), null, rs.getBigDecimal("real_variance"), rs.getBigDecimal("rephasing_variance"),
                        rs.getBigDecimal("last_real"), rs.getBigDecimal("last_rephasing"), null, null, (Boolean) rs.getObject("delayed"),
                        funding.getOrDefault(rs.getLong("scheme_id"), List.of()), rs.getString("comment"), rs.getLong("scheme_id"))).list();
    }

    /** A stored scheme's month as a form reads it, at its version. */
    record CapitalEntry(CapitalLine line, YearMonth month, int version) {
    }

    /** The scheme's position in {@code month}, else its latest in the same financial year before it (a form then starts a new month from it). */
    Optional<CapitalEntry> capitalEntry(long scheme, YearMonth month) {
        YearMonth april = org.oversight.shared.FinancialYear.of(month).firstMonth();
        return jdbc.sql("""
                select s.*, p.* from capital_position p join capital_scheme s on s.id = p.scheme_id
                where s.id = :s and p.month between :from and :m order by p.month desc limit 1""")
                .param("s", scheme).param("from", april.atDay(1)).param("m", month.atDay(1))
                .query((rs, n) -> new CapitalEntry(new CapitalLine(0, rs.getString("directorate"), rs.getString("name"), rs.getBigDecimal("approved_cost"),
                        rs.getString("approval"), rs.getBigDecimal("previous_spend"), rs.getBigDecimal("budget"), rs.getBigDecimal("later_years"),
                        rs.getBigDecimal("spend_to_date"), null, rs.getBigDecimal("real_variance"), rs.getBigDecimal("rephasing_variance"),
                        rs.getBigDecimal("last_real"), rs.getBigDecimal("last_rephasing"), null, null, (Boolean) rs.getObject("delayed"), List.of(),
                        rs.getString("comment"), scheme), YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("version"))).optional();
    }

    /** The scheme's name and directorate, whichever months it has. */
    Optional<String> capitalSchemeName(long scheme) {
        return jdbc.sql("select coalesce(name, directorate || ' (the programme as a whole)') from capital_scheme where id = :s").param("s", scheme)
                .query(String.class).optional();
    }

    /**
     * A month's forecast for a scheme typed on a form: the month's position updated at the version read, or, when the month has none
     * ({@code version} -1), made from the month {@code from} — its budget, spend in earlier years, later years and funding carried.
     * False when someone saved the month since it was read.
     */
    boolean enterCapital(long scheme, YearMonth month, YearMonth from, BigDecimal spendToDate, BigDecimal real, BigDecimal rephasing, Boolean delayed,
                         String comment, int version, String user) {
        if (version < 0) {
            int made = jdbc.sql("""
                    insert into capital_position (scheme_id, month, previous_spend, budget, later_years, spend_to_date, real_variance, rephasing_variance,
                        delayed, comment, entered_by)
                    select scheme_id, :m, previous_spend, budget, later_years, :t, :r, :f, :d, :c, :u from capital_position where scheme_id = :s and month = :from
                    on conflict do nothing""")
                    .param("s", scheme).param("m", month.atDay(1)).param("from", from.atDay(1)).param("t", spendToDate).param("r", real).param("f", rephasing)
                    .param("d", delayed).param("c", comment).param("u", user).update();
            if (made == 1) {
                jdbc.sql("insert into capital_funding (scheme_id, month, source, amount) select scheme_id, :m, source, amount from capital_funding "
                        + "where scheme_id = :s and month = :from").param("s", scheme).param("m", month.atDay(1)).param("from", from.atDay(1)).update();
            }
            return made == 1;
        }
        return jdbc.sql("""
                update capital_position set spend_to_date = :t, real_variance = :r, rephasing_variance = :f, delayed = :d, comment = :c, entered_by = :u,
                    modified_at = now(), version = version + 1
                where scheme_id = :s and month = :m and version = :v""")
                .param("s", scheme).param("m", month.atDay(1)).param("t", spendToDate).param("r", real).param("f", rephasing).param("d", delayed)
                .param("c", comment).param("u", user).param("v", version).update() == 1;
    }

    // ---- reserves ---------------------------------------------------------------------------

    void clearReserves(YearMonth month) {
        jdbc.sql("delete from reserve_movement where month = :m").param("m", month.atDay(1)).update();
        jdbc.sql("delete from reserve_balance where month = :m").param("m", month.atDay(1)).update();
    }

    void saveReserve(YearMonth month, ReserveLine r, String user) {
        long id = jdbc.sql("""
                insert into reserve (grp, name, position) values (:g, :n, (select coalesce(max(position), 0) + 1 from reserve))
                on conflict (grp, name) do update set name = excluded.name returning id""").param("g", r.group()).param("n", r.reserve()).query(Long.class).single();
        jdbc.sql("insert into reserve_balance (reserve_id, month, opening, projected, entered_by) values (:r, :m, :o, :p, :u)").param("r", id)
                .param("m", month.atDay(1)).param("o", r.opening()).param("p", r.projected()).param("u", user).update();
        int i = 0;
        for (ReserveLine.Movement m : r.movements()) {
            jdbc.sql("insert into reserve_movement (reserve_id, month, position, description, amount) values (:r, :m, :i, :d, :a)").param("r", id)
                    .param("m", month.atDay(1)).param("i", ++i).param("d", m.description()).param("a", m.amount()).update();
        }
    }

    List<ReserveLine> reserves(YearMonth month) {
        Map<Long, List<ReserveLine.Movement>> movements = new HashMap<>();
        jdbc.sql("select * from reserve_movement where month = :m order by position").param("m", month.atDay(1)).query(rs -> {
            movements.computeIfAbsent(rs.getLong("reserve_id"), k -> new java.util.ArrayList<>())
                    .add(new ReserveLine.Movement(0, rs.getString("description"), rs.getBigDecimal("amount")));
        });
        return jdbc.sql("select r.*, b.opening, b.projected from reserve r join reserve_balance b on b.reserve_id = r.id where b.month = :m order by r.position")
                .param("m", month.atDay(1)).query((rs, n) -> new ReserveLine(0, rs.getString("grp"), rs.getString("name"), rs.getBigDecimal("opening"),
                        rs.getBigDecimal("projected"), movements.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    // ---- the position by service line ---------------------------------------------------------

    /** A month's service lines replace whatever the month held, in one batch. */
    void saveServiceLines(YearMonth month, List<ServiceLine> lines, String user) {
        jdbc.sql("delete from service_line_position where month = :m").param("m", month.atDay(1)).update();
        java.util.concurrent.atomic.AtomicInteger position = new java.util.concurrent.atomic.AtomicInteger();
        batch.batchUpdate("""
                insert into service_line_position (month, position, directorate, division, name, cash_gross, cash_income, cash_net, variance_net, movement,
                    rounded_to, entered_by) values (:m, :p, :d, :v, :n, :g, :i, :net, :var, :mv, :r, :u)""",
                lines.stream().map(l -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("m", month.atDay(1))
                        .addValue("p", position.incrementAndGet()).addValue("d", l.directorate()).addValue("v", l.division()).addValue("n", l.name())
                        .addValue("g", l.gross()).addValue("i", l.income()).addValue("net", l.net()).addValue("var", l.variance()).addValue("mv", l.movement())
                        .addValue("r", l.roundedTo()).addValue("u", user)).toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
    }

    List<ServiceLine> serviceLines(YearMonth month) {
        return jdbc.sql("select * from service_line_position where month = :m order by position").param("m", month.atDay(1))
                .query((rs, n) -> new ServiceLine(0, rs.getString("directorate"), rs.getString("division"), rs.getString("name"), rs.getBigDecimal("cash_gross"),
                        rs.getBigDecimal("cash_income"), rs.getBigDecimal("cash_net"), rs.getBigDecimal("variance_net"), rs.getBigDecimal("movement"),
                        rs.getBigDecimal("rounded_to"))).list();
    }

    /** Months with anything of the report loaded: forecasts, capital, reserves or service lines. */
    List<YearMonth> reportMonths() {
        return jdbc.sql("""
                select month from forecast union select month from capital_position union select month from reserve_balance
                union select month from service_line_position order by month desc""")
                .query(java.time.LocalDate.class).list().stream().map(YearMonth::from).toList();
    }
}
