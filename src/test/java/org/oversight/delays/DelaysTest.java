package org.oversight.delays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUnits;
import org.oversight.TestUsers;
import org.oversight.performance.FedFigures;
import org.oversight.platform.Role;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Delayed days loaded all or nothing, the month's position worked out against the population and the targets, the demo as the papers print it. */
@OversightTest
class DelaysTest {

    @LocalServerPort int port;
    @Autowired Delays delays;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired TestUnits units;
    @Autowired FedFigures figures;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A fresh monthly KPI measured in {@code unit}, made through the performance module's API as any client makes one. */
    private FedFigures.Fed indicator(String unit) throws Exception {
        String ref = "DTOC-" + System.nanoTime() % 1_000_000_000L;
        units.division("Test division " + ref, "Test directorate");
        long id = JsonMapper.builder().build().readTree(api("POST", "/api/indicators", """
                {"ref": "%s", "title": "Test delays %s", "kind": "KPI", "polarity": "LOWER", "unit": "%s", "decimals": 1, "frequency": "MONTHLY",
                 "directorate": "Test directorate", "division": "Test division %s", "active": true}""".formatted(ref, ref, unit, ref))).get("id").asLong();
        return figures.indicator(id).orElseThrow();
    }

    /** The indicator's own figure for the month, typed as the performance team types one ({@code version} that of the figure it replaces). */
    private void type(FedFigures.Fed i, YearMonth month, String value, Integer version) throws Exception {
        api("PUT", "/api/indicators/" + i.id() + "/observations/" + month, "{\"value\": " + value + ", \"version\": " + version + "}");
    }

