import java.io.BufferedWriter;
import java.time.temporal.ChronoUnit;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.performance.Polarity;
import org.oversight.performance.RagRule;
import org.postgresql.PGConnection;

/**
 * bench/run: builds a large council in a fresh data folder through Oversight's own API and
 * import, then times the paths users wait on, each beside PostgreSQL doing the same work in the
 * same run, and prints one table. The app runs as {@code ./oversight serve} does (the launcher's
 * heap, the durable embedded database); the PostgreSQL side connects to that same database.
 * Every comparison is checked: engine and SQL must agree on the ratings, or the run fails.
 */
public class Council {

    static final int INDICATORS = Integer.getInteger("indicators", 2_000);
    static final int DIRECTORATES = 8;
    static final int SECONDS = Integer.getInteger("seconds", 30);
    static final int CONNECTIONS = 16;
    static final YearMonth FIRST = YearMonth.of(2016, 4);
    static final YearMonth LAST = YearMonth.of(2026, 3);
    static final YearMonth MONTH = LAST;
    static final int ARCHIVED = 500;
    static final int HISTORY_MONTHS = 400;
    static final YearMonth HISTORY_FIRST = YearMonth.of(1992, 1);
    static final String PASSWORD = "bench-harbour-lantern-quilted";

    final Path root = Path.of("").toAbsolutePath();
    final Path work;
    final Path data;
    final int port = Integer.getInteger("port", 18480);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<String[]> table = new ArrayList<>();
    Process app;
    String token;

    Council() throws IOException {
        work = Files.createTempDirectory("oversight-bench");
        data = work.resolve("data");
    }

    public static void main(String[] args) throws Exception {
        Council c = new Council();
        try {
            c.run();
        } finally {
            c.stop();
        }
    }

