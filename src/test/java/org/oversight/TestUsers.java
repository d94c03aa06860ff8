package org.oversight;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.oversight.platform.Accounts;
import org.oversight.platform.ApiTokens;
import org.oversight.platform.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Users for tests: one per role (made once per run), and acting as someone in service-level tests. */
@Component
public class TestUsers {

    public static final String PASSWORD = "tidal-marmot-quilted-lantern";
    private static final Set<String> made = ConcurrentHashMap.newKeySet();

    private static final java.util.Map<String, String> tokens = new ConcurrentHashMap<>();

    private final Accounts accounts;
    private final ApiTokens apiTokens;

    TestUsers(Accounts accounts, ApiTokens apiTokens) {
        this.accounts = accounts;
        this.apiTokens = apiTokens;
    }

    /** A browser-like client signed in through the sign-in form as a user with this role (cookies kept, no redirects followed). */
    public java.net.http.HttpClient signedIn(int port, Role role, String... divisions) {
        String username = with(role, divisions);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try {
            String base = "http://localhost:" + port;
            String login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                    + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf="
                    + java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
            var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("could not sign in as " + username);
            }
            return client;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An API token of a user with exactly this role, as the Authorization header's value. */
    public String bearer(Role role, String... divisions) {
        String username = with(role, divisions);
        return "Bearer " + tokens.computeIfAbsent(username, u -> apiTokens.create(accounts.byUsername(u).orElseThrow().id(), "tests"));
    }

    /** A signed-in user with exactly this role, whose password need not be changed. */
    public String with(Role role, String... divisions) {
        String username = "test-" + role.name().toLowerCase() + (divisions.length == 0 ? "" : "-" + Math.abs(Arrays.hashCode(divisions)));
        if (made.add(username) && accounts.byUsername(username).isEmpty()) {
            long id = accounts.create(username, "Test " + role.title(), PASSWORD + "-first", EnumSet.of(role), Set.of(divisions), Set.of());
            actAs(username, EnumSet.of(role));
            accounts.changePassword(username, PASSWORD + "-first", PASSWORD);
            SecurityContextHolder.clearContext();
            accounts.get(id);
        }
        return username;
    }

    /** Runs the rest of the test thread as this user, as the web layer would after sign-in. */
    public static void actAs(String username, Set<Role> roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    public static void actAs(String username, Role role) {
        actAs(username, EnumSet.of(role));
    }
}
