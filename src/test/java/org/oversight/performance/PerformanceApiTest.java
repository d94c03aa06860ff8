package org.oversight.performance;

import org.oversight.TestUsers;
import org.oversight.platform.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.OversightTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@OversightTest
class PerformanceApiTest {

    @LocalServerPort int port;
    @Autowired TestIndicators test;
    @Autowired TestUsers users;
    @Autowired ObservationRepository observations;
    @Autowired JdbcClient jdbc;

    /** As a member of the performance team. */
    private RestClient client() {
        String bearer = users.bearer(Role.PERFORMANCE);
        return anonymous().mutate().defaultHeaders(h -> h.set("Authorization", bearer)).build();
    }

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @Test
    void thePublicReadsOnlyPublishedDashboardsAndNothingElse() {
        assertThat(anonymous().get().uri("/api/dashboards/2019-01").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> r = anonymous().get().uri("/api/indicators").retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(401);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        JsonNode doc = client().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").propertyNames()).contains("/api/indicators", "/api/indicators/{id}/observations/{period}",
                "/api/dashboards/{month}", "/api/scorecards/score");
    }

    @Test
    void theDashboardComesWithEachRatingsReason() {
        JsonNode d = client().get().uri("/api/dashboards/2019-01?directorate=Adult Social Care and Health").retrieve().body(JsonNode.class);
        assertThat(d.get("indicators")).hasSize(20);
        assertThat(d.get("indicators").valueStream().filter(i -> i.get("discrepancy").asBoolean()).map(i -> i.get("ref").asString()))
                .contains("7");
        assertThat(d.get("indicators").get(1).get("reason").asString()).isNotBlank();
    }

    @Test
    void badInputIsProblemJsonNamingTheRowAndColumn() {
        ResponseEntity<JsonNode> r = client().post().uri("/api/scorecards/score").contentType(MediaType.valueOf("text/csv"))
                .body("ref,title,value\n1,A,12\n2,B,lots\n").retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(r.getBody().get("row").asInt()).isEqualTo(3);
        assertThat(r.getBody().get("field").asString()).isEqualTo("value");
    }

    @Test
    void aStaleVersionGetsAConflictAndTheFigureIsKept() {
        Indicator i = test.higherIsBetter("85.0", null);
        String uri = "/api/indicators/" + i.id() + "/observations/2018-12";
        assertThat(client().put().uri(uri).contentType(MediaType.APPLICATION_JSON).body("{\"value\": 80.5}")
                .retrieve().toEntity(JsonNode.class).getBody().get("version").asInt()).isZero();
        assertThat(client().put().uri(uri).contentType(MediaType.APPLICATION_JSON).body("{\"value\": 81.5, \"version\": 0}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> stale = client().put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .body("{\"value\": 99, \"version\": 0}").retrieve().toEntity(JsonNode.class);
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getBody().get("detail").asString()).contains("81.5");
        JsonNode figures = client().get().uri("/api/indicators/" + i.id() + "/observations?from=2018-12&to=2018-12").retrieve().body(JsonNode.class);
        assertThat(figures.get(0).get("value").decimalValue()).isEqualByComparingTo("81.5");
    }

    @Test
    void anUnknownIndicatorIsNotFound() {
        assertThat(client().get().uri("/api/indicators/987654").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theRatingCheckRatesEveryStoredFigureInItsOwnMonthAndListsThoseItsPaperContradicts() {
        Indicator i = test.higherIsBetter("85.0", "80.0");
        observations.saveAll(List.of(
                new ObservationRepository.Edit(i.id(), YearMonth.of(2018, 6), new BigDecimal("90.0"), null, null, false, null, Rag.RED, null),
                new ObservationRepository.Edit(i.id(), YearMonth.of(2018, 7), new BigDecimal("82.0"), null, null, false, null, Rag.AMBER, null)),
                "test");
        JsonNode check = client().get().uri("/api/ratings/check").retrieve().body(JsonNode.class);
        long stored = jdbc.sql("select count(*) from observation").query(Long.class).single();
        assertThat(check.get("figures").asLong()).isEqualTo(stored);
        assertThat(check.get("ratings").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(stored);
        List<JsonNode> mine = check.get("contradictions").valueStream().filter(c -> c.get("ref").asString().equals(i.ref())).toList();
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.get("period").asString()).isEqualTo("2018-06");
            assertThat(c.get("published").asString()).isEqualTo("RED");
            assertThat(c.get("rating").asString()).isEqualTo("GREEN");
            assertThat(c.get("reason").asString()).isEqualTo("90.0% is above the target 85.0% (higher is better)");
        });
        assertThat(anonymous().get().uri("/api/ratings/check").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01", "0000-01", "9999-12", "garbage"})
    void aMonthOversightCannotHoldIsRefusedNamingIt(String month) {
        ResponseEntity<JsonNode> read = client().get().uri("/api/dashboards/" + month).retrieve().toEntity(JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(400);
        assertThat(read.getBody().get("field").asString()).isEqualTo("month");
        ResponseEntity<JsonNode> publish = client().post().uri("/api/dashboards/" + month + "/publication").retrieve().toEntity(JsonNode.class);
        assertThat(publish.getStatusCode().value()).isEqualTo(400);
    }
}
