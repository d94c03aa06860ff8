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

    @Test
    void textWithANulCharacterAndASecondCorporateRegisterAreRefusedAndNothingIsStored() {
        ResponseEntity<JsonNode> nul = riskTeam().post().uri("/api/risks/registers/ASCH/risks").contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": \"NUL0001\", \"title\": \"Bad\\u0000title\", \"owners\": [\"admin\"], \"currentLikelihood\": 2, \"currentImpact\": 2}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(nul.getStatusCode().value()).isEqualTo(400);
        assertThat(nul.getBody().get("detail").asString()).contains("NUL character");
        assertThat(riskTeam().get().uri("/api/risks/NUL0001").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> second = riskTeam().post().uri("/api/risks/registers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": \"CORP2\", \"name\": \"Another corporate register\", \"level\": \"CORPORATE\"}").retrieve().toEntity(JsonNode.class);
        assertThat(second.getStatusCode().value()).isEqualTo(400);
        assertThat(second.getBody().get("detail").asString()).contains("already has its corporate register");
    }
}