    void run() throws Exception {
        double cold = start("an empty data folder (creates the database)");
        String admin = signedInToken("admin", "admin-" + PASSWORD, false);
        post("/api/users", admin, "application/json", """
                {"username":"bench","displayName":"Benchmark","password":"%s","roles":["PERFORMANCE"]}""".formatted(PASSWORD + "-0"));
        token = signedInToken("bench", PASSWORD + "-0", true);

        long t0 = System.nanoTime();
        List<Long> ids = catalogue();
        double catalogueSeconds = (System.nanoTime() - t0) / 1e9;
        Path council = figures("council.csv", INDICATORS, FIRST, (int) (FIRST.until(LAST, ChronoUnit.MONTHS) + 1));
        t0 = System.nanoTime();
        String loaded = post("/api/figures", token, "text/csv", council);
        double figuresSeconds = (System.nanoTime() - t0) / 1e9;
        long councilRows = lines(council);
        System.err.printf("bench: %,d indicators with targets in %.0f s; %,d figures through POST /api/figures in %.1f s: %s%n",
                ids.size(), catalogueSeconds, councilRows, figuresSeconds, loaded);

        String directorate = URLEncoder.encode("Directorate 3", StandardCharsets.UTF_8);
        Map<String, Long> apiCounts = ragCounts(get("/api/dashboards/" + MONTH, token));
        Map<String, Long> sqlCounts = sqlDashboardCounts("");
        if (!apiCounts.equals(sqlCounts)) {
            throw new IllegalStateException("the API dashboard " + apiCounts + " and the SQL query " + sqlCounts + " disagree");
        }
        System.err.println("bench: the API and the SQL query agree on the " + MONTH + " ratings: " + apiCounts);

        Load apiWhole = wrk("/api/dashboards/" + MONTH, "Authorization: Bearer " + token);
        Load sqlWhole = sqlLoad("");
        row("dashboard, whole council (" + apiCounts.values().stream().mapToLong(Long::longValue).sum() + " lines): GET /api/dashboards/"
                + MONTH + ", token", apiWhole.text(), "one SQL query, same lines: " + sqlWhole.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(apiWhole.p95 <= 50 && apiWhole.rps >= 0.5 * sqlWhole.rps, "p95 %.0f ms, %.0f%% of SQL", apiWhole.p95, 100 * apiWhole.rps / sqlWhole.rps));
        Load apiDir = wrk("/api/dashboards/" + MONTH + "?directorate=" + directorate, "Authorization: Bearer " + token);
        Load sqlDir = sqlLoad("Directorate 3");
        row("dashboard, one directorate: same, ?directorate=", apiDir.text(), "one SQL query: " + sqlDir.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(apiDir.p95 <= 50 && apiDir.rps >= 0.5 * sqlDir.rps, "p95 %.0f ms, %.0f%% of SQL", apiDir.p95, 100 * apiDir.rps / sqlDir.rps));

        String session = sessionCookie("bench", PASSWORD);
        Load html = wrk("/dashboard?month=" + MONTH, "Cookie: " + session);
        row("the HTML dashboard page, whole council, signed in", html.text(), "—", "p95 ≤ 80 ms", verdict(html.p95 <= 80, "p95 %.0f ms", html.p95));

        List<Double> publishing = new ArrayList<>();
        for (YearMonth m : List.of(MONTH, MONTH.minusMonths(1), MONTH.minusMonths(2))) {
            long p0 = System.nanoTime();
            post("/api/dashboards/" + m + "/publication", token, "application/json", "");
            publishing.add((System.nanoTime() - p0) / 1e9);
        }
        Collections.sort(publishing);
        row("publish the whole council's month (" + apiCounts.values().stream().mapToLong(Long::longValue).sum() + " ratings frozen)",
                String.format("%.2f s (median of 3 months; %.2f–%.2f)", publishing.get(1), publishing.get(0), publishing.get(2)), "—", "≤ 1 s",
                verdict(publishing.get(1) <= 1, "%.2f s", publishing.get(1)));

        Load pub = wrk("/api/dashboards/" + MONTH, null);
        row("dashboard as published, whole council, to the public", pub.text(), "one SQL query: " + sqlWhole.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(pub.p95 <= 50 && pub.rps >= 0.5 * sqlWhole.rps, "p95 %.0f ms, %.0f%% of SQL", pub.p95, 100 * pub.rps / sqlWhole.rps));
        Load pubDir = wrk("/api/dashboards/" + MONTH + "?directorate=" + directorate, null);
        row("dashboard as published, one directorate, to the public", pubDir.text(), "one SQL query: " + sqlDir.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(pubDir.p95 <= 50 && pubDir.rps >= 0.5 * sqlDir.rps, "p95 %.0f ms, %.0f%% of SQL", pubDir.p95, 100 * pubDir.rps / sqlDir.rps));
        Load pubHtml = wrk("/dashboard?month=" + MONTH, null);
        row("the HTML dashboard page as published, to the public", pubHtml.text(), "—", "p95 ≤ 80 ms", verdict(pubHtml.p95 <= 80, "p95 %.0f ms", pubHtml.p95));

        long rss = rssMb(app.pid());
        stop();

        // The archived indicators whose older history a council brings in; the file restates the council's own months too.
        Path history = figures("history.csv", INDICATORS + ARCHIVED, HISTORY_FIRST, HISTORY_MONTHS);
        long historyRows = lines(history);
        long i0 = System.nanoTime();
        String imported = run(List.of(root.resolve("oversight").toString(), "import", history.toString(), "--data", data.toString()));
        double importSeconds = (System.nanoTime() - i0) / 1e9;
        System.err.println("bench: oversight import: " + imported);

        double warm = start("the loaded data folder");
        double copySeconds = copy(history);
        row(String.format("history import of %,d rows: ./oversight import (the whole command)", historyRows),
                String.format("%.1f s, %,.0f rows/s", importSeconds, historyRows / importSeconds),
                String.format("COPY into a bare table: %.1f s, %,.0f rows/s", copySeconds, historyRows / copySeconds), "≥ 50% of COPY",
                verdict(copySeconds / importSeconds >= 0.5, "%.0f%% of COPY", 100 * copySeconds / importSeconds));

        rerating();

        row("start: ./oversight serve to first answer", String.format("empty data folder %.1f s; loaded %.1f s", cold, warm), "—", "warm start ≤ 10 s",
                verdict(warm <= 10, "%.1f s", warm));
        row("resident memory of the app after the load and the load tests", rss + " MB", "—", "≤ 600 MB", verdict(rss <= 600, "%d MB", rss));

        System.out.printf("%nOversight benchmark: %,d indicators over %d directorates, %,d figures (%s to %s), %d connections, %d s each; %s%n%n",
                INDICATORS, DIRECTORATES, councilRows, FIRST, LAST, CONNECTIONS, SECONDS, machine());
        System.out.println("| path | Oversight | beside it | goal | met? |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    // ---- the council -------------------------------------------------------------------------

    /** 2,000 indicators, each with ten years of targets and floors; one in ten with quarterly phased targets in the last year. */
    List<Long> catalogue() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> made = new ArrayList<>();
        for (int n = 1; n <= INDICATORS + ARCHIVED; n++) {
            int i = n;
            made.add(pool.submit(() -> indicator(i)));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> f : made) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids.subList(0, INDICATORS);
    }

    static Polarity polarity(int i) {
        return i % 10 == 0 ? Polarity.TARGET : i % 2 == 0 ? Polarity.LOWER : Polarity.HIGHER;
    }

    static int target(int i) {
        return 50 + i % 40;
    }

    long indicator(int i) throws Exception {
        boolean archived = i > INDICATORS;
        Polarity p = polarity(i);
        String directorate = "Directorate " + (1 + i % DIRECTORATES);
        String body = """
                {"ref":"B%d","title":"Benchmark indicator %d","section":"Section %d","kind":"KPI","polarity":"%s","unit":"%s","decimals":1,
                 "dataPeriod":"Month","frequency":"MONTHLY","portfolio":"Portfolio %d","directorate":"%s","division":"%s division %d",
                 "inQpr":%s,"inDivmt":true,"active":%s}""".formatted(i, i, i % 12, p, i % 3 == 0 ? "number" : "%", i % 4, directorate, directorate,
                i % 5, i % 7 == 0, !archived);
        long id = Long.parseLong(match("\"id\":(\\d+)", post("/api/indicators", token, "application/json", body)));
        if (archived) {
            return id;
        }
        int t = target(i);
        for (int fy = FIRST.getYear(); fy < LAST.getYear(); fy++) {
            String floor = switch (p) {
                case HIGHER -> i % 5 == 0 ? "\"floorPercent\":90" : "\"floor\":" + (t - 10);
                case LOWER -> i % 5 == 1 ? "\"floorPercent\":120" : "\"floor\":" + (t + 10);
                case TARGET -> "\"floor\":" + (t - 8) + ",\"tolerance\":2";
            };
            put("/api/indicators/" + id + "/targets/" + fy + "-" + String.valueOf(fy + 1).substring(2), "{\"target\":" + t + "," + floor + "}");
        }
        if (i % 10 == 3) {
            int fy = LAST.getYear() - 1;
            for (int q = 0; q < 4; q++) {
                YearMonth first = YearMonth.of(fy, 4).plusMonths(3L * q);
                put("/api/indicators/" + id + "/targets/" + fy + "-" + String.valueOf(fy + 1).substring(2) + "/phases",
                        "{\"first\":\"%s\",\"last\":\"%s\",\"target\":%d,\"floor\":%d}".formatted(first, first.plusMonths(2), t + q - 2, t - 12));
            }
        }
        return id;
    }

    /** A figures file: the same value for an indicator and month in every file, one figure in a hundred missing. */
    Path figures(String name, int indicators, YearMonth first, int months) throws IOException {
        Path f = work.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("ref,period,value,provisional,commentary\n");
            for (int i = 1; i <= indicators; i++) {
                for (int m = 0; m < months; m++) {
                    YearMonth period = first.plusMonths(m);
                    long k = (long) i * 7919 + period.getYear() * 12L + period.getMonthValue();
                    String value = k % 100 == 0 ? "" : BigDecimal.valueOf(target(i) * 10L + k % 301 - 150, 1).toPlainString();
                    w.write("B" + i + "," + period + "," + value + ",N,\n");
                }
            }
        }
        return f;
    }