    private String api(String method, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", users.bearer(Role.PERFORMANCE))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }

    private BigDecimal figure(FedFigures.Fed i, YearMonth month) {
        return figures.held(i.id(), month).orElseThrow().value();
    }

    @Test
    void theDemoIsThePapersTablesTheirTotalsAndSharesWorkedOutAgain() {
        Delays.Position jan = delays.month(YearMonth.of(2019, 1));
        assertThat(jan.rows()).hasSize(7);
        assertThat(jan.total().total()).as("Kent Grand Total").isEqualByComparingTo("4110");
        assertThat(jan.total().share(jan.total().nhs())).isEqualByComparingTo("76.9");
        assertThat(jan.total().share(jan.total().socialCare())).isEqualByComparingTo("20.8");
        assertThat(jan.total().share(jan.total().both())).isEqualByComparingTo("2.3");
        assertThat(jan.total().share(jan.total().attributableToSocialCare())).as("the dashboard's proportion that are social care, 21.9%")
                .isEqualByComparingTo("21.9");
        assertThat(jan.total().total().subtract(jan.targets().get("total"))).as("909 more bed days than the 3,201 target").isEqualByComparingTo("909");
        Delays.Position sep = delays.month(YearMonth.of(2017, 9));
        assertThat(sep.total().total()).isEqualByComparingTo("3569");
        assertThat(sep.total().total().subtract(sep.targets().get("total"))).as("the difference is only 170 days").isEqualByComparingTo("170");
        assertThat(sep.total().attributableToSocialCare()).as("the sites' social care table's Kent total").isEqualByComparingTo("1012");
        assertThat(sep.direction()).as("3,569 in September against 3,142 in August: worse").isEqualTo(-1);
        assertThat(delays.month(YearMonth.of(2017, 11)).direction()).as("2,960 after 3,481: improved").isEqualTo(1);
        assertThat(jan.rates()).as("no population is printed, so no rate is made up").isEmpty();
    }

    @Test
    void aFileIsLoadedAllOrNothingAndTheRatePer100000UsesTheYearsPopulation() {
        String org = "Test Trust " + System.nanoTime();
        YearMonth feb = YearMonth.of(2036, 2);
        assertThatThrownBy(() -> delays.load(("organisation,period,nhs,social_care,both\n" + org + ",2036-02,100,20,8\n" + org + " B,2036-02,1,x,0\n")
                .getBytes(StandardCharsets.UTF_8), "officer")).hasMessageContaining("Row 3, column social_care");
        assertThat(delays.month(feb).rows()).as("nothing of the refused file").isEmpty();
        assertThatThrownBy(() -> delays.load(("organisation,nhs,social_care,both\n" + org + ",1,1,1\n").getBytes(StandardCharsets.UTF_8), "officer"))
                .hasMessageContaining("column period");
        assertThatThrownBy(() -> delays.load(("organisation,period,nhs,social_care,both\n" + org + ",2036-02,1,1,1\n" + org + ",2036-02,2,2,2\n")
                .getBytes(StandardCharsets.UTF_8), "officer")).hasMessageContaining("Row 3");
        delays.load(("organisation,period,nhs,social_care,both\n" + org + ",2036-02,100,20,8\n" + org + ",2036-02-07,30,2,0\n").getBytes(StandardCharsets.UTF_8),
                "officer");
        Delays.Position p = delays.month(feb);
        assertThat(p.rows()).as("the month's row, not the week's").hasSize(1);
        assertThat(p.total().attributableToSocialCare()).isEqualByComparingTo("24");
        delays.savePopulation(2036, new BigDecimal("1000"), "A test", "officer");
        delays.saveTargets(feb, Map.of("total", new BigDecimal("116")), "officer");
        p = delays.month(feb);
        assertThat(p.rates().get("total")).as("128 days ÷ 29 days of February 2036 ÷ 1,000 × 100,000").isEqualByComparingTo("441.4");
        assertThat(p.targetRates().get("total")).as("116 ÷ 29 ÷ 1,000 × 100,000").isEqualByComparingTo("400.0");
        // A period named by a file is given whole: an organisation it leaves out is gone from it; a name however cased is the same one.
        Delays.Loaded again = delays.load(("organisation,period,nhs,social_care,both\n" + org.toUpperCase() + ",2036-02,10,0,0\nOther " + org + ",2036-02,1,0,0\n")
                .getBytes(StandardCharsets.UTF_8), "officer");
        assertThat(again.organisationsMade()).containsExactly("Other " + org);
        assertThat(delays.month(feb).rows()).extracting(DelayedDays::organisation).containsExactly(org, "Other " + org);
        assertThat(delays.month(feb).total().total()).isEqualByComparingTo("11");
        assertThatThrownBy(() -> delays.load(("organisation,period,nhs,social_care,both\n" + org + ",2036-02-08,1,0,0\n").getBytes(StandardCharsets.UTF_8),
                "officer")).as("the weeks held end on a Thursday").hasMessageContaining("Row 2, column period").hasMessageContaining("Thursday");
        assertThatThrownBy(() -> delays.load(("organisation,period,nhs,social_care,both\nH\u00f4pital,2036-02,1,0,0\n").getBytes(StandardCharsets.ISO_8859_1),
                "officer")).as("Latin-1, not UTF-8").hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> delays.saveTargets(feb, Map.of("total", new BigDecimal(100), "nhs", new BigDecimal(50), "social_care", new BigDecimal(40),
                "both", new BigDecimal(60)), "officer")).as("parts of 150 against a total of 100").extracting(e -> ((InputException) e).field()).isEqualTo("total");
        assertThatThrownBy(() -> delays.savePopulation(2036, new BigDecimal("-5"), "x", "officer")).extracting(e -> ((InputException) e).field())
                .isEqualTo("adults");
        assertThatThrownBy(() -> delays.savePopulation(2036, new BigDecimal("1000"), " ", "officer")).extracting(e -> ((InputException) e).field())
                .isEqualTo("source");
    }

