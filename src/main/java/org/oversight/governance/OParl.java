package org.oversight.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OParl 1.1, read-only and public data only: the System, the council as its one Body, committees
 * as Organizations, People, Memberships, Meetings with their AgendaItems, reports as Papers with
 * their Consultations, agenda packs as Files, meeting places as Locations. Ids are absolute URLs;
 * lists are paginated with {@code links.next} and filtered by {@code modified_since} and
 * {@code created_since}; a deleted object is served as a tombstone. Exempt items are never served.
 */
@RestController
class OParl {

    static final String ROOT = "/oparl/v1.1";
    private static final String SCHEMA = "https://schema.oparl.org/1.1/";
    private static final int PAGE = 20;

    private final JdbcClient jdbc;
    private final String council;

    OParl(JdbcClient jdbc, @Value("${oversight.council-name:Kent County Council}") String council) {
        this.jdbc = jdbc;
        this.council = council;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + ROOT;
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping(ROOT)
    ResponseEntity<Object> system() {
        Map<String, Object> s = object("System", base());
        s.put("oparlVersion", SCHEMA);
        s.put("body", base() + "/bodies");
        s.put("name", "Oversight: " + council);
        s.put("website", base().replace(ROOT, "/committees"));
        return json(s);
    }

    @GetMapping(ROOT + "/bodies")
    ResponseEntity<Object> bodies() {
        return json(list(List.of(body()), 1, 1, base() + "/bodies"));
    }

    @GetMapping(ROOT + "/body/1")
    ResponseEntity<Object> bodyObject() {
        return json(body());
    }

    private Map<String, Object> body() {
        Map<String, Object> b = object("Body", base() + "/body/1");
        b.put("system", base());
        b.put("name", council);
        for (String[] l : new String[][]{{"organization", "organizations"}, {"person", "people"}, {"meeting", "meetings"}, {"paper", "papers"},
                {"agendaItem", "agenda-items"}, {"consultation", "consultations"}, {"file", "files"}, {"locationList", "locations"},
                {"legislativeTermList", "legislative-terms"}, {"membership", "memberships"}}) {
            b.put(l[0], base() + "/body/1/" + l[1]);
        }
        b.put("legislativeTerm", jdbc.sql("select id from legislative_term where deleted_at is null order by start_date").query(Long.class).list().stream()
                .map(t -> object(KINDS.get("legislative-term"), t).orElseThrow()).toList());
        return b;
    }

    /** One kind's table, how its rows become objects, and the condition that keeps exempt and unserved rows out. */
    private record Kind(String type, String path, String table, String where) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        for (Kind k : List.of(new Kind("Organization", "organization", "committee", "true"), new Kind("Person", "person", "person", "true"),
                new Kind("Membership", "membership", "membership", "true"), new Kind("Meeting", "meeting", "meeting", "true"),
                new Kind("AgendaItem", "agenda-item", "agenda_item", "not exempt"),
                new Kind("Paper", "paper", "report r join agenda_item i on i.id = r.agenda_item_id", "not i.exempt"),
                new Kind("Consultation", "consultation", "report r join agenda_item i on i.id = r.agenda_item_id", "not i.exempt"),
                new Kind("File", "file", "agenda_pack", "true"), new Kind("Location", "location", "meeting", "location is not null"),
                new Kind("LegislativeTerm", "legislative-term", "legislative_term", "true"))) {
            KINDS.put(k.path(), k);
        }
    }

