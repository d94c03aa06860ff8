package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Scripts use the API with personal tokens, never passwords; no other site can make a browser change data through it. */
@OversightTest
class ApiTokenTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokens tokens;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> call(String method, String path, String authorization, String type, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyAnAdministratorReadsTheTrailsRecordsOfAccountsAndTokens() throws Exception {
        users.with(Role.PERFORMANCE);
        HttpResponse<String> admin = call("GET", "/api/audit?type=user,api-token", users.bearer(Role.ADMIN), null, null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"recordType\":\"user\"");
        for (Role team : List.of(Role.PERFORMANCE, Role.RISK_TEAM)) {
            HttpResponse<String> r = call("GET", "/api/audit?type=user,api-token", users.bearer(team), null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).as(team + " sees the trail without its people").isEqualTo("[]");
        }
    }

    @Test
    void aPasswordResetOrChangeEndsEveryTokenMadeBeforeIt() throws Exception {
        String username = "token-owner-" + System.nanoTime() % 100000;
        TestUsers.actAs("an-admin", Role.ADMIN);
        long id = accounts.create(username, "Token Owner", "temporary-password-9", java.util.Set.of(Role.PERFORMANCE), java.util.Set.of(), java.util.Set.of());
        TestUsers.actAs(username, Role.PERFORMANCE);
        accounts.changePassword(username, "temporary-password-9", "their-own-password-11");
        Thread.sleep(5);
        String before = tokens.create(id, "made before the reset");
        assertThat(call("GET", "/api/indicators", "Bearer " + before, null, null).statusCode()).isEqualTo(200);
        Thread.sleep(5);
        TestUsers.actAs("an-admin", Role.ADMIN);
        accounts.resetPassword(id, "temporary-reset-password-1");
        TestUsers.actAs(username, Role.PERFORMANCE);
        accounts.changePassword(username, "temporary-reset-password-1", "their-own-new-password-1");
        assertThat(call("GET", "/api/indicators", "Bearer " + before, null, null).statusCode()).as("a reset after a compromise ends it").isEqualTo(401);
        assertThat(tokens.of(id)).singleElement().matches(t -> !t.active(), "shown as ended");
        Thread.sleep(5);
        String after = tokens.create(id, "made after");
        assertThat(call("GET", "/api/indicators", "Bearer " + after, null, null).statusCode()).isEqualTo(200);
        Thread.sleep(5);
        accounts.changePassword(username, "their-own-new-password-1", "their-next-password-22");
        assertThat(call("GET", "/api/indicators", "Bearer " + after, null, null).statusCode()).as("so does their own change").isEqualTo(401);
    }

    @Test
    void aScriptUsesAPersonalTokenUntilItIsRevokedAndAPasswordIsNeverTaken() throws Exception {
        String username = users.with(Role.PERFORMANCE);
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> withPassword = call("GET", "/api/indicators", basic, null, null);
        assertThat(withPassword.statusCode()).isEqualTo(401);
        assertThat(withPassword.headers().firstValue("WWW-Authenticate").orElse("")).as("no browser password box").startsWith("Bearer");

        Account a = accounts.byUsername(username).orElseThrow();
        TestUsers.actAs(username, Role.PERFORMANCE);
        String token = tokens.create(a.id(), "nightly extract");
        long id = tokens.of(a.id()).get(0).id();
        HttpResponse<String> ok = call("GET", "/api/indicators", "Bearer " + token, null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(jdbc.sql("select token_hash from api_token where id = :id").param("id", id).query(String.class).single())
                .as("only a hash is kept").isNotEqualTo(token).hasSize(64);

        tokens.revoke(a.id(), id);
        assertThat(call("GET", "/api/indicators", "Bearer " + token, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/indicators", "Bearer ovt_made-up", null, null).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'api-token' and record_id = :r")
                .param("r", a.id() + ":" + id).query(Integer.class).single()).as("made and revoked, both audited").isEqualTo(2);
    }

    @Test
    void aStateChangeFromAnotherSiteOrAsAFormBodyIsRefused() throws Exception {
        String bearer = users.bearer(Role.PERFORMANCE);
        String csv = "ref,title,value\nNO-SUCH,Nothing,1\n";
        assertThat(call("POST", "/api/scorecards/score", bearer, "text/csv", csv, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/scorecards/score", bearer, "text/csv", csv, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/scorecards/score", bearer, "text/plain", csv).statusCode()).isEqualTo(415);
        assertThat(call("POST", "/api/scorecards/score", bearer, "application/x-www-form-urlencoded", "a=b").statusCode()).isEqualTo(415);
        // The same request from Oversight's own pages, or from no browser at all, goes through.
        assertThat(call("POST", "/api/scorecards/score", bearer, "text/csv", csv, "Origin", "http://localhost:" + port,
                "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/scorecards/score", bearer, "text/csv", csv).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountThatMustChangeItsPasswordCannotUseTheApiUntilItHas() throws Exception {
        TestUsers.actAs("setup", Role.ADMIN);
        String username = "must-change-" + System.nanoTime();
        long id = accounts.create(username, "Must Change", "temporary-pass-" + System.nanoTime(), EnumSet.of(Role.PERFORMANCE), Set.of(), Set.of());
        String token = tokens.create(id, "before changing");
        HttpResponse<String> r = call("GET", "/api/indicators", "Bearer " + token, null, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("must choose a new password");
    }

    @Test
    void aSignedInUserWithNoRoleSeesOnlyWhatThePublicSees() throws Exception {
        TestUsers.actAs("setup", Role.ADMIN);
        String username = "no-role-" + System.nanoTime();
        long id = accounts.create(username, "No Role", "temporary-pass-" + System.nanoTime(), EnumSet.noneOf(Role.class), Set.of(), Set.of());
        jdbc.sql("update app_user set must_change_password = false where id = :id").param("id", id).update();
        String token = "Bearer " + tokens.create(id, "no role");
        // January 2019 is a draft in the demo: the performance team sees it, someone with no role does not.
        assertThat(call("GET", "/api/dashboards/2019-01", users.bearer(Role.PERFORMANCE), null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/dashboards/2019-01", token, null, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/indicators", token, null, null).statusCode()).isEqualTo(403);
    }
}
