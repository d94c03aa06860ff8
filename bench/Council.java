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
    static final String PART = System.getProperty("part", "all");

    final Path root = Path.of("").toAbsolutePath();
    final Path work;
    Path data;
    final int port = Integer.getInteger("port", 18480);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<String[]> table = new ArrayList<>();
    final List<String> about = new ArrayList<>();
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
        // -Dpart=budget times the budget book alone (a few minutes, not ten); -Dpart=council all but it; -Dpart=papers the published papers alone.
        if (!List.of("all", "budget", "council", "papers").contains(PART)) {
            throw new IllegalArgumentException("-Dpart=" + PART + ": say budget, council, papers or all");
        }
        if (PART.equals("papers")) {
            papers();
        } else {
            double cold = start("an empty data folder (creates the database)");
            String admin = signedInToken("admin", "admin-" + PASSWORD, false);
            if (PART.equals("budget")) {
                budget(admin);
                memory(rssMb(app.pid()));
            } else {
                council(admin, cold);
                papers();
            }
        }
        System.out.printf("%nOversight benchmark: %s; %d connections, %d s each; %s%n%n", String.join("; ", about), CONNECTIONS, SECONDS, machine());
        System.out.println("| path | Oversight | beside it | goal | met? |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    void council(String admin, double cold) throws Exception {
        post("/api/users", admin, "application/json", """
                {"username":"bench","displayName":"Benchmark","password":"%s","roles":["PERFORMANCE"]}""".formatted(PASSWORD + "-0"));
        token = signedInToken("bench", PASSWORD + "-0", true);
        // The council's structure first: an indicator names a directorate and a division the structure has.
        for (int d = 1; d <= DIRECTORATES; d++) {
            String directorate = "Directorate " + d;
            post("/api/units", admin, "application/json", "{\"kind\":\"DIRECTORATE\",\"name\":\"%s\"}".formatted(directorate));
            for (int v = 0; v < 5; v++) {
                post("/api/units", admin, "application/json",
                        "{\"kind\":\"DIVISION\",\"name\":\"%s division %d\",\"parent\":\"%s\"}".formatted(directorate, v, directorate));
            }
        }

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
        Load sqlWhole = sqlLoad(c -> dashboard(c, ""));
        row("dashboard, whole council (" + apiCounts.values().stream().mapToLong(Long::longValue).sum() + " lines): GET /api/dashboards/"
                + MONTH + ", token", apiWhole.text(), "one SQL query, same lines: " + sqlWhole.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(apiWhole.p95 <= 50 && apiWhole.rps >= 0.5 * sqlWhole.rps, "p95 %.0f ms, %.0f%% of SQL", apiWhole.p95, 100 * apiWhole.rps / sqlWhole.rps));
        Load apiDir = wrk("/api/dashboards/" + MONTH + "?directorate=" + directorate, "Authorization: Bearer " + token);
        Load sqlDir = sqlLoad(c -> dashboard(c, "Directorate 3"));
        row("dashboard, one directorate: same, ?directorate=", apiDir.text(), "one SQL query: " + sqlDir.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(apiDir.p95 <= 50 && apiDir.rps >= 0.5 * sqlDir.rps, "p95 %.0f ms, %.0f%% of SQL", apiDir.p95, 100 * apiDir.rps / sqlDir.rps));

        String session = sessionCookie("bench", PASSWORD);
        Load html = wrk("/dashboard?month=" + MONTH, "Cookie: " + session);
        row("the HTML dashboard page, whole council, signed in", html.text(), "—", "p95 ≤ 80 ms", verdict(html.p95 <= 80, "p95 %.0f ms", html.p95));

        List<Double> publishing = new ArrayList<>();
        for (YearMonth m : List.of(MONTH, MONTH.minusMonths(1), MONTH.minusMonths(2))) {
            // The one act: the month's paper, each finding its dry run lists accepted; timed from the dry run to the paper out.
            long p0 = System.nanoTime();
            String checks = post("/api/dashboards/" + m + "/publication?dryRun=true", token, "application/json", "{}");
            String acceptances = Pattern.compile("\"finding\":\"([0-9a-f]{16})\"").matcher(checks).results()
                    .map(f -> "{\"finding\":\"" + f.group(1) + "\",\"reason\":\"Generated figures\"}").collect(java.util.stream.Collectors.joining(","));
            post("/api/dashboards/" + m + "/publication", token, "application/json", "{\"acceptances\":[" + acceptances + "]}");
            publishing.add((System.nanoTime() - p0) / 1e9);
        }
        Collections.sort(publishing);
        row("publish the whole council's month: its paper and the month frozen (" + apiCounts.values().stream().mapToLong(Long::longValue).sum() + " ratings frozen)",
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

        if (!PART.equals("council")) {
            budget(admin);
        }
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
        memory(rss);
        about.add(0, String.format("%,d indicators over %d directorates, %,d figures (%s to %s)", INDICATORS, DIRECTORATES, councilRows, FIRST, LAST));
    }

    /**
     * The published papers as the public reads them, many at once: the demo's January 2019 dashboard
     * paper (published on first start) as HTML and PDF, beside PostgreSQL reading the same stored
     * column, with the app's resident memory before and after.
     */
    void papers() throws Exception {
        stop();
        data = work.resolve("papers");
        start("an empty data folder with the demo (its papers published on first start)", true);
        String path = "/papers/dashboard/2019-01?scope=" + URLEncoder.encode("Adult Social Care and Health", StandardCharsets.UTF_8);
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(uri(path.replace("2019-01?", "2019-01.pdf?"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (page.statusCode() != 200 || pdf.statusCode() != 200) {
            throw new IllegalStateException("the demo's published dashboard paper answered " + page.statusCode() + " and its PDF " + pdf.statusCode());
        }
        String latest = "from paper where kind = 'dashboard' and period = date '2019-01-01' and scope = 'Adult Social Care and Health' order by version desc limit 1";
        long before = rssMb(app.pid());
        Load html = wrk(path, null);
        Load sqlHtml = sqlLoad(c -> c.prepareStatement("select html " + latest));
        row(String.format("a published paper's HTML (%,d KB) to the public: GET /papers/dashboard/2019-01", page.body().length / 1024), html.text(),
                "the stored column read by SQL: " + sqlHtml.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(html.p95 <= 50 && html.rps >= 0.5 * sqlHtml.rps, "p95 %.0f ms, %.0f%% of SQL", html.p95, 100 * html.rps / sqlHtml.rps));
        Load pdfLoad = wrk(path.replace("2019-01?", "2019-01.pdf?"), null);
        Load sqlPdf = sqlLoad(c -> c.prepareStatement("select pdf " + latest));
        row(String.format("its PDF (%,d KB): GET /papers/dashboard/2019-01.pdf", pdf.body().length / 1024), pdfLoad.text(),
                "the stored column read by SQL: " + sqlPdf.text(), "p95 ≤ 50 ms; ≥ 50% of SQL",
                verdict(pdfLoad.p95 <= 50 && pdfLoad.rps >= 0.5 * sqlPdf.rps, "p95 %.0f ms, %.0f%% of SQL", pdfLoad.p95, 100 * pdfLoad.rps / sqlPdf.rps));
        long after = rssMb(app.pid());
        row("resident memory of the app before and after the papers' load", before + " MB → " + after + " MB", "—", "≤ 600 MB after",
                verdict(after <= 600, "%d MB", after));
        about.add(String.format("the demo's published papers, %d connections", CONNECTIONS));
        stop();
    }

    void memory(long rss) {
        row("resident memory of the app after the load and the load tests", rss + " MB", "—", "≤ 600 MB", verdict(rss <= 600, "%d MB", rss));
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

    // ---- the budget book ---------------------------------------------------------------------

    static final int BUDGET_LINES = Integer.getInteger("budgetLines", 5_000);
    static final int DIVISIONS = 40;
    /** The financial year that ends in the council's last month, a monitoring file a month from April. */
    static final YearMonth BUDGET_FIRST = LAST.minusMonths(11);
    /** October's file moves budget between lines (a virement), with its reason: the cash limits held change mid-year. */
    static final int VIREMENT = 6;
    static final BigDecimal THRESHOLD = new BigDecimal(100_000);
    static final long NONE = Long.MIN_VALUE;

    /**
     * A budget book of 8 directorates, 40 divisions and 5,000 service lines with twelve months of
     * forecasts, loaded a month at a time through the upload form as a finance officer does; then the
     * last month's directorate position and variance lists under the dashboard's load, each beside
     * the same sums in SQL, which must agree with the page to the pound.
     */
    void budget(String admin) throws Exception {
        post("/api/users", admin, "application/json", """
                {"username":"finance","displayName":"Finance officer","password":"%s","roles":["FINANCE_OFFICER"]}""".formatted(PASSWORD + "-0"));
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        // The same session not following redirects: where the upload's answer points says whether the file was loaded.
        HttpClient sender = HttpClient.newBuilder().cookieHandler(cookies).build();
        signIn(browser, "finance", PASSWORD + "-0");
        form(browser, "/account/password", Map.of("current", PASSWORD + "-0", "password", PASSWORD, "confirm", PASSWORD));

        List<Double> uploads = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            uploads.add(upload(browser, sender, BUDGET_FIRST.plusMonths(k), budgetFile(k), k == 0 || k == VIREMENT,
                    k == VIREMENT ? "Virement: budget moved between service lines after the restructure" : null));
        }
        double first = uploads.get(0);
        Collections.sort(uploads);
        row(String.format("budget: a month's monitoring file (%,d rows: lines, groups, total) through POST /budget/upload, signed in",
                        BUDGET_LINES + DIVISIONS + DIRECTORATES + 1),
                String.format("median %.1f s, max %.1f s of 12 months (the first, making the book: %.1f s)", (uploads.get(5) + uploads.get(6)) / 2,
                        uploads.get(11), first), "—", "none set", "—");

        YearMonth m = LAST;
        List<BigDecimal> position = pounds(page(browser, "/budget?month=" + m), "position");
        agree("the " + m + " position page", position, numbers(c -> position(c, m), 2, 7));
        String v = page(browser, "/budget/variances?month=" + m);
        List<BigDecimal> pressures = pounds(v, "pressures-table");
        List<BigDecimal> underspends = pounds(v, "underspends-table");
        List<BigDecimal> listed = new ArrayList<>(pressures);
        listed.addAll(underspends);
        agree("the " + m + " variance lists", listed, numbers(c -> variances(c, m), 2, 2));
        BigDecimal revised = position.get(position.size() - 3);
        System.err.printf("bench: the %s position page and SQL agree on %d directorates and the total (revised £%sm); the variance lists on %d pressures "
                + "and %d underspends%n", m, position.size() / 6 - 1, revised.movePointLeft(6).stripTrailingZeros().toPlainString(), pressures.size(),
                underspends.size());

        String cookie = "Cookie: " + cookieHeader(cookies);
        Load table1 = wrk("/budget?month=" + m, cookie);
        Load table1Sql = sqlLoad(c -> position(c, m));
        row(String.format("budget: directorate position, %s (%,d service lines, movements from the month before): GET /budget?month=, signed in", m,
                BUDGET_LINES), table1.text(), "one SQL query, same sums (recursive CTE up the book, the month and the one before): " + table1Sql.text(),
                "p95 ≤ 50 ms", verdict(table1.p95 <= 50, "p95 %.0f ms; %.0f%% of SQL's req/s", table1.p95, 100 * table1.rps / table1Sql.rps));
        Load lists = wrk("/budget/variances?month=" + m, cookie);
        Load listsSql = sqlLoad(c -> variances(c, m));
        row(String.format("budget: variance lists ≥ £100k, %s (%d pressures, %d underspends): GET /budget/variances?month=, signed in", m, pressures.size(),
                underspends.size()), lists.text(), "one SQL query, same lines: " + listsSql.text(), "p95 ≤ 50 ms",
                verdict(lists.p95 <= 50, "p95 %.0f ms; %.0f%% of SQL's req/s", lists.p95, 100 * lists.rps / listsSql.rps));
        about.add(String.format("a budget book of %d directorates, %d divisions, %,d service lines, forecasts %s to %s", DIRECTORATES, DIVISIONS, BUDGET_LINES,
                BUDGET_FIRST, LAST));
    }

    /** Month k's ledger export in £000s: each directorate and division with the exact sums of its lines, in the book's order, then the TOTAL. */
    Path budgetFile(int k) throws IOException {
        long[][] lines = new long[BUDGET_LINES][];
        long[][] divisions = new long[DIVISIONS][];
        long[][] directorates = new long[DIRECTORATES][];
        long[] total = blank();
        for (int d = 0; d < DIVISIONS; d++) {
            divisions[d] = blank();
        }
        for (int g = 0; g < DIRECTORATES; g++) {
            directorates[g] = blank();
        }
        for (int i = 0; i < BUDGET_LINES; i++) {
            lines[i] = serviceLine(i, k);
            add(divisions[(int) ((long) i * DIVISIONS / BUDGET_LINES)], lines[i]);
        }
        for (int d = 0; d < DIVISIONS; d++) {
            add(directorates[d * DIRECTORATES / DIVISIONS], divisions[d]);
        }
        for (long[] g : directorates) {
            add(total, g);
        }
        Path f = work.resolve("budget-" + BUDGET_FIRST.plusMonths(k) + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,adjustment,comment\n");
            int i = 0;
            for (int d = 0; d < DIVISIONS; d++) {
                int g = d * DIRECTORATES / DIVISIONS;
                String directorate = "Directorate " + (g + 1);
                String division = "Division " + (g + 1) + "." + (d - g * DIVISIONS / DIRECTORATES + 1);
                if (d == g * DIVISIONS / DIRECTORATES) {
                    budgetRow(w, directorate, "", directorates[g], "");
                }
                budgetRow(w, division, directorate, divisions[d], "");
                for (; i < BUDGET_LINES && i * (long) DIVISIONS / BUDGET_LINES == d; i++) {
                    long v = lines[i][3];
                    String why = v == NONE || Math.abs(v) < 500 ? "" : v > 0
                            ? "Demand %d%% above the budgeted level, %d more placements; the \"agreed\" price review".formatted(v % 37, v % 11)
                            : "Vacancies held until month %d, recruitment paused".formatted(k + 1);
                    budgetRow(w, "Service line %04d".formatted(i + 1), division, lines[i], why);
                }
            }
            budgetRow(w, "TOTAL", "", total, "");
        }
        return f;
    }

    /** A service line in £100s (£000s to one decimal): cash limit gross, income, net; the managers' variance; the adjustment. NONE is blank. */
    static long[] serviceLine(int i, int k) {
        long gross = 500 + mix(i, 0) % 9_500;
        // About one line in ten is income-led: its net is negative.
        long income = -(mix(i, 1) % (gross + gross / 10));
        if (k >= VIREMENT && i % 250 < 2) {
            gross += i % 250 == 0 ? 500 : -500;
        }
        long h = mix(i, 100 + k);
        // One line in twenty £100k to £1m out (the variance lists), the rest within a tenth of their budget; one in fifty with no forecast this month.
        long size = h % 20 == 0 ? 1_000 + h / 20 % 9_000 : h / 20 % (gross / 10 + 1);
        long variance = h % 50 == 1 ? NONE : (h >>> 40 & 1) == 0 ? size : -size;
        long a = mix(i, 200 + k);
        long adjustment = variance != NONE && a % 25 == 0 ? -(a / 25 % 1_500) : NONE;
        return new long[] {gross, income, gross + income, variance, adjustment};
    }

    static long mix(long a, long b) {
        long x = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + 1;
        x = (x ^ x >>> 31) * 0xBF58476D1CE4E5B9L;
        return (x ^ x >>> 29) & Long.MAX_VALUE;
    }

    static long[] blank() {
        long[] l = new long[5];
        java.util.Arrays.fill(l, NONE);
        return l;
    }

    /** A group's figures add up what its lines give; a figure none of them gives stays blank. */
    static void add(long[] into, long[] line) {
        for (int j = 0; j < into.length; j++) {
            if (line[j] != NONE) {
                into[j] = into[j] == NONE ? line[j] : into[j] + line[j];
            }
        }
    }

    static void budgetRow(BufferedWriter w, String heading, String group, long[] l, String comment) throws IOException {
        StringBuilder row = new StringBuilder(heading).append(',').append(group);
        for (long n : l) {
            row.append(',').append(n == NONE ? "" : BigDecimal.valueOf(n, 1).toPlainString());
        }
        w.write(row.append(",\"").append(comment.replace("\"", "\"\"")).append("\"\n").toString());
    }

    /** Sends a month's file with the upload form, as a finance officer does; seconds to the answer. A form sent back with its error fails the run. */
    double upload(HttpClient browser, HttpClient sender, YearMonth month, Path file, boolean setsBook, String reason) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", match("name=\"_csrf\" value=\"([^\"]+)\"", page(browser, "/budget/upload")));
        fields.put("month", month.toString());
        fields.put("unit", "THOUSANDS");
        if (setsBook) {
            fields.put("setsBook", "true");
        }
        if (reason != null) {
            fields.put("reason", reason);
        }
        String boundary = "bench" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        head.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n");
        HttpRequest post = HttpRequest.newBuilder(uri("/budget/upload")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file),
                        ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)))).build();
        long t0 = System.nanoTime();
        HttpResponse<String> res = sender.send(post, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        String to = res.headers().firstValue("Location").orElse("");
        String shown = to.isEmpty() ? res.body() : page(browser, to);
        if (!to.endsWith("/budget?month=" + month)) {
            Matcher e = Pattern.compile("govuk-error-summary__list\">(.*?)</ul>", Pattern.DOTALL).matcher(shown);
            throw new IllegalStateException("POST /budget/upload of " + file.getFileName() + " answered " + res.statusCode() + " " + to + ": "
                    + (e.find() ? e.group(1).replaceAll("<[^>]+>|\\s+", " ").strip() : shown.substring(0, Math.min(400, shown.length()))));
        }
        System.err.printf("bench: %s in %.1f s: %s%n", file.getFileName(), seconds, match("notification-banner__heading\">([^<]+)<", shown));
        return seconds;
    }

    /** A page as the signed-in browser gets it; sent to sign in, or anywhere else, fails the run. */
    String page(HttpClient browser, String path) throws Exception {
        URI at = uri("/").resolve(path);
        HttpResponse<String> res = browser.send(HttpRequest.newBuilder(at).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200 || !res.uri().getPath().equals(at.getPath())) {
            throw new IllegalStateException("GET " + path + " answered " + res.statusCode() + " at " + res.uri());
        }
        return res.body();
    }

    /** A page table's £m figures in pounds, as printed ("–" is none); none when the page has no such table (an empty list). */
    static List<BigDecimal> pounds(String html, String table) {
        List<BigDecimal> out = new ArrayList<>();
        int at = html.indexOf("id=\"" + table + "\"");
        if (at >= 0) {
            Matcher m = Pattern.compile("oversight-num\">([^<]*)</td>").matcher(html.substring(at, html.indexOf("</table>", at)));
            while (m.find()) {
                String n = m.group(1).strip();
                out.add(n.equals("–") ? null : new BigDecimal(n.replace(",", "").replace('−', '-')).movePointRight(6));
            }
        }
        return out;
    }

    static void agree(String what, List<BigDecimal> page, List<BigDecimal> sql) {
        boolean same = page.size() == sql.size();
        for (int k = 0; same && k < page.size(); k++) {
            // The page prints £m to the nearest £1,000: SQL's pounds rounded the same way.
            same = page.get(k) == null ? sql.get(k) == null : sql.get(k) != null
                    && page.get(k).compareTo(sql.get(k).setScale(-3, java.math.RoundingMode.HALF_UP)) == 0;
        }
        if (!same) {
            throw new IllegalStateException(what + " and SQL disagree: the page has " + page + ", SQL " + sql);
        }
    }

    /** Columns from..to of every row of a query, row by row. */
    List<BigDecimal> numbers(Query q, int from, int to) throws Exception {
        List<BigDecimal> out = new ArrayList<>();
        try (Connection c = owner(); PreparedStatement p = q.on(c); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                for (int k = from; k <= to; k++) {
                    out.add(rs.getBigDecimal(k));
                }
            }
        }
        return out;
    }

    /**
     * Table 1 in one query, as Budget works it out: a heading's cash limit and variance are its service
     * lines' (a group's own are never stored), its adjustment its own and its lines'; revised = variance +
     * adjustment; last reported = the month before's revised (a month after April); and the total.
     */
    static final String POSITION = """
            with recursive tree as (
              select id, id as top from budget_heading where parent_id is null
              union all
              select h.id, t.top from budget_heading h join tree t on h.parent_id = t.id),
            figures as (
              select t.top, not exists (select 1 from budget_heading k where k.parent_id = t.id) as line, c.net, f.variance_net, f.adjustment,
                     b.variance_net as variance_before, b.adjustment as adjustment_before
              from tree t left join cash_limit c on c.heading_id = t.id and c.year = ?
              left join forecast f on f.heading_id = t.id and f.month = ?
              left join forecast b on b.heading_id = t.id and b.month = ?),
            sums as (
              select top, sum(net) filter (where line) as cash, sum(variance_net) filter (where line) as variance, sum(adjustment) as adjustment,
                     sum(variance_before) filter (where line) + coalesce(sum(adjustment_before), 0) as last
              from figures group by rollup (top))
            select h.name, cash, variance, adjustment, variance + coalesce(adjustment, 0) as revised, last, variance + coalesce(adjustment, 0) - last as movement
            from sums s left join budget_heading h on h.id = s.top
            order by s.top is null, h.position, h.id""";

    static PreparedStatement position(Connection c, YearMonth m) throws Exception {
        PreparedStatement p = c.prepareStatement(POSITION);
        p.setInt(1, m.minusMonths(3).getYear());
        p.setDate(2, java.sql.Date.valueOf(m.atDay(1)));
        p.setDate(3, java.sql.Date.valueOf(m.minusMonths(1).atDay(1)));
        return p;
    }

    /** The service lines (headings with no lines under them) whose revised variance is £100k or more either way: pressures, then underspends, largest first. */
    static final String VARIANCES = """
            select h.name, x.revised, x.comment from (
              select heading_id, variance_net + coalesce(adjustment, 0) as revised, comment from forecast where month = ? and variance_net is not null) x
            join budget_heading h on h.id = x.heading_id
            where abs(x.revised) >= ? and not exists (select 1 from budget_heading k where k.parent_id = h.id)
            order by sign(x.revised) desc, abs(x.revised) desc""";

    static PreparedStatement variances(Connection c, YearMonth m) throws Exception {
        PreparedStatement p = c.prepareStatement(VARIANCES);
        p.setDate(1, java.sql.Date.valueOf(m.atDay(1)));
        p.setBigDecimal(2, THRESHOLD);
        return p;
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

    /** A query made ready on a connection of its own. */
    interface Query {
        PreparedStatement on(Connection c) throws Exception;
    }

    /** A query run by 16 connections for the same time as wrk, each reading every row and column. */
    Load sqlLoad(Query query) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < CONNECTIONS; k++) {
            running.add(pool.submit(() -> {
                try (Connection c = owner(); PreparedStatement p = query.on(c)) {
                    while (System.nanoTime() < end) {
                        long q0 = System.nanoTime();
                        try (ResultSet rs = p.executeQuery()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int j = 1; j <= columns; j++) {
                                    rs.getString(j);
                                }
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
        return start(what, false);
    }

    double start(String what, boolean demo) throws Exception {
        long t0 = System.nanoTime();
        List<String> serve = new ArrayList<>(List.of(root.resolve("oversight").toString(), "serve", "--port", String.valueOf(port), "--data", data.toString()));
        if (!demo) {
            serve.add("--no-demo");
        }
        ProcessBuilder b = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
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
        return cookieHeader(cookies);
    }

    static String cookieHeader(CookieManager cookies) {
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
