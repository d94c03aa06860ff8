package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.FinancialYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** Published means frozen: a paper's version never changes; a new one follows it, with what changed. */
@OversightTest
class PaperVersionsTest {

    private static final YearMonth MONTH = YearMonth.of(2017, 9);

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;
    @Autowired Papers papers;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<byte[]> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", users.bearer(Role.PERFORMANCE));
        b = json == null ? b.GET() : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body())).isLessThan(300);
        return r;
    }

    /** A percentage KPI, higher is better, made through the API: its id. */
    private long indicator(String ref, String title, String directorate) throws Exception {
        units.division("Front door " + directorate, directorate);
        return JsonMapper.builder().build().readTree(api("POST", "/api/indicators", """
                {"ref": "%s", "title": "%s", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "%s", "division": "Front door %s", "active": true}""".formatted(ref, title, directorate, directorate)).body())
                .get("id").asLong();
    }

    private HttpResponse<byte[]> publicly(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPublishedVersionStaysByteForByteTheSameAndTheNextSaysWhatChanged() throws Exception {
        String directorate = "Papers " + System.nanoTime();
        String ref = "PAPER-" + System.nanoTime() % 100000;
        long id = indicator(ref, "Contacts resolved at source", directorate);
        api("PUT", "/api/indicators/" + id + "/targets/2017-18", "{\"target\": 75.0, \"floor\": 70.0}");
        api("PUT", "/api/indicators/" + id + "/observations/" + MONTH, "{\"value\": 77.0}");

        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        PaperRepository.Version first = papers.publish("dashboard", MONTH, directorate, "tester", false, null, null);
        String scope = "?directorate=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8);
        HttpResponse<byte[]> v1 = publicly("/papers/dashboard/" + MONTH + ".pdf" + scope);
        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(v1.headers().firstValue("Repr-Digest")).as("served with its hash")
                .hasValue("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(v1.body())) + ":");
        assertThat(first.version()).isEqualTo(1);
        HttpResponse<byte[]> page = publicly("/papers/dashboard/" + MONTH + scope);
        assertThat(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page.body()))).as("the page sent as it was stored")
                .isEqualTo(first.htmlSha256());
        assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);

        api("PUT", "/api/indicators/" + id + "/observations/" + MONTH, "{\"value\": 68.0, \"version\": 0}");
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        PaperRepository.Version second = papers.publish("dashboard", MONTH, directorate, "tester", false, null, null);
        assertThat(second.version()).isEqualTo(2);

        assertThat(publicly("/papers/dashboard/" + MONTH + "/v1.pdf" + scope).body()).as("version 1 unchanged").isEqualTo(v1.body());
        assertThat(publicly("/papers/dashboard/" + MONTH + "/v1.pdf" + scope).headers().firstValue("Cache-Control")).as("kept for good")
                .hasValue("public, max-age=31536000, immutable");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/papers/dashboard/" + MONTH + "/v1.pdf" + scope))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(publicly("/papers/dashboard/" + MONTH + "/v01.pdf" + scope).statusCode()).as("one address for a version").isEqualTo(404);
        assertThat(publicly("/papers/dashboard/" + MONTH + ".pdf" + scope).body()).as("the latest is version 2").isNotEqualTo(v1.body());
        assertThat(new String(publicly("/papers/dashboard/" + MONTH + "/v1" + scope).body(), StandardCharsets.UTF_8)).contains("77.0%").doesNotContain("68.0%");
        assertThat(papers.changes("dashboard", MONTH, directorate, 2)).containsExactly(ref + " Contacts resolved at source: figure 77.0% → 68.0%; rating Green → Red");
        String versions = new String(publicly("/papers/dashboard/" + MONTH + "/versions" + scope).body(), StandardCharsets.UTF_8);
        assertThat(versions).contains("Version 2", "Version 1", first.pdfSha256(), "figure 77.0% → 68.0%");

        assertThatThrownBy(() -> papers.publish("dashboard", MONTH, directorate, "tester", false, null, null)).as("nothing new to publish")
                .hasMessageContaining("nothing has changed since version 2");
        String seen = papers.draft("dashboard", MONTH, directorate).fingerprint();
        api("PUT", "/api/indicators/" + id + "/observations/" + MONTH, "{\"value\": 80.0, \"version\": 1}");
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        assertThatThrownBy(() -> papers.publish("dashboard", MONTH, directorate, "tester", false, null, seen)).as("a figure saved after the page was read")
                .hasMessageContaining("has changed since you opened this page");
        assertThatThrownBy(() -> papers.publish("dashboard", YearMonth.now(), directorate, "tester", false, null, null)).hasMessageContaining("is not over yet");
        assertThatThrownBy(() -> papers.publish("dashboard", MONTH, "No such directorate", "tester", false, null, null)).hasMessageContaining("there is no directorate");

        assertThatThrownBy(() -> jdbc.sql("update paper set html = 'changed' where id = :id").param("id", first.id()).update())
                .as("the database refuses to change a published version").hasMessageContaining("cannot be changed");
    }

    @Test
    void aPaperWithFindingsGoesOutOnlyWhenThePublisherSaysWhyAndThatIsRecorded() {
        YearMonth january = YearMonth.of(2019, 1);
        String asch = "Adult Social Care and Health";
        assertThat(papers.findings("dashboard", january, asch)).extracting(f -> f.ref() + " " + f.kind()).containsExactly(
                "6 RATING_CONTRADICTS_FIGURES", "7 RATING_CONTRADICTS_FIGURES", "8 COMMENTARY_TARGET", "9 COMMENTARY_TARGET");
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        assertThatThrownBy(() -> papers.publish("dashboard", january, asch, "tester", false, null, null)).hasMessageContaining("the checks found 4 things");
        assertThatThrownBy(() -> papers.publish("dashboard", january, asch, "tester", true, " ", null)).hasMessageContaining("say why");
        assertThat(papers.versions("dashboard", january, asch)).as("nothing went out").isEmpty();
        PaperRepository.Version v = papers.publish("dashboard", january, asch, "tester", true, "The paper's own ratings, kept as history; commentary corrected next month", null);
        assertThat(v.findings()).hasSize(4).first().asString().startsWith("6, Rating contradicts figures: published RED");
        assertThat(v.reason()).isEqualTo("The paper's own ratings, kept as history; commentary corrected next month");
        String record = jdbc.sql("select after::text from audit_event where record_type = 'paper' and record_id = :r")
                .param("r", "dashboard:2019-01:" + asch + ":" + v.version()).query(String.class).single();
        assertThat(record).contains("commentary corrected next month", "RATING_CONTRADICTS_FIGURES 6", "COMMENTARY_TARGET 9");
    }

    @Test
    void aMonthWithNoPublishedPaperIsNotFoundByThePublic() throws Exception {
        assertThat(publicly("/papers/dashboard/2016-02.pdf?directorate=Nowhere").statusCode()).isEqualTo(404);
        assertThat(publicly("/papers/dashboard/2016-02/versions?directorate=Nowhere").statusCode()).isEqualTo(404);
    }

    /**
     * Publishing the month's dashboard paper is the month's publication: signed out, the dashboard,
     * the API and the indicator read what the paper says, with no other act; a paper published again
     * with another figure restates the month; and the dashboard asked for nothing opens on the latest
     * month and scope published.
     */
    @Test
    void publishingTheDashboardPaperPublishesTheMonthThePublicReadsAndAgainRestatesIt() throws Exception {
        YearMonth month = YearMonth.now().minusMonths(1);
        String directorate = "One act " + System.nanoTime();
        String ref = "ACT-" + System.nanoTime() % 100000;
        long id = indicator(ref, "Reviews completed on time", directorate);
        api("PUT", "/api/indicators/" + id + "/targets/" + FinancialYear.of(month), "{\"target\": 75.0, \"floor\": 70.0}");
        api("PUT", "/api/indicators/" + id + "/observations/" + month, "{\"value\": 77.0}");
        String scope = "?directorate=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8);
        assertThat(publicly("/api/dashboards/" + month + scope).statusCode()).as("not published yet").isEqualTo(404);

        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        papers.publish("dashboard", month, directorate, "tester", false, null, null);
        SecurityContextHolder.clearContext();
        HttpResponse<byte[]> api = publicly("/api/dashboards/" + month + scope);
        assertThat(api.statusCode()).as("the paper published the month").isEqualTo(200);
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).contains("\"ref\":\"" + ref + "\"", "GREEN");
        String page = new String(publicly("/dashboard?month=" + month + "&directorate=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
        assertThat(page).contains(ref, "77.0%").doesNotContain("has not been published");
        String opened = new String(publicly("/dashboard").body(), StandardCharsets.UTF_8);
        assertThat(opened).as("asked for nothing, the latest month and scope published").contains(directorate, ref)
                .doesNotContain("has not been published");

        api("PUT", "/api/indicators/" + id + "/observations/" + month, "{\"value\": 68.0, \"version\": 0}");
        assertThat(new String(publicly("/api/dashboards/" + month + scope).body(), StandardCharsets.UTF_8)).as("a saved figure is not published")
                .contains("\"rag\":\"GREEN\"").doesNotContain("\"rag\":\"RED\"");
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        papers.publish("dashboard", month, directorate, "tester", false, null, null);
        SecurityContextHolder.clearContext();
        assertThat(new String(publicly("/api/dashboards/" + month + scope).body(), StandardCharsets.UTF_8)).as("the paper's second version restates the month")
                .contains("\"rag\":\"RED\"").doesNotContain("\"rag\":\"GREEN\"");
        assertThat(jdbc.sql("select count(*) from publication where directorate = :d").param("d", directorate).query(Integer.class).single())
                .as("one publication a version of the paper").isEqualTo(2);
    }
}
