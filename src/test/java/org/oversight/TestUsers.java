package org.oversight;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    private final Accounts accounts;
    private final ApiTokens apiTokens;

    private final TestUnits units;

    TestUsers(Accounts accounts, ApiTokens apiTokens, TestUnits units) {
        this.units = units;
        this.accounts = accounts;
        this.apiTokens = apiTokens;
    }

    /** A browser-like client signed in through the sign-in form as a user with this role (cookies kept, no redirects followed). */
    public HttpClient signedIn(int port, Role role, String... divisions) {
        return signedIn(port, with(role, divisions));
    }

    /** A browser-like client signed in as this user (made by {@link #with}). */
    public HttpClient signedIn(int port, String username) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String base = "http://localhost:" + port;
            String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            var r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("could not sign in as " + username);
            }
            return client;
        } catch (IOException | InterruptedException e) {
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
            for (String d : divisions) {
                if (units.division(d, "Test directorate") == null) {
                    throw new IllegalStateException(d);
                }
            }
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