    @GetMapping(ROOT + "/body/1/{list:organizations|people|memberships|meetings|agenda-items|papers|consultations|files|locations|legislative-terms}")
    ResponseEntity<Object> list(@PathVariable String list, @RequestParam(defaultValue = "1") int page,
                                @RequestParam(name = "modified_since", required = false) String modifiedSince,
                                @RequestParam(name = "created_since", required = false) String createdSince) {
        String self = base() + "/body/1/" + list;
        Kind k = KINDS.get(switch (list) {
            case "people" -> "person";
            case "agenda-items" -> "agenda-item";
            case "legislative-terms" -> "legislative-term";
            default -> list.substring(0, list.length() - 1);
        });
        if (page < 1 || page > 100_000) {
            throw new InputException("page", "A page is a number from 1");
        }
        OffsetDateTime modified = since("modified_since", modifiedSince), created = since("created_since", createdSince);
        String alias = k.table().contains(" ") ? "r" : "t";
        String from = k.table().contains(" ") ? k.table() : k.table() + " t";
        String stamp = k.path().equals("paper") || k.path().equals("consultation") ? "r.modified_at" : k.path().equals("file") ? "t.published_at" : alias + ".modified_at";
        String createdAt = k.path().equals("paper") || k.path().equals("consultation") ? "i.created_at" : k.path().equals("file") ? "t.published_at" : alias + ".created_at";
        String where = " from " + from + " where " + k.where() + " and (cast(:m as timestamptz) is null or " + stamp + " >= :m)"
                + " and (cast(:c as timestamptz) is null or " + createdAt + " >= :c)";
        String idColumn = k.path().equals("paper") || k.path().equals("consultation") ? "r.agenda_item_id" : "t.id";
        long total = jdbc.sql("select count(*)" + where).param("m", modified).param("c", created).query(Long.class).single();
        List<Long> ids = jdbc.sql("select " + idColumn + where + " order by " + idColumn + " limit " + PAGE + " offset " + (long) (page - 1) * PAGE)
                .param("m", modified).param("c", created).query(Long.class).list();
        List<Object> data = new ArrayList<>();
        for (long id : ids) {
            data.add(object(k, id).orElseThrow());
        }
        String query = (modifiedSince == null ? "" : "&modified_since=" + modifiedSince) + (createdSince == null ? "" : "&created_since=" + createdSince);
        Map<String, Object> out = list(data, page, (int) Math.max(1, (total + PAGE - 1) / PAGE), self);
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) out.get("links");
        links.replaceAll((name, url) -> url + query);
        ((Map<String, Object>) out.get("pagination")).put("totalElements", total);
        return json(out);
    }

    @GetMapping(ROOT + "/{kind:organization|person|membership|meeting|agenda-item|paper|consultation|file|location|legislative-term}/{id:[0-9]{1,18}}")
    ResponseEntity<Object> one(@PathVariable String kind, @PathVariable long id) {
        return json(object(KINDS.get(kind), id).orElseThrow(() -> new NotFoundException("There is no " + kind + " " + id)));
    }

    private Map<String, Object> list(List<?> data, int page, int pages, String self) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("totalElements", data.size());
        pagination.put("elementsPerPage", PAGE);
        pagination.put("currentPage", page);
        pagination.put("totalPages", pages);
        out.put("pagination", pagination);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("first", self + "?page=1");
        links.put("self", self + "?page=" + page);
        links.put("last", self + "?page=" + pages);
        if (page < pages) {
            links.put("next", self + "?page=" + (page + 1));
        }
        if (page > 1) {
            links.put("prev", self + "?page=" + (page - 1));
        }
        out.put("links", links);
        return out;
    }

    private static OffsetDateTime since(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException(field, "'" + (text.length() > 40 ? text.substring(0, 40) : text) + "' is not a date and time with its offset, such as 2019-03-12T10:00:00+00:00");
        }
    }

    private static Map<String, Object> object(String type, String id) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("type", SCHEMA + type);
        return o;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String local(LocalDateTime t) {
        return t == null ? null : time(t.atZone(CalendarFeed.COUNCIL).toOffsetDateTime());
    }

    private static void put(Map<String, Object> o, String key, Object value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    /** A row as its OParl object, or as a tombstone when it was deleted; empty when there is none to serve. */
    private Optional<Map<String, Object>> object(Kind k, long id) {
        String url = base() + "/" + k.path() + "/" + id;
        return switch (k.path()) {
            case "organization" -> jdbc.sql("select * from committee where id = :id").param("id", id).query((rs, n) -> {
                Map<String, Object> o = stamped(object(k.type(), url), rs);
                if (!o.containsKey("deleted")) {
                    o.put("body", base() + "/body/1");
                    o.put("name", rs.getString("name"));
                    o.put("organizationType", "Gremium");
                    o.put("classification", Committee.Kind.valueOf(rs.getString("kind")).words());
                    o.put("membership", jdbc.sql("select id from membership where committee_id = :c order by id").param("c", id).query(Long.class).list()
                            .stream().map(m -> base() + "/membership/" + m).toList());
                    o.put("web", base().replace(ROOT, "/committees/" + rs.getString("code")));
                }
                return o;
            }).optional();
            case "person" -> jdbc.sql("select * from person where id = :id").param("id", id).query((rs, n) -> {
                Map<String, Object> o = stamped(object(k.type(), url), rs);
                if (!o.containsKey("deleted")) {
                    o.put("body", base() + "/body/1");
                    o.put("name", rs.getString("name"));
                    put(o, "status", rs.getString("party") == null ? null : List.of(rs.getString("party")));
                    o.put("membership", jdbc.sql("select id from membership where person_id = :p order by id").param("p", id).query(Long.class).list()
                            .stream().map(m -> object(KINDS.get("membership"), m).orElseThrow()).toList());
                }
                return o;
            }).optional();
            case "membership" -> jdbc.sql("select * from membership where id = :id").param("id", id).query((rs, n) -> {
                Map<String, Object> o = stamped(object(k.type(), url), rs);
                if (!o.containsKey("deleted")) {
                    o.put("person", base() + "/person/" + rs.getLong("person_id"));
                    o.put("organization", base() + "/organization/" + rs.getLong("committee_id"));
                    o.put("role", Committee.Role.valueOf(rs.getString("role")).words());
                    o.put("votingRight", !"SUBSTITUTE".equals(rs.getString("role")));
                    put(o, "startDate", date(rs, "start_date"));
                    put(o, "endDate", date(rs, "end_date"));
                }
                return o;
            }).optional();
            case "meeting" -> jdbc.sql("select m.*, c.name as committee from meeting m join committee c on c.id = m.committee_id where m.id = :id")
                    .param("id", id).query((rs, n) -> {
                        Map<String, Object> o = stamped(object(k.type(), url), rs);
                        if (!o.containsKey("deleted")) {
                            LocalDateTime starts = rs.getObject("starts_at", LocalDateTime.class);
                            o.put("name", rs.getString("committee") + ", " + starts.toLocalDate());
                            o.put("meetingState", Committee.Status.valueOf(rs.getString("status")).words());
                            o.put("cancelled", "CANCELLED".equals(rs.getString("status")));
                            // OParl's start is a date-time: a meeting whose time is not known has its date in its name only.
                            if (rs.getBoolean("timed")) {
                                o.put("start", local(starts));
                            }

                            put(o, "end", local(rs.getObject("ends_at", LocalDateTime.class)));
                            if (rs.getString("location") != null) {
                                o.put("location", object(KINDS.get("location"), id).orElseThrow());
                            }
                            o.put("organization", List.of(base() + "/organization/" + rs.getLong("committee_id")));
                            o.put("agendaItem", jdbc.sql("select id from agenda_item where meeting_id = :m and not exempt and deleted_at is null order by number")
                                    .param("m", id).query(Long.class).list().stream().map(i -> object(KINDS.get("agenda-item"), i).orElseThrow()).toList());
                            o.put("auxiliaryFile", jdbc.sql("select id from agenda_pack where meeting_id = :m order by version").param("m", id).query(Long.class)
                                    .list().stream().map(f -> object(KINDS.get("file"), f).orElseThrow()).toList());
                            o.put("web", base().replace(ROOT, "/meetings/" + id));
                        }
                        return o;
                    }).optional();
            case "agenda-item" -> jdbc.sql("select * from agenda_item where id = :id and not exempt").param("id", id).query((rs, n) -> {
                Map<String, Object> o = stamped(object(k.type(), url), rs);
                // The schema asks every AgendaItem for its order, a withdrawn one's tombstone too.
                o.put("order", rs.getInt("number"));
                if (!o.containsKey("deleted")) {
                    o.put("meeting", base() + "/meeting/" + rs.getLong("meeting_id"));
                    o.put("number", Integer.toString(rs.getInt("number")));
                    o.put("name", rs.getString("title"));
                    o.put("public", true);
                    if (jdbc.sql("select count(*) from report where agenda_item_id = :i").param("i", id).query(Integer.class).single() > 0) {
                        o.put("consultation", base() + "/consultation/" + id);
                    }
                    o.put("web", base().replace(ROOT, "/meetings/" + rs.getLong("meeting_id") + "/items/" + rs.getInt("number")));
                }
                return o;
            }).optional();
            case "paper" -> jdbc.sql("""
                    select r.*, i.title, i.created_at, i.meeting_id, i.number, m.starts_at from report r join agenda_item i on i.id = r.agenda_item_id
                    join meeting m on m.id = i.meeting_id where r.agenda_item_id = :id and not i.exempt""").param("id", id).query((rs, n) -> {
                Map<String, Object> o = object(k.type(), url);
                o.put("body", base() + "/body/1");
                o.put("name", rs.getString("title"));
                put(o, "reference", rs.getString("decision_no"));
                o.put("date", rs.getObject("starts_at", LocalDateTime.class).toLocalDate().toString());
                o.put("paperType", rs.getString("decision_no") == null ? "Report" : "Key decision report");
                o.put("consultation", List.of(object(KINDS.get("consultation"), id).orElseThrow()));
                o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
                o.put("modified", time(rs.getObject("modified_at", OffsetDateTime.class)));
                o.put("web", base().replace(ROOT, "/meetings/" + rs.getLong("meeting_id") + "/items/" + rs.getInt("number")));
                return o;
            }).optional();
            case "consultation" -> jdbc.sql("""
                    select r.modified_at, i.created_at, i.meeting_id, r.verb, m.committee_id from report r join agenda_item i on i.id = r.agenda_item_id
                    join meeting m on m.id = i.meeting_id where r.agenda_item_id = :id and not i.exempt""").param("id", id).query((rs, n) -> {
                Map<String, Object> o = object(k.type(), url);
                o.put("paper", base() + "/paper/" + id);
                o.put("agendaItem", base() + "/agenda-item/" + id);
                o.put("meeting", base() + "/meeting/" + rs.getLong("meeting_id"));
                o.put("organization", List.of(base() + "/organization/" + rs.getLong("committee_id")));
                o.put("authoritative", false);
                put(o, "role", rs.getString("verb"));
                o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
                o.put("modified", time(rs.getObject("modified_at", OffsetDateTime.class)));
                return o;
            }).optional();
            case "file" -> jdbc.sql("select id, meeting_id, version, pages, published_at, length(pdf) as size from agenda_pack where id = :id").param("id", id)
                    .query((rs, n) -> {
                        Map<String, Object> o = object(k.type(), url);
                        o.put("name", "Agenda pack, version " + rs.getInt("version"));
                        o.put("fileName", "agenda-pack-" + rs.getLong("meeting_id") + "-v" + rs.getInt("version") + ".pdf");
                        o.put("mimeType", "application/pdf");
                        o.put("date", rs.getObject("published_at", OffsetDateTime.class).toLocalDate().toString());
                        o.put("size", rs.getInt("size"));
                        o.put("accessUrl", base().replace(ROOT, "/meetings/" + rs.getLong("meeting_id") + "/pack/v" + rs.getInt("version") + ".pdf"));
                        o.put("meeting", List.of(base() + "/meeting/" + rs.getLong("meeting_id")));
                        o.put("created", time(rs.getObject("published_at", OffsetDateTime.class)));
                        o.put("modified", time(rs.getObject("published_at", OffsetDateTime.class)));
                        return o;
                    }).optional();
            case "location" -> jdbc.sql("select id, location, created_at, modified_at from meeting where id = :id and location is not null").param("id", id)
                    .query((rs, n) -> {
                        Map<String, Object> o = object(k.type(), url);
                        o.put("description", rs.getString("location"));
                        o.put("meetings", List.of(base() + "/meeting/" + id));
                        o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
                        o.put("modified", time(rs.getObject("modified_at", OffsetDateTime.class)));
                        return o;
                    }).optional();
            case "legislative-term" -> jdbc.sql("select * from legislative_term where id = :id").param("id", id).query((rs, n) -> {
                Map<String, Object> o = stamped(object(k.type(), url), rs);
                if (!o.containsKey("deleted")) {
                    o.put("body", base() + "/body/1");
                    o.put("name", rs.getString("name"));
                    o.put("startDate", date(rs, "start_date"));
                    put(o, "endDate", date(rs, "end_date"));
                    o.put("web", base().replace(ROOT, "/committees#terms-of-office"));
                }
                return o;
            }).optional();
            default -> Optional.empty();
        };
    }

    /** Created and modified; a deleted row becomes a tombstone, keeping only its id, type, dates and {@code deleted}. */
    private static Map<String, Object> stamped(Map<String, Object> o, ResultSet rs) throws SQLException {
        o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
        OffsetDateTime deleted = rs.getObject("deleted_at", OffsetDateTime.class);
        o.put("modified", time(deleted != null ? deleted : rs.getObject("modified_at", OffsetDateTime.class)));
        if (deleted != null) {
            o.put("deleted", true);
        }
        return o;
    }

    private static String date(ResultSet rs, String column) throws SQLException {
        LocalDate d = rs.getObject(column, LocalDate.class);
        return d == null ? null : d.toString();
    }
}
