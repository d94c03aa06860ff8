package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** A data owner enters the figures of their own divisions, and no one else's: by the form or by the API. */
@OversightTest
class DataOwnerScopeTest {

    @LocalServerPort int port;
    @Autowired TestIndicators test;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private int stored(Indicator i) {
        return jdbc.sql("select count(*) from observation where indicator_id = :i").param("i", i.id()).query(Integer.class).single();
    }

    @Test
    void anotherDivisionsFigureIsRefusedByTheApiAndTheFormAndNothingIsStored() throws Exception {
        TestUsers.actAs("setup", Role.PERFORMANCE);
        Indicator mine = test.higherIsBetter("85.0", null);
        Indicator theirs = test.higherIsBetter("85.0", null);
        SecurityContextHolder.clearContext();
        String owner = users.bearer(Role.DATA_OWNER, mine.division());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/indicators/" + theirs.id()
                        + "/observations/2018-12")).header("Authorization", owner).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 50}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/indicators/" + mine.id()
                        + "/observations/2018-12")).header("Authorization", owner).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 50}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);

        HttpClient browser = users.signedIn(port, Role.DATA_OWNER, mine.division());
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/entry?month=2018-11")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "month=2018-11&division=" + URLEncoder.encode(theirs.division(), StandardCharsets.UTF_8) + "&" + URLEncoder.encode("figures[" + theirs.id() + "].value", StandardCharsets.UTF_8) + "=51&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/entry"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("the form refuses it").isEqualTo(403);
        assertThat(stored(theirs)).as("no figure stored for the other division").isZero();
        assertThat(stored(mine)).isEqualTo(1);
    }
}
