package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@OversightTest
class SignInHardeningTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long user(String password) {
        TestUsers.actAs("setup", Role.ADMIN);
        String username = "hardening-" + System.nanoTime();
        long id = accounts.create(username, "Hardening", password, EnumSet.of(Role.MEMBER), Set.of(), Set.of());
        SecurityContextHolder.clearContext();
        return id;
    }

    /** Posts the sign-in form; the page it lands on. */
    private HttpResponse<String> signIn(String username, String password, String... headers) throws Exception {
        return signInForm().send(username, password, headers);
    }

    /** A browser on the sign-in page, ready to send the form. */
    private SignInForm signInForm() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return new SignInForm(client, URI.create("http://localhost:" + port + "/login"), m.group(1));
    }

    private record SignInForm(HttpClient client, URI login, String csrf) {
        HttpResponse<String> send(String username, String password, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static boolean failed(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("").contains("error");
    }

    @Test
    void afterALockHasPassedOneMoreMistakeDoesNotLockTheAccountAgain() throws Exception {
        long id = user("lockout-password-" + System.nanoTime());
        String username = accounts.get(id).username();
        for (int i = 0; i < Lockout.MAX_FAILED_LOGINS; i++) {
            assertThat(failed(signIn(username, "wrong password " + i))).isTrue();
        }
        assertThat(accounts.get(id).locked()).isTrue();
        jdbc.sql("update app_user set locked_until = now() - interval '1 minute' where id = :id").param("id", id).update();
        assertThat(failed(signIn(username, "one more mistake"))).isTrue();
        assertThat(accounts.get(id).locked()).as("a single mistake after the lock has passed").isFalse();
        assertThat(accounts.get(id).failedLogins()).isEqualTo(1);
    }

    @Test
    void aBurstOfWrongPasswordsSentAtOnceHasOnlyFiveCheckedThenTheAccountIsLocked() throws Exception {
        String password = "burst-password-" + System.nanoTime();
        long id = user(password);
        String username = accounts.get(id).username();
        int burst = 40;
        List<SignInForm> forms = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            forms.add(signInForm());
        }
        ExecutorService threads = Executors.newFixedThreadPool(burst);
        try {
            CountDownLatch ready = new CountDownLatch(burst);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                SignInForm form = forms.get(i);
                String guess = "wrong guess " + i;
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return form.send(username, guess);
                }));
            }
            for (Future<HttpResponse<String>> f : sent) {
                assertThat(failed(f.get(2, TimeUnit.MINUTES))).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        int checked = jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILED' and record_id = :u").param("u", username)
                .query(Integer.class).single();
        assertThat(checked).as("wrong passwords checked out of %d sent at once", burst).isEqualTo(Lockout.MAX_FAILED_LOGINS);
        assertThat(accounts.get(id).failedLogins()).as("failures recorded").isEqualTo(Lockout.MAX_FAILED_LOGINS);
        assertThat(accounts.get(id).locked()).isTrue();
        assertThat(failed(signIn(username, password))).as("the right password, once the account is locked").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"            ", "password1234", "Password1234", "aaaaaaaaaaaaaaaa", "correct-horse-battery-staple"})
    void aBlankOrCommonPasswordIsRefused(String password) {
        TestUsers.actAs("setup", Role.ADMIN);
        assertThatThrownBy(() -> accounts.create("weak-" + System.nanoTime(), "Weak", password, EnumSet.of(Role.MEMBER), Set.of(), Set.of()))
                .isInstanceOf(InputException.class).hasFieldOrPropertyWithValue("field", "password");
    }

    @Test
    void aDataOwnersDivisionsAreAtMostAHundredEachOnOneLineHoweverTheyCome() {
        TestUsers.actAs("an-admin", Role.ADMIN);
        Set<String> many = new java.util.HashSet<>();
        for (int n = 0; n < 101; n++) {
            many.add("Division " + n);
        }
        assertThatThrownBy(() -> accounts.create("owner-" + System.nanoTime(), "Owner", "temporary-password-5", EnumSet.of(Role.DATA_OWNER), many, Set.of()))
                .hasMessageContaining("at most 100 divisions");
        assertThatThrownBy(() -> accounts.create("owner-" + System.nanoTime(), "Owner", "temporary-password-5", EnumSet.of(Role.DATA_OWNER),
                Set.of("Adult\rSocial Care"), Set.of())).hasMessageContaining("on one line");
        assertThatThrownBy(() -> accounts.create("owner-" + System.nanoTime(), "Owner", "temporary-password-5", EnumSet.of(Role.DATA_OWNER),
                Set.of("x".repeat(201)), Set.of())).hasMessageContaining("1 to 200 characters");
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedClearlyAndASignInWithOneIsJustAFailure() throws Exception {
        TestUsers.actAs("setup", Role.ADMIN);
        assertThatThrownBy(() -> accounts.create("long-" + System.nanoTime(), "Long", "é".repeat(40), EnumSet.of(Role.MEMBER), Set.of(), Set.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("at most 72 bytes");
        long id = user("fine-password-" + System.nanoTime());
        HttpResponse<String> r = signIn(accounts.get(id).username(), "x".repeat(100));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(failed(r)).isTrue();
    }

    @Test
    void whatAnyoneTypesAsAUserNameReachesTheAuditTrailShortened() throws Exception {
        String typed = "intruder-" + System.nanoTime() + "-" + "A".repeat(8_000);
        assertThat(failed(signIn(typed, "whatever"))).isTrue();
        String recorded = jdbc.sql("select record_id from audit_event where action = 'SIGN_IN_FAILED' and record_id like :p order by id desc limit 1")
                .param("p", typed.substring(0, 20) + "%").query(String.class).single();
        assertThat(recorded.length()).isLessThanOrEqualTo(65);
    }

    @Test
    void anAdministratorsPasswordResetAndRoleChangeAreSavedTogether() {
        long id = user("reset-password-" + System.nanoTime());
        Account before = accounts.get(id);
        TestUsers.actAs("setup", Role.ADMIN);
        accounts.update(id, before.displayName(), EnumSet.of(Role.MEMBER, Role.CLERK), Set.of(), Set.of(), true, "temporary-reset-" + System.nanoTime(),
                before.version());
        Account after = accounts.get(id);
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.CLERK);
        assertThat(after.mustChangePassword()).isTrue();
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> direct = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(String.join("\n", direct.headers().allValues("Set-Cookie"))).contains("JSESSIONID").doesNotContainIgnoringCase("Secure");
        assertThat(String.join("\n", proxied.headers().allValues("Set-Cookie"))).contains("JSESSIONID").containsIgnoringCase("Secure");
    }

    @Test
    void aRequestTheServerCannotParseIsAnsweredWithTheSecurityHeadersToo() throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            out.write("GET /dashboard?x=<script> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("Content-Security-Policy:");
        }
    }

    @Test
    void aForgedHostHeaderCannotRedirectAUserToAnotherSite() throws Exception {
        for (String request : List.of("GET /indicators HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                "GET /indicators HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")) {
            try (Socket s = new Socket("localhost", port)) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                String location = response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElse("");
                assertThat(location).as(request.lines().toList().toString()).contains("/login").doesNotContain("evil.example");
            }
        }
    }

    private HttpResponse<String> page(HttpClient session, String path) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedInSessionAnswersToTheAccountAsItIsNowNotAsItWasAtSignIn() throws Exception {
        String division = "session-" + System.nanoTime();
        HttpClient session = users.signedIn(port, Role.PERFORMANCE, division);
        Account a = accounts.byUsername(users.with(Role.PERFORMANCE, division)).orElseThrow();
        assertThat(page(session, "/indicators/new").statusCode()).isEqualTo(200);
        TestUsers.actAs("setup", Role.ADMIN);
        accounts.update(a.id(), a.displayName(), EnumSet.of(Role.MEMBER), a.divisions(), a.indicatorRefs(), true, a.version());
        assertThat(page(session, "/indicators/new").statusCode()).as("demoted: the new role applies at once").isEqualTo(403);
        assertThat(page(session, "/indicators").statusCode()).isEqualTo(200);
        Account demoted = accounts.get(a.id());
        accounts.update(a.id(), a.displayName(), demoted.roles(), a.divisions(), a.indicatorRefs(), false, demoted.version());
        HttpResponse<String> disabled = page(session, "/indicators");
        assertThat(disabled.statusCode()).as("disabled: the session ends").isEqualTo(302);
        assertThat(disabled.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aPasswordChangedElsewhereEndsTheOtherSessions() throws Exception {
        String division = "password-" + System.nanoTime();
        HttpClient session = users.signedIn(port, Role.MEMBER, division);
        String username = users.with(Role.MEMBER, division);
        assertThat(page(session, "/indicators").statusCode()).isEqualTo(200);
        TestUsers.actAs(username, EnumSet.of(Role.MEMBER));
        accounts.changePassword(username, TestUsers.PASSWORD, TestUsers.PASSWORD + "-changed");
        assertThat(page(session, "/indicators").headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void theAuditTrailDownloadsAsCsvWithItsSearch() throws Exception {
        TestUsers.actAs("=setup", Role.ADMIN);
        long id = accounts.create("csv-" + System.nanoTime() % 100000, "CSV", TestUsers.PASSWORD + "-x", EnumSet.of(Role.MEMBER), Set.of(), Set.of());
        HttpResponse<String> csv = page(users.signedIn(port, Role.ADMIN), "/audit/export.csv?type=user&record=" + id);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElse("")).isEqualTo("at,actor,action,record_type,record_id,summary,before,after");
        assertThat(csv.body()).as("an actor that would run as a formula is written as text").contains("'=setup,CREATE,user," + id);
        assertThat(csv.body().lines().count()).as("the header and the one creation").isEqualTo(2);
    }

    @Test
    void theAuditTrailPagesAHundredEntriesAtATimeNewestFirst() throws Exception {
        String type = "page-test-" + System.nanoTime();
        for (int n = 1; n <= 105; n++) {
            jdbc.sql("insert into audit_event (actor, action, record_type, record_id, summary, at) values ('t', 'UPDATE', :t, :id, :s, now() - make_interval(days => 3650) + make_interval(secs => :n))")
                    .param("t", type).param("id", type + ":" + n).param("n", n).param("s", "entry " + n).update();
        }
        HttpClient admin = users.signedIn(port, Role.ADMIN);
        String first = page(admin, "/audit?type=" + type).body();
        assertThat(first.split("<tr class=\"govuk-table__row\"").length - 2).as("rows on the first page").isEqualTo(100);
        assertThat(first).contains("entry 105", "id=\"older\"").doesNotContain("entry 5<");
        String second = page(admin, "/audit?type=" + type + "&page=2").body();
        assertThat(second.split("<tr class=\"govuk-table__row\"").length - 2).isEqualTo(5);
        assertThat(second).contains("entry 5<", "Newer").doesNotContain("id=\"older\"");
    }

    @Test
    void anAuditDateThatCannotBeReadIsNamedAtItsBoxWithTheSearchKept() throws Exception {
        HttpClient admin = users.signedIn(port, Role.ADMIN);
        HttpResponse<String> bad = page(admin, "/audit?actor=alice&from=1+13+2019&to=31+3+2019");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("From: &#39;1 13 2019&#39; is not a date", "id=\"from-error\"", "value=\"1 13 2019\"", "value=\"alice\"");
        assertThat(page(admin, "/audit?from=1+4+2019&to=31+3+2019").body()).contains("To: the end of the search must be on or after its start");
        assertThat(page(admin, "/audit?from=1+April+2019&to=31%2F3%2F2020").body()).doesNotContain("govuk-error-summary").contains("value=\"1 4 2019\"");
    }

    @Test
    void aCsrfTokenAlteredInTransitIsARefusalNotAnError() throws Exception {
        // A character changed anywhere in the token (as a proxy or a hand might): its XOR-decoded bytes are then often not UTF-8.
        for (int at = 4; at < 90; at += 7) {
            for (String to : List.of("y", "c", "F", "7", "+", "=")) {
                HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
                String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
                assertThat(m.find()).isTrue();
                StringBuilder token = new StringBuilder(m.group(1));
                if (token.charAt(at) == to.charAt(0)) {
                    // Not altered: the same character already stood there.
                    continue;
                }
                token.replace(at, at + 1, to);
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y&_csrf=" + URLEncoder.encode(token.toString(), StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("character " + at + " as " + to).isIn(403);
            }
        }
    }
}
