package org.oversight.it;

import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.Commands;

/**
 * Runs the packaged application as its own process, kills it with SIGKILL while a large import
 * or a publication is writing (seen running in pg_stat_activity), starts it again, and checks
 * the database holds all of the import (or publication) or none of it.
 */
class CrashSafetyIT {

    private static final int INDICATORS = 3000;
    private static final String ADMIN_PASSWORD = "crash-test-admin-password";
    private static EmbeddedPostgres pg;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final SplittableRandom random = new SplittableRandom(42);
    private static int port;

    private static String loader;

    /** The app the setup started, left running for the first round that needs one: each round starts it once, not twice. */
    private static Process started;

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        port = 18000 + new SplittableRandom().nextInt(1000);
        started = start();
        try {
            String admin = "Bearer " + Commands.token("admin", pg.getJdbcUrl("postgres", "postgres"));
            HttpResponse<String> made = send(HttpRequest.newBuilder(uri("/api/users")).header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"loader\",\"password\":\"loader-password-1\",\"roles\":[\"PERFORMANCE\"]}")));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        } catch (Throwable e) {
            kill(started);
            throw e;
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("update app_user set must_change_password = false where username = 'loader'");
        }
        loader = "Bearer " + Commands.token("loader", pg.getJdbcUrl("postgres", "postgres"));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into indicator (ref, title, kind, polarity, unit, directorate) select 'LOAD' || g, 'Load test ' || g, 'KPI', 'HIGHER', "
                    + "'%', 'Load' from generate_series(1, " + INDICATORS + ") g");
            // Figures for the months the publication test publishes, so each dashboard has a rating per indicator.
            s.execute("insert into observation (indicator_id, period, value, entered_by) select i.id, m, 60 + i.id % 40, 'load' "
                    + "from indicator i, generate_series(date '2017-04-01', date '2017-07-01', interval '1 month') m");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (started != null) {
            kill(started);
        }
        pg.close();
    }

    /** The app, started (or the one the setup left running) and answering. */
    private static Process app() throws Exception {
        Process p = started;
        started = null;
        return p != null && p.isAlive() ? p : start();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until a statement like {@code pattern} is running in the database, and says whether it was seen. */
    private static boolean running(String pattern, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (count("select count(*) from pg_stat_activity where state in ('active', 'idle in transaction') and query ilike '" + pattern + "'") > 0) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process start() throws Exception {
        ProcessBuilder pb = Launch.java("serve", "--port", String.valueOf(port), "--no-demo", "--database-url", pg.getJdbcUrl("postgres", "postgres"),
                "--database-user", "postgres", "--database-password", "")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/crash-safety-app.log")));
        pb.environment().put("OVERSIGHT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(HttpRequest.newBuilder(uri("/login"))).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        p.destroyForcibly(); // not left running on after the run
        throw new IllegalStateException("the app did not start: see target/crash-safety-app.log");
    }

    private static void kill(Process p) throws Exception {
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the app
        p.waitFor();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void killedWhileAnImportIsWritingTheDatabaseHoldsAllOfItOrNone() throws Exception {
        StringBuilder csv = new StringBuilder("ref,title,value\n");
        for (int i = 1; i <= INDICATORS; i++) {
            csv.append("LOAD").append(i).append(",Load test ").append(i).append(',').append(50 + i % 50).append('\n');
        }
        List<String> outcomes = new ArrayList<>();
        String[] months = {"2018-04", "2018-05", "2018-06", "2018-07", "2018-08"};
        for (String month : months) {
            Process app = app();
            CompletableFuture<HttpResponse<String>> upload = http.sendAsync(HttpRequest.newBuilder(uri("/api/scorecards/" + month + "?fileName=load.csv"))
                    .header("Authorization", loader).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            // The kill lands while figures are being written, a random while after the first one.
            boolean writing = running("insert into observation %", 60_000);
            Thread.sleep(random.nextInt(400));
            kill(app);
            assertThat(writing).as(month + ": the import's writes were seen running before the kill").isTrue();
            boolean answered = upload.isDone() && !upload.isCompletedExceptionally();
            long stored = count("select count(*) from observation where period = '" + month + "-01'");
            long audited = count("select count(*) from audit_event where action = 'IMPORT' and record_id = '" + month + "'");
            outcomes.add(month + ": " + stored + " figures" + (answered ? " (finished before the kill)" : " (killed mid-write)"));
            assertThat(stored).as(month).isIn(0L, (long) INDICATORS);
            assertThat(audited).as("the import's audit record stands or falls with it").isEqualTo(stored == 0 ? 0 : 1);
        }
        Process app = start();
        kill(app);
        System.out.println("kill -9 while imports were writing: " + outcomes);
        assertThat(outcomes).anyMatch(o -> o.contains(": 0 figures"));
    }

    @Test
    void killedWhileAPublicationIsWritingTheDashboardIsPublishedWholeOrNotAtAll() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (String month : new String[] {"2017-04", "2017-05", "2017-06", "2017-07"}) {
            Process app = app();
            // The one act: the month's paper, each finding of its checks (as a dry run lists them) accepted with a reason.
            HttpResponse<String> checks = http.send(HttpRequest.newBuilder(uri("/api/dashboards/" + month + "/publication?dryRun=true"))
                    .header("Authorization", loader).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(checks.statusCode()).as(checks.body()).isEqualTo(200);
            String acceptances = java.util.regex.Pattern.compile("\"finding\":\"([0-9a-f]{16})\"").matcher(checks.body()).results()
                    .map(m -> "{\"finding\":\"" + m.group(1) + "\",\"reason\":\"Generated figures\"}").collect(java.util.stream.Collectors.joining(","));
            CompletableFuture<HttpResponse<String>> publish = http.sendAsync(HttpRequest.newBuilder(uri("/api/dashboards/" + month + "/publication"))
                    .header("Authorization", loader).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"acceptances\":[" + acceptances + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean writing = running("insert into published_rating %", 60_000);
            Thread.sleep(random.nextInt(300));
            kill(app);
            assertThat(writing).as(month + ": the publication's writes were seen running before the kill").isTrue();
            long publications = count("select count(*) from publication where period = '" + month + "-01'");
            long ratings = count("select count(*) from published_rating r join publication p on p.id = r.publication_id where p.period = '" + month + "-01'");
            outcomes.add(month + ": " + publications + " publication, " + ratings + " ratings" + (publish.isDone() && !publish.isCompletedExceptionally() ? " (finished before the kill)" : " (killed mid-write)"));
            assertThat(publications).isIn(0L, 1L);
            assertThat(ratings).isEqualTo(publications == 0 ? 0 : INDICATORS);
        }
        System.out.println("kill -9 while publications were writing: " + outcomes);
        assertThat(outcomes).anyMatch(o -> o.startsWith("2017") && o.contains(": 0 publication"));
    }
}
