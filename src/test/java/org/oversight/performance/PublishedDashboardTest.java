package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
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
import org.oversight.publishing.TestPublications;
import org.oversight.structure.Unit;
import org.oversight.structure.UnitForm;
import org.oversight.structure.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Published means frozen: what the public reads of a published month never changes afterwards. */
@OversightTest
class PublishedDashboardTest {

    private static final YearMonth MONTH = YearMonth.of(2018, 11);

    @LocalServerPort int port;
    @Autowired TestIndicators test;
    @Autowired Figures figures;
    @Autowired Catalogue catalogue;
    @Autowired Dashboards dashboards;
    @Autowired IndicatorRepository indicators;
    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;
    @Autowired TestPublications publications;
    @Autowired Units structure;
    @Autowired DirectorateRatings ratings;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ObservationRepository.Edit figure(Indicator i, String value, boolean provisional, Integer version) {
        return new ObservationRepository.Edit(i.id(), MONTH, new BigDecimal(value), null, null, provisional, null, null, version);
    }

    @Test
    void afterPublicationNewIndicatorsRevisionsAndRenamesChangeNothingThePublicReads() throws Exception {
        String directorate = "Frozen directorate " + System.nanoTime();
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        Indicator met = test.higherIsBetter("85.0", "70.0", directorate);
        Indicator missed = test.higherIsBetter("85.0", "70.0", directorate);
        figures.saveAll(List.of(figure(met, "90.0", false, null), figure(missed, "60.0", false, null)));
        publications.publish(MONTH, directorate, "tester");

        String query = "?directorate=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8);
        String apiBefore = get("/api/dashboards/" + MONTH + query, null);
        String csvBefore = get("/dashboard/export.csv" + query + "&month=" + MONTH, null);
        JsonNode published = JsonMapper.builder().build().readTree(apiBefore);
        assertThat(published.get("indicators")).hasSize(2);
        assertThat(published.get("rag").get("GREEN").asInt()).isEqualTo(1);
        assertThat(published.get("rag").get("RED").asInt()).isEqualTo(1);

        // After publication: a new indicator with a provisional figure, a revised figure, a renamed indicator.
        Indicator late = test.higherIsBetter("85.0", "70.0", directorate);
        figures.saveAll(List.of(figure(late, "10.0", true, null), figure(missed, "99.0", false, 0)));
        Indicator m = indicators.get(met.id());
        catalogue.update(new Indicator(m.id(), m.ref(), "Renamed after publication", m.definition(), m.section(), m.kind(), m.polarity(),
                m.unit(), m.decimals(), m.dataPeriod(), m.frequency(), m.dataSource(), m.cabinetMember(), m.director(), m.portfolio(),
                m.directorate(), units.division("Moved division " + directorate, directorate), m.inQpr(), m.inDivmt(), m.active(), m.version()));
        SecurityContextHolder.clearContext();

        assertThat(get("/api/dashboards/" + MONTH + query, null)).as("the public API").isEqualTo(apiBefore);
        assertThat(get("/dashboard/export.csv" + query + "&month=" + MONTH, null)).as("the published CSV").isEqualTo(csvBefore);
        assertThat(csvBefore).doesNotContain("Renamed after publication").doesNotContain(late.ref());

        // The public's page of an indicator is the published month too, never the revision or the draft.
        String page = get("/indicators/" + missed.id() + "?month=" + MONTH, null);
        assertThat(page).contains("60.0%", "Red", missed.title()).doesNotContain("99.0").doesNotContain("Restated");
        assertThat(get("/indicators/" + met.id(), null)).contains(met.title()).doesNotContain("Renamed after publication");
        assertThat(status("/indicators/" + late.id())).as("an indicator never published is not found").isEqualTo(404);
        assertThat(status("/indicators/" + missed.id() + "?month=" + MONTH.minusMonths(1))).as("nor before its first publication").isEqualTo(404);

        // Signed in, the page says what changed since: the revision shows as a restatement, the new indicator as a draft.
        JsonNode live = JsonMapper.builder().build().readTree(get("/api/dashboards/" + MONTH + query, users.bearer(Role.PERFORMANCE)));
        assertThat(live.get("indicators")).hasSize(3);
        assertThat(live.get("indicators").valueStream().filter(l -> l.get("ref").asString().equals(missed.ref())).findFirst().orElseThrow()
                .get("restated").asBoolean()).isTrue();
    }

    @Test
    void aMonthHasOnePublishedFigureWhicheverScopeIsPublishedFirst() throws Exception {
        YearMonth june = YearMonth.of(2017, 6);
        String directorate = "First published " + System.nanoTime();
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        Indicator i = test.higherIsBetter("85.0", "70.0", directorate);
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), june, new BigDecimal("60.0"), null, null, false, null, null, null)));
        publications.publish(june, directorate, "tester");
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), june, new BigDecimal("99.0"), null, null, false, null, null, 0)));
        publications.publish(june, null, "tester");
        SecurityContextHolder.clearContext();

        JsonNode council = JsonMapper.builder().build().readTree(get("/api/dashboards/" + june, null));
        JsonNode line = council.get("indicators").valueStream().filter(l -> l.get("ref").asString().equals(i.ref())).findFirst().orElseThrow();
        assertThat(line.toString()).as("the council's publication keeps the directorate's figure").contains("60.0").doesNotContain("99.0");
        assertThat(get("/indicators/" + i.id() + "?month=" + june, null)).contains("60.0%").doesNotContain("99.0");
    }

    /** Any name the directorate answers to opens its dashboard; renamed, it still finds the months it published under its old name. */
    @Test
    void aDirectoratesShortNameOpensItsPublishedDashboardAndARenameKeepsTheMonthsItPublished() throws Exception {
        long n = System.nanoTime();
        String directorate = "Published then renamed " + n;
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);
        Indicator i = test.higherIsBetter("85.0", "70.0", directorate);
        figures.saveAll(List.of(figure(i, "90.0", false, null)));
        publications.publish(MONTH, directorate, "tester");

        Unit u = structure.named(directorate).orElseThrow();
        UnitForm shortened = new UnitForm();
        shortened.kind = u.kind();
        shortened.name = u.name();
        shortened.shortName = "PTR" + n % 10000;
        shortened.version = u.version();
        structure.change(u.id(), shortened, "tester");
        JsonNode byShortName = JsonMapper.builder().build().readTree(get("/api/dashboards/" + MONTH + "?directorate=" + shortened.shortName.toLowerCase(), null));
        assertThat(byShortName.get("directorate").asString()).isEqualTo(directorate);
        assertThat(byShortName.get("indicators")).hasSize(1);

        Unit now = structure.find(u.id()).orElseThrow();
        UnitForm renamed = new UnitForm();
        renamed.kind = now.kind();
        renamed.name = "Renamed after publishing " + n;
        renamed.shortName = now.shortName();
        renamed.version = now.version();
        structure.change(u.id(), renamed, "tester");
        java.util.Set<String> names = structure.everyName(structure.find(u.id()).orElseThrow());
        assertThat(ratings.publishedMonths(names)).contains(MONTH);
        assertThat(ratings.latest(names, false)).hasValueSatisfying(m -> assertThat(m.measures()).isEqualTo(1));
    }
}
