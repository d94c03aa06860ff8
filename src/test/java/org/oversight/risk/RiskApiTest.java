package org.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@OversightTest
class RiskApiTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;

    private RestClient riskTeam() {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("Authorization", users.bearer(Role.RISK_TEAM))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    @Test
    void aNewRiskMissingSeveralThingsIsRefusedNamingEachField() {
        ResponseEntity<JsonNode> r = riskTeam().post().uri("/api/risks/registers/ASCH/risks").contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": \"9bad\", \"owners\": []}").retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(r.getBody().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("code", "title", "owners", "currentLikelihood", "currentImpact");
        assertThat(r.getBody().get("detail").asString()).contains("A risk code is 2 to 20 letters", "Name at least one risk owner");
    }

    @Test
    void aReviewOutsideTheMatrixIsRefusedAndTheRiskKeepsItsRating() {
        Risk before = riskTeam().get().uri("/api/risks/CRR0001").retrieve().body(Risk.class);
        ResponseEntity<JsonNode> r = riskTeam().post().uri("/api/risks/CRR0001/reviews").contentType(MediaType.APPLICATION_JSON)
                .body("{\"currentLikelihood\": 9, \"currentImpact\": 2, \"version\": " + before.version() + "}").retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("field").asString()).isEqualTo("likelihood");
        assertThat(riskTeam().get().uri("/api/risks/CRR0001").retrieve().body(Risk.class).current()).isEqualTo(before.current());
    }
}
