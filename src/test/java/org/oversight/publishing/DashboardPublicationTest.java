package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One act of publishing: the dashboard's Publish button and the API publish the month's paper, with its checks. */
@OversightTest
class DashboardPublicationTest {

    private static final YearMonth MONTH = YearMonth.of(2017, 9);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String json, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", bearer)
                .header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String json) throws Exception {
        HttpResponse<String> r = send(method, path, json, users.bearer(Role.PERFORMANCE));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    /** A directorate of two KPIs, one with no figure for the month: the paper's checks find that one (its figure is August's). Its name and that KPI's ref. */
    private String[] directorateWithAFinding() throws Exception {
        String directorate = units.directorate("One act " + System.nanoTime());
        String division = units.division("Front door " + directorate, directorate);
        String late = null;
        for (String month : List.of("2017-09", "2017-08")) {
            String ref = "ACT-" + System.nanoTime() % 1_000_000;
            long id = ok("POST", "/api/indicators", """
                    {"ref": "%s", "title": "Assessments on time", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                     "frequency": "MONTHLY", "directorate": "%s", "division": "%s", "active": true}""".formatted(ref, directorate, division)).get("id").asLong();
            ok("PUT", "/api/indicators/" + id + "/targets/2017-18", "{\"target\": 75.0, \"floor\": 70.0}");
            ok("PUT", "/api/indicators/" + id + "/observations/" + month, "{\"value\": 77.0}");
            late = ref;
        }
        return new String[] {directorate, late};
    }

    private long stored(String directorate) {
        return jdbc.sql("select count(*) from publication where directorate = :d").param("d", directorate).query(Long.class).single()
                + jdbc.sql("select count(*) from paper where kind = 'dashboard' and scope = :d").param("d", directorate).query(Long.class).single();
    }

    private static String body(String directorate, String finding, String reason) {
        return finding == null ? "{\"directorate\": \"%s\"}".formatted(directorate)
                : "{\"directorate\": \"%s\", \"acceptances\": [{\"finding\": \"%s\", \"reason\": \"%s\"}]}".formatted(directorate, finding, reason);
    }

    @Test
    void theApiRefusesAPublicationWithoutAcceptancesNamingEachFindingThenPublishesThePaperAndFreezesTheMonth() throws Exception {
        String[] d = directorateWithAFinding();
        HttpResponse<String> refused = send("POST", "/api/dashboards/" + MONTH + "/publication", body(d[0], null, null), users.bearer(Role.PERFORMANCE));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("detail").asString()).contains(d[1] + ", Figure not of period", "nothing was published");
        assertThat(problem.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("ref").asString()).isEqualTo(d[1]);
            assertThat(f.get("finding").asString()).matches("[0-9a-f]{16}");
            assertThat(f.get("message").asString()).contains("the latest figure is for August 2017");
        });
        assertThat(stored(d[0])).as("nothing half-stored: no frozen month, no paper").isZero();

        String key = problem.get("findings").get(0).get("finding").asString();
        // A reason of a no-break space is no reason; an empty acceptance and a key no finding has are refused by name.
        String url = "/api/dashboards/" + MONTH + "/publication";
        assertThat(send("POST", url, body(d[0], key, "\u00a0\u200b"), users.bearer(Role.PERFORMANCE)).statusCode()).isEqualTo(422);
        HttpResponse<String> empty = send("POST", url, "{\"directorate\": \"%s\", \"acceptances\": [null]}".formatted(d[0]), users.bearer(Role.PERFORMANCE));
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(empty.body()).contains("an acceptance is empty");
        HttpResponse<String> unknown = send("POST", url, "{\"directorate\": \"%s\", \"acceptances\": [{\"finding\": \"%s\", \"reason\": \"late\"}, {\"finding\": \"deadbeef\", \"reason\": \"x\"}]}"
                .formatted(d[0], key), users.bearer(Role.PERFORMANCE));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("no finding of the paper's checks has the key deadbeef");
        assertThat(stored(d[0])).as("still nothing stored").isZero();
        HttpResponse<String> published = send("POST", "/api/dashboards/" + MONTH + "/publication", body(d[0], key, "Its return comes a month late"),
                users.bearer(Role.PERFORMANCE));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        JsonNode v = JSON.readTree(published.body());
        assertThat(v.get("version").asInt()).isEqualTo(1);
        assertThat(v.get("findingsAccepted").get(0).asString()).contains(d[1], "accepted because: Its return comes a month late");
        assertThat(jdbc.sql("select count(*) from publication where directorate = :d").param("d", d[0]).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from paper where kind = 'dashboard' and scope = :d").param("d", d[0]).query(Long.class).single()).isOne();
        String q = "?directorate=" + URLEncoder.encode(d[0], StandardCharsets.UTF_8);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dashboards/" + MONTH + q)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the public reads the frozen month").isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + v.get("paper").asString())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("and the paper that published it").isEqualTo(200);
    }

    @Test
    void twoPublishingTheSameMonthAtOnceOneWinsAndTheOtherIsToldWhoPublishedIt() throws Exception {
        String[] d = directorateWithAFinding();
        String key = JSON.readTree(send("POST", "/api/dashboards/" + MONTH + "/publication", body(d[0], null, null), users.bearer(Role.PERFORMANCE)).body())
                .get("findings").get(0).get("finding").asString();
        List<String> who = List.of(users.with(Role.PERFORMANCE), users.with(Role.PERFORMANCE, "Second publisher"));
        List<String> bearers = List.of(users.bearer(Role.PERFORMANCE), users.bearer(Role.PERFORMANCE, "Second publisher"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (String bearer : bearers) {
                answers.add(two.submit(() -> {
                    start.await();
                    return send("POST", "/api/dashboards/" + MONTH + "/publication", body(d[0], key, "Late return"), bearer);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> r = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                r.add(a.get());
            }
            assertThat(r).extracting(HttpResponse::statusCode).as(r.get(0).body() + " / " + r.get(1).body()).containsExactlyInAnyOrder(201, 409);
            int winner = r.get(0).statusCode() == 201 ? 0 : 1;
            HttpResponse<String> loser = r.get(1 - winner);
            assertThat(loser.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(loser.body()).get("detail").asString()).as("the loser is told who won, and when")
                    .startsWith("The September 2017 dashboard for " + d[0] + " was published by " + who.get(winner) + " at ")
                    .matches("(?s).* at \\d\\d:\\d\\d on \\d{1,2} \\w+ \\d{4}.*");
        } finally {
            two.shutdown();
        }
        assertThat(jdbc.sql("select published_by from publication where directorate = :d").param("d", d[0]).query(String.class).list())
                .as("one frozen month").hasSize(1);
        assertThat(jdbc.sql("select count(*) from paper where kind = 'dashboard' and scope = :d").param("d", d[0]).query(Long.class).single())
                .as("one paper").isOne();
    }

    @Test
    void theDashboardsPublishPageNamesEachFindingNotAcceptedThenPublishesAndALaterPublisherIsToldWho() throws Exception {
        String[] d = directorateWithAFinding();
        HttpClient browser = users.signedIn(port, Role.PERFORMANCE);
        String page = "/dashboard/publish?month=" + MONTH + "&directorate=" + URLEncoder.encode(d[0], StandardCharsets.UTF_8);
        String confirm = get(browser, page);
        assertThat(confirm).contains("Publish the September 2017 dashboard for " + d[0], d[1] + ", Figure not of period");
        String seen = field(confirm, "seen");
        String key = Pattern.compile("name=\"accept\" value=\"([0-9a-f]{16})\"").matcher(confirm).results().findFirst().orElseThrow().group(1);

        String refused = follow(browser, post(browser, "month=" + MONTH + "&directorate=" + enc(d[0]) + "&seen=" + seen + "&_csrf=" + enc(field(confirm, "_csrf"))));
        assertThat(refused).contains("There is a problem", "Accept " + d[1] + ", Figure not of period with a reason", "href=\"#accept-");
        assertThat(stored(d[0])).as("nothing half-stored").isZero();

        String form = "month=" + MONTH + "&directorate=" + enc(d[0]) + "&seen=" + seen + "&accept=" + key + "&why-" + key + "=" + enc("Late return")
                + "&_csrf=" + enc(field(confirm, "_csrf"));
        HttpResponse<String> done = post(browser, form);
        assertThat(done.headers().firstValue("Location").orElse("")).startsWith("/dashboard?month=2017-09&directorate=");
        assertThat(follow(browser, done)).contains("September 2017 dashboard is published");
        assertThat(stored(d[0])).as("the month frozen and its paper").isEqualTo(2);

        // The same form sent again, as by a second publisher who read the page before: told who published it and when.
        assertThat(follow(browser, post(browser, form))).contains("There is a problem", "was published by " + users.with(Role.PERFORMANCE) + " at ");
        assertThat(stored(d[0])).isEqualTo(2);
    }

    @Test
    void aDirectorateThatDoesNotExistIsRefusedByName() throws Exception {
        HttpResponse<String> r = send("POST", "/api/dashboards/" + MONTH + "/publication", body("No Such Directorate", null, null), users.bearer(Role.PERFORMANCE));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asString()).isEqualTo("directorate");
        assertThat(r.body()).contains("there is no directorate 'No Such Directorate'");
    }

    private String get(HttpClient browser, String path) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> post(HttpClient browser, String form) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/publish"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r;
    }

    private String follow(HttpClient browser, HttpResponse<String> redirect) throws Exception {
        return get(browser, redirect.headers().firstValue("Location").orElseThrow());
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a " + name + " on the page").isTrue();
        return m.group(1).replace("&#39;", "'");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