    // ---- the PostgreSQL side -----------------------------------------------------------------

    Connection owner() throws Exception {
        Properties secrets = new Properties();
        try (Reader r = Files.newBufferedReader(data.resolve("secrets.properties"))) {
            secrets.load(r);
        }
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", "postgres",
                secrets.getProperty("database.owner.password"));
    }

    /** The rule and its reason text in SQL, exactly as RagRule words them; and the target in force for a month. */
    static final String FUNCTIONS = """
            create schema if not exists bench;
            create or replace function bench.show(n numeric, unit text) returns text language sql immutable parallel safe as
              $$ select n::text || case when unit = '%' then '%' else '' end $$;
            create or replace function bench.rag(p text, v numeric, t numeric, f numeric, tol numeric) returns text language sql immutable parallel safe as $$
              select case when p is null or v is null or t is null then 'NOT_RATED'
                when p = 'HIGHER' then case when v >= t then 'GREEN' when f is not null and v < f then 'RED' else 'AMBER' end
                when p = 'LOWER' then case when v <= t then 'GREEN' when f is not null and v > f then 'RED' else 'AMBER' end
                else case when abs(v - t) <= coalesce(tol, 0) then 'GREEN' when f is not null and abs(v - t) > abs(f - t) then 'RED' else 'AMBER' end
              end $$;
            create or replace function bench.reason(r text, p text, v numeric, t numeric, f numeric, tol numeric, unit text) returns text
              language sql immutable parallel safe as $$
              select case when p is null then 'a contextual indicator (no polarity), never rated'
                when v is null then 'no figure for the period'
                when t is null then bench.show(v, unit) || ' has no target to be rated against'
                when p = 'HIGHER' then case r
                  when 'GREEN' then bench.show(v, unit) || case when v = t then ' equals' else ' is above' end || ' the target ' || bench.show(t, unit) || ' (higher is better)'
                  when 'RED' then bench.show(v, unit) || ' is below the floor ' || bench.show(f, unit) || ' (target ' || bench.show(t, unit) || ', higher is better)'
                  else bench.show(v, unit) || ' is below the target ' || bench.show(t, unit)
                    || case when f is null then ' and no floor is set' else ' but not below the floor ' || bench.show(f, unit) end || ' (higher is better)' end
                when p = 'LOWER' then case r
                  when 'GREEN' then bench.show(v, unit) || case when v = t then ' equals' else ' is below' end || ' the target ' || bench.show(t, unit) || ' (lower is better)'
                  when 'RED' then bench.show(v, unit) || ' is above the floor ' || bench.show(f, unit) || ' (target ' || bench.show(t, unit) || ', lower is better)'
                  else bench.show(v, unit) || ' is above the target ' || bench.show(t, unit)
                    || case when f is null then ' and no floor is set' else ' but not above the floor ' || bench.show(f, unit) end || ' (lower is better)' end
                else case r
                  when 'GREEN' then bench.show(v, unit) || ' is within ' || bench.show(coalesce(tol, 0), unit) || ' of the target ' || bench.show(t, unit) || ' (closest to target is best)'
                  when 'RED' then bench.show(v, unit) || ' is further from the target ' || bench.show(t, unit) || ' than the floor ' || bench.show(f, unit) || ' (closest to target is best)'
                  else bench.show(v, unit) || ' is more than ' || bench.show(coalesce(tol, 0), unit) || ' from the target ' || bench.show(t, unit)
                    || case when f is null then ' and no floor is set' else ' but no further than the floor ' || bench.show(f, unit) end || ' (closest to target is best)' end
              end $$;
            create or replace function bench.direction(p text, latest numeric, earlier numeric, t numeric) returns text language sql immutable parallel safe as $$
              select case when p is null or latest is null or earlier is null or (p = 'TARGET' and t is null) then null
                else case sign(case p when 'HIGHER' then latest - earlier when 'LOWER' then earlier - latest else abs(earlier - t) - abs(latest - t) end)
                  when 1 then 'IMPROVED' when 0 then 'SAME' else 'WORSENED' end end $$;
            """;

    /** The target, floor and tolerance in force for indicator {@code i} in month {@code m} (a phase over the year's target). */
    static final String STANDARD = """
            left join lateral (
              select case when ph.target is not null then ph.target else ty.target end as target,
                     case when ph.target is not null then coalesce(ph.floor_value, trim_scale(ph.target * ty.floor_percent / 100))
                          else coalesce(ty.floor_value, trim_scale(ty.target * ty.floor_percent / 100)) end as floor, ty.tolerance
              from (select 1) one
              left join target_year ty on ty.indicator_id = %1$s.id and ty.start_year = extract(year from %2$s - interval '3 months')::int
              left join target_phase ph on ph.indicator_id = %1$s.id and %2$s between ph.first_month and ph.last_month) st on true""";

    /**
     * The dashboard's lines in one query: latest figure in the 12 months, the one before, the
     * target in force, rating, reason, directions. The inner query is fenced (offset 0) so that
     * PostgreSQL inlines the reason function over plain columns instead of calling it row by row.
     */
    static final String DASHBOARD = """
            with scope as (select * from indicator where active and (? = '' or directorate = ?)),
            fig as (select distinct on (o.indicator_id) o.indicator_id, o.period, o.value from observation o join scope s on s.id = o.indicator_id
                    where o.value is not null and o.period between ?::date - interval '12 months' and ?::date order by o.indicator_id, o.period desc)
            select ref, title, period, value, target, floor, rag, bench.reason(rag, polarity, value, target, floor, tolerance, unit) as reason,
                   bench.direction(polarity, value, previous, target) as dot_previous, bench.direction(polarity, value, outturn, target) as dot_outturn
            from (
            select s.directorate, s.id, s.ref, s.title, s.polarity, s.unit, f.period, f.value, st.target, st.floor, st.tolerance,
                   prev.value as previous, ot.value as outturn, bench.rag(s.polarity, f.value, st.target, st.floor, st.tolerance) as rag
            from scope s left join fig f on f.indicator_id = s.id
            left join lateral (select o.value from observation o where o.indicator_id = s.id and o.value is not null and o.period < f.period
                               and o.period >= ?::date - interval '24 months' order by o.period desc limit 1) prev on true
            left join outturn ot on ot.indicator_id = s.id and ot.start_year = extract(year from ?::date - interval '3 months')::int - 1
            """ + STANDARD.formatted("s", "coalesce(f.period, ?::date)") + """

            where f.value is not null or st.target is not null
            offset 0) lines
            order by directorate, id""";

    PreparedStatement dashboard(Connection c, String directorate) throws Exception {
        if (!Boolean.TRUE.equals(functionsMade)) {
            try (Statement s = c.createStatement()) {
                s.execute(FUNCTIONS);
            }
            functionsMade = true;
        }
        PreparedStatement p = c.prepareStatement(DASHBOARD);
        java.sql.Date month = java.sql.Date.valueOf(MONTH.atDay(1));
        p.setString(1, directorate);
        p.setString(2, directorate);
        for (int k = 3; k <= 8; k++) {
            p.setDate(k, month);
        }
        return p;
    }

    volatile Boolean functionsMade;

    Map<String, Long> sqlDashboardCounts(String directorate) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = owner(); PreparedStatement p = dashboard(c, directorate); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                counts.merge(rs.getString("rag"), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The dashboard query run by 16 connections for the same time as wrk, each reading every row. */
    Load sqlLoad(String directorate) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < CONNECTIONS; k++) {
            running.add(pool.submit(() -> {
                try (Connection c = owner(); PreparedStatement p = dashboard(c, directorate)) {
                    while (System.nanoTime() < end) {
                        long q0 = System.nanoTime();
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                rs.getString("reason");
                            }
                        }
                        latencies.add(System.nanoTime() - q0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load(pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length / (double) SECONDS, 0);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** COPY of the same file into a bare table of the same columns, in the same database. */
    double copy(Path file) throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("create table bench.copied (ref text, period text, value numeric, provisional text, commentary text)");
            long t0 = System.nanoTime();
            try (Reader r = Files.newBufferedReader(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench.copied from stdin (format csv, header true)", r);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("drop table bench.copied");
            return seconds;
        }
    }

    /**
     * Every stored figure re-rated with its reason, from the database: the product's check
     * (GET /api/ratings/check, the whole request: it reads the indicators, their targets and every
     * figure on two connections and rates each in Java against the target in force in its month),
     * beside PostgreSQL computing the same rule, reason text and contradiction count on two
     * sessions, each taking the same half of the indicators. The median of three runs of each,
     * after a warm-up run; they must agree on every count.
     */
    void rerating() throws Exception {
        String sql = """
                select rag, count(*), sum(length(bench.reason(rag, polarity, value, target, floor, tolerance, unit))),
                       count(*) filter (where published_rag is not null and published_rag <> rag) from (
                  select i.polarity, o.value, st.target, st.floor, st.tolerance, i.unit, o.published_rag,
                         bench.rag(i.polarity, o.value, st.target, st.floor, st.tolerance) as rag
                  from observation o join (select id, unit, case when kind = 'KPI' then polarity end as polarity from indicator) i on i.id = o.indicator_id
                  """ + STANDARD.formatted("i", "o.period") + """

                  where o.indicator_id % 2 = ? offset 0) x group by rag""";
        List<Double> engineRuns = new ArrayList<>();
        List<Double> sqlRuns = new ArrayList<>();
        Map<String, Long> engine = null;
        Map<String, Long> inSql = null;
        // A warm-up of each side first (a run of four, the first not counted), as the load tests have.
        for (int run = -1; run < 3; run++) {
            long e0 = System.nanoTime();
            String json = get("/api/ratings/check", token);
            if (run >= 0) {
                engineRuns.add((System.nanoTime() - e0) / 1e9);
            }
            engine = new TreeMap<>(ragCounts(json.replace("\"ratings\"", "\"rag\"")));
            engine.put("contradicted", Long.parseLong(match("\"contradicted\":(\\d+)", json)));

            long s0 = System.nanoTime();
            ExecutorService sqlPool = Executors.newFixedThreadPool(2);
            List<Future<Map<String, Long>>> halves = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                int h = half;
                halves.add(sqlPool.submit(() -> {
                    Map<String, Long> acc = new TreeMap<>();
                    try (Connection c = owner(); PreparedStatement p = c.prepareStatement(sql)) {
                        p.setInt(1, h);
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                acc.merge(rs.getString(1), rs.getLong(2), Long::sum);
                                acc.merge("reason characters", rs.getLong(3), Long::sum);
                                acc.merge("contradicted", rs.getLong(4), Long::sum);
                            }
                        }
                    }
                    return acc;
                }));
            }
            inSql = new TreeMap<>();
            for (Future<Map<String, Long>> f : halves) {
                for (Map.Entry<String, Long> e : f.get().entrySet()) {
                    inSql.merge(e.getKey(), e.getValue(), Long::sum);
                }
            }
            sqlPool.shutdown();
            if (run >= 0) {
                sqlRuns.add((System.nanoTime() - s0) / 1e9);
            }
        }
        Map<String, Long> compared = new TreeMap<>(inSql);
        compared.remove("reason characters");
        compared.values().removeIf(v -> v == 0);
        engine.values().removeIf(v -> v == 0);
        if (!compared.equals(engine)) {
            throw new IllegalStateException("the check " + engine + " and SQL " + inSql + " disagree");
        }
        long n = engine.entrySet().stream().filter(e -> !e.getKey().equals("contradicted")).mapToLong(Map.Entry::getValue).sum();
        Collections.sort(engineRuns);
        Collections.sort(sqlRuns);
        double engineSeconds = engineRuns.get(1);
        double sqlSeconds = sqlRuns.get(1);
        System.err.printf("bench: re-rated %,d figures; the check and SQL agree: %s%n", n, inSql);
        row(String.format("re-rating all %,d stored figures with their reasons, from the database", n),
                String.format("%,.0f figures/s (GET /api/ratings/check, 2 connections, %.2f s, median of 3 after a warm-up)", n / engineSeconds, engineSeconds),
                String.format("the same rule, text and contradictions in SQL, 2 sessions: %,.0f figures/s (%.2f s)", n / sqlSeconds, sqlSeconds),
                "engine ≥ 3× SQL", verdict(sqlSeconds / engineSeconds >= 3, "%.1f×", sqlSeconds / engineSeconds));
    }

    // ---- the app -----------------------------------------------------------------------------

    /** Starts {@code ./oversight serve}; seconds until it first answers. */
    double start(String what) throws Exception {
        long t0 = System.nanoTime();
        ProcessBuilder b = new ProcessBuilder(root.resolve("oversight").toString(), "serve", "--port", String.valueOf(port), "--data", data.toString(),
                "--no-demo").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        b.environment().put("OVERSIGHT_ADMIN_PASSWORD", "admin-" + PASSWORD);
        app = b.start();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("oversight serve stopped; see " + work.resolve("app.log"));
                }
                Thread.sleep(50);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf("bench: serve answered in %.1f s from %s%n", s, what);
        return s;
    }

    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
        app = null;
    }

    static long rssMb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    // ---- HTTP --------------------------------------------------------------------------------

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String get(String path, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET().build());
    }

    String post(String path, String bearer, String type, Object body) throws Exception {
        HttpRequest.BodyPublisher p = body instanceof Path f ? HttpRequest.BodyPublishers.ofFile(f) : HttpRequest.BodyPublishers.ofString((String) body);
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).header("Content-Type", type).POST(p).build());
    }

    void put(String path, String json) throws Exception {
        send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String send(HttpRequest r) throws Exception {
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() >= 300) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    /** Signs in through the form as a user would, changes a first password if asked, and makes an API token on the account page. */
    String signedInToken(String user, String password, boolean firstSignIn) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(browser, user, password);
        if (firstSignIn) {
            form(browser, "/account/password", Map.of("current", password, "password", PASSWORD, "confirm", PASSWORD));
        }
        String page = form(browser, "/account/tokens", Map.of("name", "benchmark"));
        return match("(ovt_[A-Za-z0-9]{32})", page);
    }

    /** A signed-in session's cookie, for wrk to load the HTML page as that user. */
    String sessionCookie(String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(browser, user, password);
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
    }

    void signIn(HttpClient browser, String user, String password) throws Exception {
        form(browser, "/login", Map.of("username", user, "password", password));
    }

    /** Posts a form with the CSRF token of the page it is on. */
    String form(HttpClient browser, String path, Map<String, String> fields) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri(path.equals("/account/tokens") ? "/account" : path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(match("name=\"_csrf\" value=\"([^\"]+)\"", page), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> res = browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() >= 400 || res.uri().toString().contains("error")) {
            throw new IllegalStateException("POST " + path + " answered " + res.statusCode() + " at " + res.uri());
        }
        return res.body();
    }

    static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text.substring(0, Math.min(400, text.length())));
        }
        return m.group(1);
    }

    static Map<String, Long> ragCounts(String json) {
        String rag = match("\"rag\":\\{([^}]*)\\}", json);
        Map<String, Long> m = new TreeMap<>();
        Matcher e = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(rag);
        while (e.find()) {
            if (Long.parseLong(e.group(2)) > 0) {
                m.put(e.group(1), Long.parseLong(e.group(2)));
            }
        }
        return m;
    }

    // ---- load --------------------------------------------------------------------------------

    record Load(double p50, double p95, double p99, double rps, long errors) {
        String text() {
            return String.format("p50 %.1f / p95 %.1f / p99 %.1f ms, %,.0f req/s%s", p50, p95, p99, rps, errors == 0 ? "" : ", " + errors + " errors");
        }
    }

    /** wrk on one path: first a warm-up (the JIT compiles the path; not counted), then the measured run. */
    Load wrk(String path, String header) throws Exception {
        load(path, header, Math.max(2, SECONDS / 3));
        return load(path, header, SECONDS);
    }

    Load load(String path, String header, int seconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "10s",
                "-s", root.resolve("bench/percentiles.lua").toString()));
        if (header != null) {
            cmd.addAll(List.of("-H", header));
        }
        cmd.add(uri(path).toString());
        String out = run(cmd);
        String[] r = match("RESULT ([^\\n]+)", out).split(" ");
        Load l = new Load(Double.parseDouble(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2]), Double.parseDouble(r[3]), Long.parseLong(r[4]));
        if (l.errors > 0) {
            throw new IllegalStateException("wrk " + path + " saw " + l.errors + " answers that were not 2xx/3xx");
        }
        System.err.println("bench: " + path + (seconds < SECONDS ? " (warm-up)" : "") + ": " + l.text());
        return l;
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out.strip();
    }

    static long lines(Path f) throws IOException {
        try (var s = Files.lines(f)) {
            return s.count() - 1;
        }
    }

    void row(String path, String oversight, String beside, String goal, String met) {
        table.add(new String[] {path, oversight, beside, goal, met});
        System.err.println("bench: " + String.join(" | ", path, oversight, beside, goal, met));
    }

    static String verdict(boolean met, String format, Object... args) {
        return (met ? "met: " : "NOT met: ") + String.format(format, args);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
