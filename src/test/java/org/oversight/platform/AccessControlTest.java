package org.oversight.platform;

import org.oversight.publishing.TestPublications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every route the application has (its request mappings and the OpenAPI document) as
 * the public and as each role, and proves deny by default: a route answers a role only if the
 * table below grants it; otherwise 401, 403, or a redirect to sign in.
 */
@OversightTest
class AccessControlTest {

    private static final String PUBLIC = "PUBLIC";
    /** Signed in, but with no role (an SSO user whose groups map to none): the public's view, plus their own account. */
    private static final String NO_ROLE = "NO_ROLE";
    private static final Set<String> EVERY_ROLE = names(EnumSet.allOf(Role.class));

    /** The access policy, stated independently of SecurityConfig: route -> who may use it. */
    private static final Map<String, Set<String>> GRANTED = new HashMap<>();
    private static final Set<String> NOWHERE = new HashSet<>();

    static {
        Set<String> everyone = new TreeSet<>(EVERY_ROLE);
        everyone.add(PUBLIC);
        everyone.add(NO_ROLE);
        Set<String> signedIn = new TreeSet<>(EVERY_ROLE);
        signedIn.add(NO_ROLE);
        for (String r : List.of("GET /", "GET /glossary", "GET /api-guide", "GET /dashboard", "GET /dashboard/export.csv", "GET /dashboard/export.xlsx", "GET /login",
                "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/{group}", "GET /api/dashboards/{month}",
                // An indicator as published: the public reads a published one; drafts are for a role (PublishedDashboardTest).
                "GET /indicators/{id}",
                // A directorate on one page: what is published for the public, more for staff (DirectoratesTest).
                "GET /directorates", "GET /directorates/{name}",
                // The council's structure: read by anyone, changed by administrators.
                "GET /structure", "GET /structure/units/{id}", "GET /api/units",
                // Published papers, each version as it went out.
                "GET /committees", "GET /committees/{code}", "GET /committees/{code}/work-programme", "GET /committees/{code}/meetings.ics", "GET /meetings.ics", "GET /meetings/{id:[0-9]{1,18}}",
                "GET /meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}", "GET /meetings/{id:[0-9]{1,18}}/pack.pdf", "GET /meetings/{id:[0-9]{1,18}}/pack/v{version:[1-9][0-9]{0,5}}.pdf",
                "GET /decisions", "GET /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}",
                "GET /oparl/v1.1", "GET /oparl/v1.1/bodies", "GET /oparl/v1.1/body/1",
                "GET /oparl/v1.1/body/1/{list:organizations|people|memberships|meetings|agenda-items|papers|consultations|files|locations|legislative-terms}",
                "GET /oparl/v1.1/{kind:organization|person|membership|meeting|agenda-item|paper|consultation|file|location|legislative-term}/{id:[0-9]{1,18}}",
                "GET /papers", "GET /papers/open", "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}", "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}.pdf", "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/versions",
                "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/v{version:[1-9][0-9]{0,5}}", "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/v{version:[1-9][0-9]{0,5}}.pdf",
                "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/v{version:[1-9][0-9]{0,5}}/tables/{table:[a-z0-9-]{1,80}}.{format:csv|xlsx}")) {
            GRANTED.put(r, everyone);
        }
        for (String r : List.of("GET /account", "GET /account/password", "POST /account/password", "POST /account/tokens",
                "POST /account/tokens/{id}/revoke")) {
            GRANTED.put(r, signedIn);
        }
        for (String r : List.of("GET /indicators", "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/draft", "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/draft.pdf",
                "GET /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/draft/tables/{table:[a-z0-9-]{1,80}}.{format:csv|xlsx}",
                "GET /api/indicators", "GET /api/indicators/{id}", "GET /api/indicators/{id}/targets",
                "GET /api/indicators/{id}/observations", "POST /api/scorecards/score",
                "GET /risks", "GET /risks/registers/{code}", "GET /risks/registers/{code}/export.csv", "GET /risks/{code}",
                "GET /api/risks/registers", "GET /api/risks/registers/{code}", "GET /api/risks/{code}",
                "GET /budget", "GET /budget/headings/{id:[0-9]{1,18}}", "GET /budget/variances", "GET /budget/activity",
                "GET /budget/capital", "GET /budget/reserves", "GET /budget/services", "GET /budget/capital/schemes/{id:[0-9]{1,18}}", "GET /delays", "GET /delays/weeks",
                "GET /delays/organisations/{id:[0-9]{1,18}}", "GET /rates", "GET /rates/{year:[0-9]{4}-[0-9]{2}}", "GET /rates/{year:[0-9]{4}-[0-9]{2}}/next-year.csv")) {
            GRANTED.put(r, EVERY_ROLE);
        }
        for (String r : List.of("GET /budget/upload", "POST /budget/upload", "POST /budget/headings/{id:[0-9]{1,18}}/forecast",
                "POST /budget/headings/{id:[0-9]{1,18}}/narrative", "POST /budget/headings/{id:[0-9]{1,18}}/headline",
                "POST /budget/capital/schemes/{id:[0-9]{1,18}}/forecast", "POST /rates/upload", "POST /rates/{year:[0-9]{4}-[0-9]{2}}/uplift",
                "POST /rates/{year:[0-9]{4}-[0-9]{2}}/approval")) {
            GRANTED.put(r, Set.of("FINANCE_OFFICER"));
        }
        for (String r : List.of("GET /delays/upload", "POST /delays/upload", "POST /delays/population", "POST /delays/targets", "POST /delays/feeds")) {
            GRANTED.put(r, Set.of("PERFORMANCE"));
        }
        for (String r : List.of("POST /dashboard/publish", "GET /dashboard/publish", "GET /import", "POST /import", "POST /import/commit",
                "GET /import/figures", "POST /import/figures", "POST /import/figures/commit",
                "GET /indicators/new", "POST /indicators/new", "GET /indicators/{id}/edit", "POST /indicators/{id}/edit",
                "POST /indicators/{id}/targets", "POST /indicators/{id}/phases", "POST /indicators/{id}/thresholds",
                "POST /api/indicators", "PUT /api/indicators/{id}", "PUT /api/indicators/{id}/targets/{year}",
                "PUT /api/indicators/{id}/targets/{year}/phases", "POST /api/scorecards/{month}", "POST /api/dashboards/{month}/publication",
                "POST /api/figures", "GET /api/ratings/check", "POST /papers/{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}/{period}/publish",
                "POST /papers/exceptions/{period}/exceptions/{indicator}")) {
            GRANTED.put(r, Set.of("PERFORMANCE"));
        }
        for (String r : List.of("GET /entry", "GET /entry/due", "POST /entry", "PUT /api/indicators/{id}/observations/{period}")) {
            GRANTED.put(r, Set.of("PERFORMANCE", "DATA_OWNER"));
        }
        for (String r : List.of("GET /admin/users", "GET /admin/users/new", "POST /admin/users/new", "GET /admin/users/{id}",
                "POST /admin/users/{id}", "GET /api/users", "POST /api/users",
                "GET /structure/new", "POST /structure/units", "GET /structure/units/{id}/edit", "POST /structure/units/{id}", "POST /api/units")) {
            GRANTED.put(r, Set.of("ADMIN"));
        }
        for (String r : List.of("POST /risks/{code}/review", "POST /api/risks/{code}/reviews", "POST /risks/{code}/actions",
                "POST /risks/{code}/actions/{id}/complete", "POST /risks/{code}/controls")) {
            GRANTED.put(r, Set.of("RISK_TEAM", "RISK_OWNER"));
        }
        for (String r : List.of("POST /risks/{code}/move", "POST /risks/{code}/close", "POST /risks/{code}/indicators", "POST /risks/registers/{code}/import",
                "GET /risks/registers/{code}/new", "POST /risks/registers/{code}/new", "PUT /api/risks/registers/{code}/matrix",
                "POST /risks/registers", "POST /risks/registers/{code}/matrix", "POST /api/risks/registers",
                "POST /api/risks/registers/{code}/risks",
                "POST /api/risks/{code}/moves", "POST /api/risks/{code}/closure", "POST /api/risks/registers/{code}/import")) {
            GRANTED.put(r, Set.of("RISK_TEAM"));
        }
        for (String r : List.of("POST /committees", "POST /committees/{code}/unit", "POST /committees/{code}/members", "POST /committees/{code}/meetings", "POST /meetings/{id:[0-9]{1,18}}/items",
                "POST /meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/report", "POST /meetings/{id:[0-9]{1,18}}/pack", "POST /decisions",
                "POST /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}/committee", "POST /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}/taken", "POST /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}/forward-plan",
                "POST /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}/record", "POST /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}/implemented", "POST /decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}/item",
                "POST /meetings/{id:[0-9]{1,18}}/minutes", "POST /meetings/{id:[0-9]{1,18}}/minutes/attendance", "POST /meetings/{id:[0-9]{1,18}}/minutes/approval",
                "POST /committees/{code}/work-programme", "POST /committees/{code}/members/{membership:[0-9]{1,18}}/end",
                "POST /meetings/{id:[0-9]{1,18}}/status", "POST /meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/withdrawal",
                "POST /meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/move", "POST /committees/terms", "POST /committees/terms/{id:[0-9]{1,18}}/deletion", "POST /committees/terms/{id:[0-9]{1,18}}/end",
                "POST /committees/{code}/members/{membership:[0-9]{1,18}}/removal", "POST /committees/{code}/members/{membership:[0-9]{1,18}}/account", "POST /committees/{code}/unit")) {
            GRANTED.put(r, Set.of("CLERK"));
        }
        // The roles that read drafts; a Member only the packs of a committee they sit on, and the walk's Member sits on none
        // (GovernanceTest: a seated Member reads it).
        GRANTED.put("GET /meetings/{id:[0-9]{1,18}}/pack/draft.pdf", Set.of("CLERK", "FINANCE_OFFICER"));
        for (String r : List.of("GET /audit", "GET /audit/export.csv", "GET /api/audit")) {
            GRANTED.put(r, Set.of("ADMIN", "PERFORMANCE", "RISK_TEAM"));
        }
        // The health check, for a load balancer: its status to anyone (its parts to an administrator).
        for (String r : List.of("GET /actuator/health", "GET /actuator/health/liveness", "GET /actuator/health/readiness")) {
            GRANTED.put(r, everyone);
        }
        // Routes that exist nowhere, and methods no route has: denied to everyone.
        for (String r : List.of("GET /nothing-here", "DELETE /api/indicators/{id}", "POST /api/dashboards/{month}", "GET /api/secret", "DELETE /api/audit",
                "GET /error", "GET /actuator", "GET /actuator/env", "GET /actuator/health/db")) {
            GRANTED.put(r, Set.of());
        }
        // The error page exists only to show an error; of the actuator, only the health check and its two groups are served.
        NOWHERE.addAll(List.of("GET /nothing-here", "GET /error", "GET /actuator", "GET /actuator/env", "GET /actuator/health/db"));
    }

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired TestUsers users;
    @Autowired TestPublications publications;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    /** Real records, so a granted GET must answer with the page itself (2xx or 3xx), not "not found". */
    private Map<String, String> ids;