    @Test
    void thePageIsForStaffAndTheFormsForThePerformanceTeam() throws Exception {
        var member = users.signedIn(port, Role.MEMBER);
        String page = member.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/delays?month=2019-01")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Delayed transfers of care, January 2019", "4,110 days delayed", "Kent Community Health Foundation Trust", "76.9")
                .doesNotContain("id=\"population\"");
        var performance = users.signedIn(port, Role.PERFORMANCE);
        assertThat(performance.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/delays?month=2019-01")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("id=\"population\"", "id=\"targets\"");
        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/delays")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.body()).doesNotContain("4,110");
    }

    @Test
    void aFormRefusedComesBackWithEachMistakeAtItsBoxAndWhatWasTypedAndSavesNothing() throws Exception {
        HttpClient officer = users.signedIn(port, Role.PERFORMANCE);
        String page = officer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/delays?month=2038-05")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String token = URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> sent = post(officer, "/delays/targets", "month=2038-05&total=lots&nhs=50&social_care=&both=&_csrf=" + token);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/delays?month=2038-05#targets");
        String back = get(officer, sent);
        assertThat(back).contains("There is a problem", "href=\"#total\"", "&#39;lots&#39; is not a number")
                .contains("id=\"total\" name=\"total\" type=\"text\" value=\"lots\"", "id=\"nhs\" name=\"nhs\" type=\"text\" value=\"50\"");
        back = get(officer, post(officer, "/delays/targets", "month=2038-05&total=100&nhs=50&social_care=40&both=60&_csrf=" + token));
        assertThat(back).contains("The targets by body add up to 150, not the 100 given for all delays");
        assertThat(delays.month(YearMonth.of(2038, 5)).targets()).as("nothing of either").isEmpty();

        back = get(officer, post(officer, "/delays/population", "month=2038-05&year=&adults=1000&source=A+test&_csrf=" + token));
        assertThat(back).contains("href=\"#year\"", "Give the year, such as 2019").contains("id=\"adults\" name=\"adults\" type=\"text\" value=\"1000\"");
        back = get(officer, post(officer, "/delays/feeds", "month=2038-05&per_100k=987654321&social_care_share=&_csrf=" + token));
        assertThat(back).contains("href=\"#per_100k\"", "There is no indicator 987654321");
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page a form's answer sends the browser back to, its white space run together as a browser reads it. */
    private String get(HttpClient client, HttpResponse<String> sent) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sent.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""))).build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll("\\s+", " ");
    }

    @Test
    void theFedIndicatorsFiguresAreWorkedOutFromTheDelaysAndFollowThem() throws Exception {
        FedFigures.Fed share = indicator("%"), rate = indicator("per 100,000");
        YearMonth march = YearMonth.of(2016, 3);
        String org = "Feed Trust " + System.nanoTime();
        delays.load(("organisation,period,nhs,social_care,both\n" + org + ",2016-03,70,20,10\n").getBytes(StandardCharsets.UTF_8), "officer");
        try {
            assertThatThrownBy(() -> delays.saveFeeds(Map.of("social_care_share", rate.id()), false, "officer")).as("a rate is not a percentage")
                    .extracting(e -> ((InputException) e).field()).isEqualTo("social_care_share");
            assertThatThrownBy(() -> delays.saveFeeds(Map.of("per_100k", share.id()), false, "officer")).hasMessageContaining("not a percentage");
            type(share, march, "50.0", null);
            assertThatThrownBy(() -> delays.saveFeeds(Map.of("social_care_share", share.id()), false, "officer")).as("its own figure would be replaced")
                    .hasMessageContaining("figures of its own for 1 month");
            delays.saveFeeds(Map.of("social_care_share", share.id(), "per_100k", rate.id()), true, "officer");
            assertThat(figure(share, march)).as("25 of 100 days").isEqualByComparingTo("25.0");
            assertThat(figures.held(rate.id(), march)).as("no population for 2016 yet").isEmpty();
            delays.savePopulation(2016, new BigDecimal("10000"), "A test", "officer");
            assertThat(figure(rate, march)).as("100 ÷ 31 ÷ 10,000 × 100,000").isEqualByComparingTo("32.3");
            delays.load(("organisation,period,nhs,social_care,both\n" + org + ",2016-03,60,30,10\n").getBytes(StandardCharsets.UTF_8), "officer");
            assertThat(figure(share, march)).as("a corrected file moves the figure").isEqualByComparingTo("35.0");
            assertThat(figure(share, YearMonth.of(2019, 1))).as("every month there is: the demo's January 2019")
                    .isEqualByComparingTo("21.9");
            assertThatThrownBy(() -> delays.saveFeeds(Map.of("per_100k", 987654321L), false, "officer")).isInstanceOf(InputException.class);
        } finally {
            delays.saveFeeds(Map.of(), false, "officer");
            jdbc.sql("delete from delay_population where year = 2016").update();
        }
    }

    @Test
    void anIndicatorsOwnFigureIsReplacedOnlyWithTheTickWhicheverChangeWouldReplaceItAndNothingIsWrittenWithout() throws Exception {
        FedFigures.Fed share = indicator("%"), rate = indicator("per 100,000");
        YearMonth march = YearMonth.of(2012, 3), april = YearMonth.of(2012, 4);
        String org = "Own Trust " + System.nanoTime(), header = "organisation,period,nhs,social_care,both\n";
        byte[] marchFile = (header + org + ",2012-03,70,20,10\n").getBytes(StandardCharsets.UTF_8), aprilFile = (header + org + ",2012-04,60,30,10\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            type(rate, march, "5.0", null);
            type(share, april, "50.0", null);
            delays.load(marchFile, "officer");
            delays.saveFeeds(Map.of("per_100k", rate.id(), "social_care_share", share.id()), false, "officer");
            assertThat(figure(rate, march)).as("no 2012 population yet: nothing to replace").isEqualByComparingTo("5.0");

            assertThatThrownBy(() -> delays.savePopulation(2012, new BigDecimal("10000"), "A test", false, "officer")).as("the population would replace it")
                    .isInstanceOf(InputException.class).satisfies(e -> assertThat(((InputException) e).field()).isEqualTo("replace"))
                    .hasMessageContaining(rate.ref()).hasMessageContaining("2012-03");
            assertThat(delays.month(march).population()).as("nothing of the refused change").isEmpty();
            assertThat(figure(rate, march)).isEqualByComparingTo("5.0");
            assertThatThrownBy(() -> delays.load(aprilFile, false, "officer")).as("so would April's delays").isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).field()).isEqualTo("replace")).hasMessageContaining(share.ref()).hasMessageContaining("2012-04");
            assertThat(delays.month(april).rows()).isEmpty();
            assertThat(figure(share, april)).isEqualByComparingTo("50.0");

            delays.load(aprilFile, true, "officer");
            Delays.Position p = delays.month(april);
            assertThat(figure(share, april)).as("replaced, as ticked")
                    .isEqualByComparingTo(p.total().share(p.total().attributableToSocialCare()));
            delays.savePopulation(2012, new BigDecimal("10000"), "A test", true, "officer");
            assertThat(figure(rate, march)).isEqualByComparingTo(delays.month(march).rates().get("total"));
            delays.load((header + org + ",2012-03,60,30,10\n").getBytes(StandardCharsets.UTF_8), false, "officer");
            p = delays.month(march);
            assertThat(figure(share, march)).as("the feed's own figures follow the delays unasked")
                    .isEqualByComparingTo(p.total().share(p.total().attributableToSocialCare()));

            FedFigures.Held fed = figures.held(rate.id(), march).orElseThrow();
            type(rate, march, "9.9", fed.version());
            assertThatThrownBy(() -> delays.savePopulation(2012, new BigDecimal("20000"), "A test", false, "officer"))
                    .as("a figure typed over the feed's is the indicator's own again").hasMessageContaining(rate.ref());
            assertThat(delays.month(march).population().orElseThrow().adults()).isEqualByComparingTo("10000");
        } finally {
            delays.saveFeeds(Map.of(), false, "officer");
            jdbc.sql("delete from delay_population where year = 2012").update();
        }
    }
}
