package org.oversight.it;

import java.io.IOException;
import org.assertj.core.api.Assertions;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.Commands;

/**
 * {@code oversight serve} with its own embedded database, as an operator runs it: a write
 * answered 200 survives the database's processes being killed at once; a killed app leaves no
 * database running and the next start works; no one connects without the password.
 */
class DurabilityIT {

    @TempDir static Path data;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final int port = 19000 + new SplittableRandom().nextInt(900);
    private static Process app;

    @BeforeAll
    static void start() throws Exception {
        app = serve();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    private static Process serve() throws Exception {
        ProcessBuilder pb = Launch.java("serve", "--port", String.valueOf(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/durability-app.log")));
        pb.environment().put("OVERSIGHT_ADMIN_PASSWORD", "durability-admin-password");
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
            assertThat(p.isAlive()).as("the app is starting: see target/durability-app.log").isTrue();
        }
        p.destroyForcibly(); // not left running on after the run
        throw new IllegalStateException("the app did not start: see target/durability-app.log");
    }

    private static Properties secrets() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("secrets.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static String databaseUrl() throws Exception {
        return "jdbc:postgresql://127.0.0.1:" + Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).strip() + "/postgres";
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(databaseUrl(), "postgres", secrets().getProperty("database.owner.password"));
    }

    /** The postmaster and every backend of this data folder, killed at once (no shutdown, no checkpoint). */
    private static int killDatabase() throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(p -> {
            p.descendants().forEach(all::add);
            all.add(p);
        });
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
        return all.size();
    }

    @Test
    void theDatabaseRunsDurablyAndOnlyWithAPassword() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets.properties")))).isEqualTo("rw-------");
        Assertions.assertThatThrownBy(() -> DriverManager.getConnection(databaseUrl(), "postgres", "").close())
                .hasMessageContaining("password");
        Assertions.assertThatThrownBy(() -> DriverManager.getConnection(databaseUrl(), "postgres", "wrong").close())
                .hasMessageContaining("password authentication failed");
        // The app's own role cannot switch the audit trail's guard off, nor run programs on the server.
        try (Connection c = DriverManager.getConnection(databaseUrl(), "oversight_app", secrets().getProperty("database.app.password"));
             Statement s = c.createStatement()) {
            Assertions.assertThatThrownBy(() -> s.execute("alter table audit_event disable trigger audit_event_append_only"))
                    .hasMessageContaining("must be owner");
            Assertions.assertThatThrownBy(() -> s.execute("delete from audit_event")).hasMessageContaining("permission denied");
            Assertions.assertThatThrownBy(() -> s.execute("copy (select 1) to program 'id'")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void aWriteAnswered200SurvivesTheDatabaseBeingKilledAndAKilledAppLeavesNoDatabaseBehind() throws Exception {
        String token = "Bearer " + Commands.run("token", "admin", "--data", data.toString());
        // The admin may not enter figures; make a performance user through the API, and let it skip the first-password step.
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users"))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"durable\",\"password\":\"durable-password-1\",\"roles\":[\"PERFORMANCE\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isIn(201, 400);
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("update app_user set must_change_password = false where username = 'durable'");
        }
        String performance = "Bearer " + Commands.run("token", "durable", "--data", data.toString());
        long indicator;
        try (Connection c = owner(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from indicator where kind = 'KPI'")) {
            rs.next();
            indicator = rs.getLong(1);
        }
        List<String> survived = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String month = "2016-0" + (round + 1);
            String value = "4" + round + ".5";
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/indicators/" + indicator
                            + "/observations/" + month)).header("Authorization", performance).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + value + "}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            int killed;
            if (round == 4) {
                // The app and its database killed at once; the app first, as alive it would start its database again.
                app.destroyForcibly();
                app.waitFor();
                killed = killDatabase();
                Thread.sleep(1500);
                assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                        .filter(p -> p.info().command().orElse("").endsWith("postgres")).count())
                        .as("no database process left running after the app was killed").isZero();
                app = serve();
            } else {
                // The database alone killed under the app, which starts it again on the same folder (its crash recovery
                // reads the same WAL a fresh start would): a kill and a recovery each round without an app start each.
                killed = killDatabase();
                awaitDatabase();
            }
            try (Connection c = owner(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select value from observation where indicator_id = " + indicator + " and period = '" + month + "-01'")) {
                assertThat(rs.next()).as("the figure for " + month + " answered 200 before " + killed + " database processes were killed").isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(value);
            }
            survived.add(month);
        }
        System.out.println("writes that survived the database being killed (kill -9 of every PostgreSQL process) right after their 200: " + survived);
    }

    /** Waits for the database the app starts again after it was killed: the owner connects once it has recovered. */
    private static void awaitDatabase() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try (Connection c = owner()) {
                return;
            } catch (Exception notYet) {
                // refused, or its postmaster.pid not yet written again
                assertThat(app.isAlive()).as("the app starts its database again: see target/durability-app.log").isTrue();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the app did not start its database again: see target/durability-app.log", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHealthCheckReportsTheDatabaseAndADatabaseKilledUnderTheAppIsStartedAgain() throws Exception {
        HttpResponse<String> up = get("/actuator/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).as("the public sees the status, not the parts").contains("\"status\":\"UP\"").doesNotContain("components", "details");

        // The database refuses the app: the health check says so, and pages say "unavailable" in their own form.
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("alter role oversight_app nologin");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'oversight_app'");
        }
        try {
            var readiness = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var page = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/meetings/1")).build(), HttpResponse.BodyHandlers.ofString());
            var api = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dashboards/2019-01")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.get().statusCode()).as(readiness.get().body()).isEqualTo(503);
            assertThat(readiness.get().body()).contains("\"status\":\"DOWN\"");
            assertThat(get("/actuator/health/liveness").statusCode()).as("the app itself lives").isEqualTo(200);
            assertThat(page.get().statusCode()).isEqualTo(503);
            assertThat(page.get().body()).contains("govuk-template", "Sorry, the service is unavailable");
            assertThat(api.get().statusCode()).isEqualTo(503);
            assertThat(api.get().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        } finally {
            try (Connection c = owner(); Statement s = c.createStatement()) {
                s.execute("alter role oversight_app login");
            }
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        // PostgreSQL's main process killed (kill -9): the app starts it again, and its pages answer again.
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
        long killed = System.nanoTime();
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        List<Integer> health = new ArrayList<>();
        long deadline = killed + Duration.ofSeconds(120).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            health.add(get("/actuator/health/readiness").statusCode());
            status = get("/meetings/1").statusCode();
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        assertThat(status).as("a page, after the database was killed").isEqualTo(200);
        long restarted = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
        assertThat(restarted).isNotEqualTo(postmaster);
        assertThat(ProcessHandle.of(restarted).map(ProcessHandle::isAlive)).hasValue(true);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        System.out.printf("kill -9 of the embedded PostgreSQL's main process: started again, pages answering after %.1f s (health checks meanwhile: %s)%n",
                seconds, health);
    }

    @Test
    void anAppKilledWithItsWatchdogStillLetsTheNextStartWork() throws Exception {
        // The worst case: the app and the watchdog that would stop its database are both killed.
        ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("oversight-db-watchdog"))
                .forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : app.descendants().toList()) {
            if (p.info().commandLine().orElse("").contains("oversight-db-watchdog")) {
                p.destroyForcibly();
            }
        }
        app.destroyForcibly();
        app.waitFor();
        Thread.sleep(500);
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("the database was left running").isTrue();
        app = serve();
        assertThat(app.isAlive()).isTrue();
    }
}
