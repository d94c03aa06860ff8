package org.oversight.performance;

import java.io.StringReader;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

@OversightTest
class WebHardeningTest {

    @LocalServerPort int port;
    @Autowired TestIndicators test;
    @Autowired TestUsers users;
    @Autowired Figures figures;
    @Autowired Catalogue catalogue;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpClient performanceTeam;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> get(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (signedIn && performanceTeam == null) {
            performanceTeam = users.signedIn(port, Role.PERFORMANCE);
        }
        return (signedIn ? performanceTeam : http).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesSendSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/dashboard", false);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aScriptInACommentIsShownAsTextNeverRun() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        TestUsers.actAs("mallory", Role.PERFORMANCE);
        String attack = "<script>alert('owned')</script><img src=x onerror=alert(1)>";
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), YearMonth.of(2019, 1), new BigDecimal("80"), null, null, false,
                attack, null, null)));
        catalogue.update(new Indicator(i.id(), i.ref(), "<b onmouseover=alert(2)>bold</b>", i.definition(), i.section(), i.kind(), i.polarity(),
                i.unit(), i.decimals(), i.dataPeriod(), i.frequency(), i.dataSource(), i.cabinetMember(), i.director(), i.portfolio(),
                i.directorate(), i.division(), i.inQpr(), i.inDivmt(), i.active(), i.version()));
        String page = get("/indicators/" + i.id() + "?month=2019-01", true).body();
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b onmouseover");
        assertThat(page).contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;", "&lt;b onmouseover=alert(2)&gt;");
    }

    @Test
    void exportedTextCellsCannotRunAsFormulas() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        catalogue.update(new Indicator(i.id(), i.ref(), "=HYPERLINK(\"http://evil\",\"x\")", i.definition(), "+cmd|' /C calc'!A0", i.kind(),
                i.polarity(), i.unit(), i.decimals(), "@SUM(1)", i.frequency(), i.dataSource(), i.cabinetMember(), i.director(), i.portfolio(),
                i.directorate(), i.division(), i.inQpr(), i.inDivmt(), i.active(), i.version()));
        TestUsers.actAs("alice", Role.PERFORMANCE);
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), YearMonth.of(2019, 1), new BigDecimal("-5"), null, null, false, null, null, null)));
        String csv = get("/dashboard/export.csv?month=2019-01&division=" + i.division().replace(" ", "+"), true).body();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", "'+cmd|", "'@SUM(1)", ",-5,");
        // ... and it reads back as it was written.
        ScorecardRow row = ScorecardCsv.read(new StringReader(csv)).rows().get(0);
        assertThat(row.title()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(row.section()).startsWith("+cmd");
    }

    @Test
    void anErrorShowsNoStackTrace() throws Exception {
        HttpResponse<String> r = get("/indicators/notanumber", true);
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("Exception", "at org.", "at java.");
    }

    /** A form posted by the signed-in performance officer, with the CSRF token of the page it is on. */
    private HttpResponse<String> post(String page, String action, String form) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page, true).body());
        assertThat(csrf.find()).isTrue();
        return performanceTeam.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void hostileFormsGetAClearRefusalNeverAServerError() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        HttpResponse<String> field = post("/entry?month=2018-12", "/entry", "month=2018-12&" + enc("figures[abc].value") + "=1");
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.body()).contains("a box this page does not have").doesNotContain("Exception");

        HttpResponse<String> nul = post("/indicators/new", "/indicators/new", "ref=NUL1&title=" + enc("A\u0000B") + "&unit=count&decimals=0&kind=KPI&frequency=MONTHLY");
        assertThat(nul.statusCode()).isEqualTo(200);
        assertThat(nul.body()).contains("NUL character");

        HttpResponse<String> month = post("/indicators/" + i.id(), "/indicators/" + i.id() + "/phases", "phaseYear=2018-19&period=2019-13&phaseTarget=80");
        assertThat(month.statusCode()).as("back to the form, with the error").isEqualTo(302);
        assertThat(get("/indicators/" + i.id(), true).body()).contains("&#39;2019-13&#39; is not a month");
    }
}
