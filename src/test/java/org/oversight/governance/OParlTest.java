package org.oversight.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OParl 1.1 API as a generic client meets it: starting at the System object and following
 * links only, every object valid against the OParl schemas, lists paginated, filters applied,
 * and no exempt item anywhere.
 */
@OversightTest
class OParlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMA = "https://schema.oparl.org/1.1/";

    @LocalServerPort int port;
    @Autowired Committees committees;
    @Autowired TermsOfOffice terms;
    @Autowired Memberships memberships;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;
    @Autowired TestUsers users;
    @Autowired com.zaxxer.hikari.HikariDataSource pool;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        assertThat(r.body()).as(url).doesNotContain("Secret land deal");
        return JSON.readTree(r.body());
    }

    /** The OParl 1.1 schemas (kept in the test resources), each at the address its $id and its $refs name. */
    private static Map<String, Schema> schemas() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (String type : List.of("System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "File",
                "Location", "LegislativeTerm")) {
            try (var in = OParlTest.class.getResourceAsStream("/oparl-1.1-schema/" + type + ".json")) {
                files.put(SCHEMA + type + ".json", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(files));
        Map<String, Schema> out = new HashMap<>();
        for (String iri : files.keySet()) {
            String type = iri.substring(SCHEMA.length(), iri.length() - ".json".length());
            out.put(SCHEMA + type, registry.getSchema(SchemaLocation.of(iri)));
        }
        return out;
    }

    @Test
    void aGenericClientStartingAtTheSystemFindsEveryObjectValidAndNoExemptItem() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("OParl panel " + System.nanoTime(), Committee.Kind.PANEL, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2019, 9, 10), LocalTime.of(14, 0), null, "Council Chamber", null, null);
        agendas.addItem(m.id(), Committee.Section.A, "Apologies", null, false, null, null);
        agendas.addItem(m.id(), Committee.Section.C, "Secret land deal", null, true, null, null);
        memberships.addMember(c.code(), "Mr O Parl", "Independent", Committee.Role.MEMBER, null, null);
        agendas.addItem(m.id(), Committee.Section.E, "Withdrawn before the meeting", null, false, null, null);
        agendas.withdraw(m.id(), 3);
        Committee.Meeting untimed = meetings.schedule(c.code(), LocalDate.of(2019, 10, 1), null, null, null, null, null);
        terms.addTerm("2017 to 2021", LocalDate.of(2017, 5, 4), LocalDate.of(2021, 5, 5));
        assertThatThrownBy(() -> terms.addTerm("Overlapping", LocalDate.of(2021, 5, 5), null)).hasMessageContaining("overlaps the term 2017 to 2021");
        terms.deleteTerm(terms.addTerm("Entered in error", LocalDate.of(2013, 5, 2), LocalDate.of(2017, 5, 3)).id());
        SecurityContextHolder.clearContext();

        Map<String, Schema> schemas = schemas();
        String root = "http://127.0.0.1:" + port + "/oparl/v1.1";
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> types = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        while (!todo.isEmpty() && seen.size() < 2_000) {
            String url = todo.pop();
            if (!seen.add(url)) {
                continue;
            }
            JsonNode page = get(url);
            List<JsonNode> objects = new ArrayList<>();
            if (page.has("data")) {
                page.get("data").forEach(objects::add);
                assertThat(page.get("links").has("first")).as(url + " has its links").isTrue();
                if (page.get("links").has("next")) {
                    todo.push(page.get("links").get("next").asString());
                }
            } else {
                objects.add(page);
            }
            for (JsonNode o : objects) {
                collect(o, schemas, types, invalid, todo, root);
            }
        }
        assertThat(invalid).as("objects that are not valid OParl 1.1").isEmpty();
        assertThat(types.keySet()).as("the kinds the walk reached").contains(SCHEMA + "System", SCHEMA + "Body", SCHEMA + "Organization", SCHEMA + "Person",
                SCHEMA + "Membership", SCHEMA + "Meeting", SCHEMA + "AgendaItem", SCHEMA + "Location", SCHEMA + "LegislativeTerm");
        assertThat(get(root + "/meeting/" + untimed.id()).has("start")).as("a meeting whose time is not known has no start time").isFalse();
        assertThat(get(root + "/meeting/" + untimed.id()).get("name").asString()).endsWith("2019-10-01");
        assertThat(seen).as("a meeting reached by its own address").contains(root + "/meeting/" + m.id());
        assertThat(tombstones).as("the withdrawn item and the term removed, kept as deleted").isGreaterThanOrEqualTo(2);
    }

    private int tombstones;

    /** Validates an object and every object inside it; queues every OParl address it names. */
    private void collect(JsonNode o, Map<String, Schema> schemas, Map<String, Integer> types, List<String> invalid, Deque<String> todo, String root) {
        if (o.isObject() && o.has("type") && o.get("type").asString().startsWith(SCHEMA)) {
            String type = o.get("type").asString();
            types.merge(type, 1, Integer::sum);
            var errors = schemas.get(type).validate(o);
            if (!errors.isEmpty()) {
                invalid.add(o.get("id").asString() + ": " + errors);
            }
            if (o.has("deleted") && o.get("deleted").asBoolean()) {
                tombstones++;
            }
        }
        if (o.isObject() || o.isArray()) {
            for (JsonNode child : o.isObject() ? o.values() : o) {
                collect(child, schemas, types, invalid, todo, root);
            }
        } else if (o.isString() && o.asString().startsWith(root) && !o.asString().equals(root)) {
            todo.add(o.asString());
        }
    }

    @Test
    void listsAreFilteredByWhenTheirObjectsWereMadeOrChanged() throws Exception {
        String people = "http://127.0.0.1:" + port + "/oparl/v1.1/body/1/people";
        assertThat(get(people + "?modified_since=2999-01-01T00:00:00Z").get("data")).as("nothing changed in the future").isEmpty();
        JsonNode all = get(people + "?created_since=2000-01-01T00:00:00Z");
        assertThat(all.get("pagination").get("totalElements").asInt()).isGreaterThanOrEqualTo(14);
        assertThat(all.get("links").get("self").asString()).as("the filter kept in the links").contains("created_since=2000-01-01T00:00:00Z");
    }

    /**
     * More clients than the pool has connections, each reading every OParl list, while the public
     * dashboard is asked for: every list answers and so does the page (a list once held its
     * connection while waiting for more, so a handful of readers froze the whole app).
     */
    @Test
    void moreClientsThanConnectionsReadEveryListWhileAnotherPageStillAnswers() throws Exception {
        int clients = 2 * pool.getMaximumPoolSize() + 1;
        List<String> lists = List.of("organizations", "people", "memberships", "meetings", "agenda-items", "papers", "consultations", "files",
                "locations", "legislative-terms");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<List<String>>> readers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                readers.add(pool.submit(() -> {
                    List<String> failed = new ArrayList<>();
                    for (String list : lists) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oparl/v1.1/body/1/" + list))
                                .timeout(java.time.Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failed.add(list + " " + r.statusCode());
                        }
                    }
                    return failed;
                }));
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/committees"))
                    .timeout(java.time.Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("a page answered while the lists were read").isEqualTo(200);
            List<String> failed = new ArrayList<>();
            for (var reader : readers) {
                failed.addAll(reader.get(180, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(failed).as("lists that did not answer with " + clients + " clients on " + this.pool.getMaximumPoolSize() + " connections").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A client's Host and X-Forwarded-Host are not the council's address: ids, links and calendar UIDs never carry them. */
    @Test
    void aClientsHostHeaderNeverBecomesTheAddressOfIdsLinksOrCalendarEvents() throws Exception {
        for (String path : List.of("/oparl/v1.1", "/oparl/v1.1/body/1", "/oparl/v1.1/body/1/meetings", "/meetings.ics")) {
            String answer = raw(path, "Host: attacker.example\r\nX-Forwarded-Host: forwarded.example\r\nX-Forwarded-Proto: https\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 200").doesNotContain("attacker.example").doesNotContain("forwarded.example");
        }
        assertThat(raw("/oparl/v1.1", "Host: attacker.example\r\n")).contains("\"id\":\"http://127.0.0.1:" + port + "/oparl/v1.1\"");
    }

    /** A request written by hand, so that its Host header is whatever an attacker sends. */
    private String raw(String path, String headers) throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