    @Test
    void everyRouteAnswersOnlyTheRolesGrantedIt() throws Exception {
        Set<String> routes = new TreeSet<>(GRANTED.keySet());
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String path : e.getKey().getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(m + " " + path);
                }
            }
        }
        JsonNode openApi = JsonMapper.builder().build().readTree(anonymous().send(
                HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        openApi.get("paths").properties().forEach(p -> p.getValue().propertyNames().forEach(m -> routes.add(m.toUpperCase() + " " + p.getKey())));

        assertThat(routes).as("every route is in the access table").allMatch(GRANTED::containsKey);

        List<String> wrong = new ArrayList<>();
        Map<String, Session> sessions = new HashMap<>();
        sessions.put(PUBLIC, new Session(anonymous(), null, null));
        for (Role role : Role.values()) {
            sessions.put(role.name(), signIn(users.with(role), users.bearer(role)));
        }
        String noRole = "test-no-role";
        if (accounts.byUsername(noRole).isEmpty()) {
            TestUsers.actAs("setup", Role.ADMIN);
            long id = accounts.create(noRole, "No role", TestUsers.PASSWORD + "-first", Set.of(), Set.of(), Set.of());
            jdbc.sql("update app_user set must_change_password = false, password_hash = (select password_hash from app_user where username = :u) where id = :id")
                    .param("u", users.with(Role.MEMBER)).param("id", id).update();
            SecurityContextHolder.clearContext();
        }
        sessions.put(NO_ROLE, signIn(noRole, null));
        String month = publishedMonth(sessions.get("PERFORMANCE"));
        ids = Map.of("indicator", jdbc.sql("""
                        select min(r.indicator_id)::text from published_rating r join publication p on p.id = r.publication_id
                        where p.period = :m and p.directorate = ''""").param("m", java.time.YearMonth.parse(month).atDay(1)).query(String.class).single(),
                "user", jdbc.sql("select min(id)::text from app_user").query(String.class).single(),
                "unit", jdbc.sql("select min(id)::text from council_unit").query(String.class).single(),
                "risk", jdbc.sql("select min(code) from risk where closed_on is null").query(String.class).single(),
                // A budget heading to read (the budget demo is not loaded in every run).
                "heading", jdbc.sql("""
                        insert into budget_heading (name, position) values ('Access walk heading', 0)
                        on conflict (parent_id, name) do update set position = 0 returning id::text""").query(String.class).single(),
                "scheme", jdbc.sql("""
                        insert into capital_scheme (directorate, name) values ('Access walk', 'Access walk scheme')
                        on conflict (directorate, name) do update set approval = null returning id::text""").query(String.class).single(),
                "organisation", jdbc.sql("""
                        insert into delay_organisation (name, position) values ('Access walk trust', 0)
                        on conflict (name) do update set position = 0 returning id::text""").query(String.class).single(),
                "meeting", jdbc.sql("select min(meeting_id)::text from agenda_item where number = 1 and not exempt and deleted_at is null").query(String.class).single(),
                "month", month);
        // Published by publishedMonth as the one act: the month frozen and its paper out, so the public's routes to both answer.
        assertThat(jdbc.sql("select count(*) from paper where period = :p and scope = ''").param("p", java.time.YearMonth.parse(month).atDay(1))
                .query(Integer.class).single()).as("the month's paper published").isPositive();
        // A year's rates approved, so that its pages (and next year's file made from it) have something to answer with.
        jdbc.sql("""
                insert into rate_schedule (year, decision_no, effective_from, approved_by, approved_at, entered_by) values (2191, '18/00067', '2191-04-01', 'walk', now(), 'walk')
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into rate_item (year, position, key, item, unit, current, basis, multiple, approved, worked_out, rule)
                values (2191, 1, 'meal', 'Meal', 'per meal', 4, 'FIXED', 0.01, 4, 4, 'FIXED') on conflict do nothing""").update();
        // The demo meeting's agenda pack published, so the public's route to it has something to answer with.
        Session clerk = sessions.get("CLERK");
        clerk.client().send(HttpRequest.newBuilder(uri("/meetings/" + ids.get("meeting") + "/pack")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(clerk.csrf(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        int checked = 0;
        for (String route : routes) {
            for (Map.Entry<String, Session> s : sessions.entrySet()) {
                HttpResponse<String> r = call(s.getValue(), route);
                boolean denied = r.statusCode() == 401 || r.statusCode() == 403
                        || (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/login"))
                        // A page that exists nowhere is not found, whoever asks: nothing there to be refused.
                        || (r.statusCode() == 404 && NOWHERE.contains(route));
                if (NOWHERE.contains(route) && r.statusCode() != 404) {
                    wrong.add(route + " as " + s.getKey() + " -> " + r.statusCode() + " (a page that exists nowhere is not found)");
                }
                boolean granted = GRANTED.get(route).contains(s.getKey());
                boolean failed = r.statusCode() >= 500;
                // A page or download granted answers with itself; a change is judged by its input, which this walk does not give.
                boolean answered = !route.startsWith("GET ") || route.equals("GET /v3/api-docs/{group}") || r.statusCode() < 400;
                if (granted == denied || failed || (granted && !answered)) {
                    wrong.add(route + " as " + s.getKey() + " -> " + r.statusCode() + (granted ? " (granted)" : " (not granted)"));
                }
                checked++;
            }
        }
        System.out.printf("access: %d routes x %d callers (the public, no role, each role) = %d calls checked%n", routes.size(), sessions.size(), checked);
        assertThat(wrong).as("routes that answered a role the table does not grant, or refused one it does").isEmpty();
        assertThat(checked).isGreaterThan(40 * 8);
    }

    record Session(HttpClient client, String bearer, String csrf) {
    }

    /** A month published for the whole council (its paper, the month frozen with it), so the public's dashboard and paper routes have something to answer with. */
    private String publishedMonth(Session performance) throws Exception {
        String month = "2018-06";
        if (jdbc.sql("select count(*) from publication where period = date '2018-06-01' and directorate = ''").query(Integer.class).single() == 0) {
            publications.publish(java.time.YearMonth.parse(month), null, "test");
        }
        return month;
    }

    private HttpClient anonymous() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Signs in through the form, as a browser does, and keeps the session's CSRF token for its forms. */
    private Session signIn(String username, String bearer) throws Exception {
        HttpClient client = anonymous();
        String token = csrf(client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).as("signed in as " + username).doesNotContain("error");
        String page = client.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new Session(client, bearer, csrf(page));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> call(Session s, String route) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1);
        boolean reads = method.equals("GET");
        String path = template
                .replace("{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}", "dashboard").replace("{table:[a-z0-9-]{1,80}}.{format:csv|xlsx}", "summary.csv")
                .replace("/papers/dashboard/{period}", "/papers/dashboard/{month}").replace("/directorates/{name}", "/directorates/ASCH")
                .replace("/structure/units/{id}", "/structure/units/" + (reads ? ids.get("unit") : "987654")).replace("{indicator}", "987654")
                .replace("/committees/{code}", "/committees/" + (reads ? "adult-social-care-cabinet-committee" : "no-such-committee"))
                .replace("/meetings/{id:[0-9]{1,18}}", "/meetings/" + (reads ? ids.get("meeting") : "987654")).replace("{number:[0-9]{1,3}}", "1").replace("{membership:[0-9]{1,18}}", "987654")
                .replace("{yy:[0-9]{2}}/{serial:[0-9]{5}}", reads ? "18/00067" : "99/99999").replace("/committees/terms/{id:[0-9]{1,18}}", "/committees/terms/987654")
                .replace("/budget/headings/{id:[0-9]{1,18}}", "/budget/headings/" + (reads ? ids.get("heading") : "987654"))
                .replace("/budget/capital/schemes/{id:[0-9]{1,18}}", "/budget/capital/schemes/" + (reads ? ids.get("scheme") : "987654"))
                // Reads an approved schedule; writes name a year with none, so walking them changes nothing.
                .replace("{year:[0-9]{4}-[0-9]{2}}", reads ? "2191-92" : "2190-91")
                .replace("/delays/organisations/{id:[0-9]{1,18}}", "/delays/organisations/" + (reads ? ids.get("organisation") : "987654"))
                .replace("{list:organizations|people|memberships|meetings|agenda-items|papers|consultations|files|locations|legislative-terms}", "meetings")
                .replace("/oparl/v1.1/{kind:organization|person|membership|meeting|agenda-item|paper|consultation|file|location|legislative-term}/{id:[0-9]{1,18}}",
                        "/oparl/v1.1/meeting/" + ids.get("meeting"))
                // A month not yet over cannot be published, so walking the publication route changes nothing.
                .replace("{month}/publication", "2099-01/publication")
                .replace("/admin/users/{id}", "/admin/users/" + (reads ? ids.get("user") : "987654"))
                .replace("/indicators/{id}", "/indicators/" + (reads ? ids.get("indicator") : "987654"))
                .replace("/registers/{code}", "/registers/" + (reads ? "CORPORATE" : "NO-SUCH-CODE"))
                .replace("/risks/{code}", "/risks/" + (reads ? ids.get("risk") : "NO-SUCH-CODE"))
                .replace("{id}", "987654").replace("{month}", ids.get("month")).replace("{period}", "2019-01")
                .replace("{version:[1-9][0-9]{0,5}}", "1").replace("{year}", "2018-19").replace("{group}", "x").replace("{code}", "NO-SUCH-CODE");
        if (template.startsWith("/dashboard") || template.equals("/indicators/{id}")) {
            path += "?month=" + ids.get("month");
        } else if (template.equals("/api/indicators/{id}/observations")) {
            path += "?from=2018-04&to=2019-03";
        } else if (template.equals("/papers/open")) {
            path += "?kind=dashboard&period=" + ids.get("month");
        } else if (template.equals("/api/audit")) {
            path += "?limit=5";
        }
        boolean api = path.startsWith("/api/");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (api && s.bearer() != null) {
            b.header("Authorization", s.bearer());
        }
        if (method.equals("GET")) {
            b.GET();
        } else if (api) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(s.csrf() == null ? "" : "_csrf=" + URLEncoder.encode(s.csrf(), StandardCharsets.UTF_8)));
        }
        return s.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> names(Set<Role> roles) {
        Set<String> out = new TreeSet<>();
        roles.forEach(r -> out.add(r.name()));
        return out;
    }
}
