package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a refusal or an error looks like: a GOV.UK page for the web, whatever the client asked to accept. */
@OversightTest
class ErrorPagesTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form sent from {@code page} (with its CSRF token) to {@code action}; no Accept header, as a script sends it. */
    private HttpResponse<String> post(HttpClient client, String page, String action, String form) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(client, page).body());
        assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
        return client.send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void isPage(HttpResponse<String> r, int status, String heading) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("govuk-template", heading);
    }

    @Test
    void aFormTooLargeToReadIsAnsweredTooLargeNotRefused() throws Exception {
        HttpClient admin = users.signedIn(port, Role.ADMIN);
        HttpResponse<String> r = post(admin, "/admin/users/new", "/admin/users/new", "username=big&displayName=" + "x".repeat(2_200_000));
        isPage(r, 413, "The form is too large");
        assertThat(r.body()).doesNotContain("You do not have access");
    }

    @Test
    void aRoleRefusedASentFormGetsTheSameNoAccessPageAsAReadDoes() throws Exception {
        HttpClient member = users.signedIn(port, Role.MEMBER);
        isPage(get(member, "/indicators/new"), 403, "You do not have access to this page");
        isPage(post(member, "/", "/indicators/new", "ref=X1"), 403, "You do not have access to this page");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        isPage(get(HttpClient.newHttpClient(), "/error"), 404, "Page not found");
    }
}
