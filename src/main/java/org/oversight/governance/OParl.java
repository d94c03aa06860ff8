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

import org.oversight.platform.PublicAddress;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.annotation.Transactional;

/**
 * OParl 1.1, read-only and public data only: the System, the council as its one Body, committees
 * as Organizations, People, Memberships, Meetings with their AgendaItems, reports as Papers with
 * their Consultations, agenda packs as Files, meeting places as Locations. Ids are absolute URLs;
 * lists are paginated with {@code links.next} and filtered by {@code modified_since} and
 * {@code created_since}; a deleted object is served as a tombstone. Exempt items are never served.
 */
@RestController
// One connection for the whole request: a list's statements run one after another on it, never
// holding one connection while waiting for another (which froze every page once the pool ran dry).
@Transactional(readOnly = true)
class OParl {

    static final String ROOT = "/oparl/v1.1";
    private static final String SCHEMA = "https://schema.oparl.org/1.1/";
    private static final int PAGE = 20;

    private final JdbcClient jdbc;
    private final PublicAddress address;
    private final String council;

    OParl(JdbcClient jdbc, PublicAddress address, @Value("${oversight.council-name:Kent County Council}") String council) {
        this.jdbc = jdbc;
        this.address = address;
        this.council = council;
    }

    private String base() {
        return address.base() + ROOT;
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
        b.put("legislativeTerm", objects(KINDS.get("legislative-term"),
                jdbc.sql("select id from legislative_term where deleted_at is null order by start_date").query(Long.class).list()));
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
        List<Map<String, Object>> data = objects(k, ids);
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
        return objects(k, List.of(id)).stream().findFirst();
    }

    /**
     * The rows of one kind as OParl objects, in the order of {@code ids} (those not served left out),
     * with one query for the rows and one for each kind of object inside them: a list of twenty
     * meetings is a handful of statements on the request's one connection, not one per object.
     */
    private List<Map<String, Object>> objects(Kind k, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String base = base();
        Long[] keys = ids.toArray(Long[]::new);
        Map<Long, Map<String, Object>> byId = new LinkedHashMap<>();
        switch (k.path()) {
            case "organization" -> {
                Map<Long, List<Long>> memberships = children("select committee_id, id from membership where committee_id = any(:ids) order by id", keys);
                jdbc.sql("select * from committee where id = any(:ids)").param("ids", keys).query((RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    Map<String, Object> o = stamped(object(k.type(), base + "/organization/" + id), rs);
                    if (!o.containsKey("deleted")) {
                        o.put("body", base + "/body/1");
                        o.put("name", rs.getString("name"));
                        o.put("organizationType", "Gremium");
                        o.put("classification", Committee.Kind.valueOf(rs.getString("kind")).words());
                        o.put("membership", memberships.getOrDefault(id, List.of()).stream().map(m -> base + "/membership/" + m).toList());
                        o.put("web", base.replace(ROOT, "/committees/" + rs.getString("code")));
                    }
                    byId.put(id, o);
                });
            }
            case "person" -> {
                Map<Long, List<Long>> memberships = children("select person_id, id from membership where person_id = any(:ids) order by id", keys);
                Map<Long, Map<String, Object>> inside = byId(KINDS.get("membership"), memberships);
                jdbc.sql("select * from person where id = any(:ids)").param("ids", keys).query((RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    Map<String, Object> o = stamped(object(k.type(), base + "/person/" + id), rs);
                    if (!o.containsKey("deleted")) {
                        o.put("body", base + "/body/1");
                        o.put("name", rs.getString("name"));
                        put(o, "status", rs.getString("party") == null ? null : List.of(rs.getString("party")));
                        o.put("membership", within(memberships.get(id), inside));
                    }
                    byId.put(id, o);
                });
            }
            case "membership" -> jdbc.sql("select * from membership where id = any(:ids)").param("ids", keys).query((RowCallbackHandler) rs -> {
                long id = rs.getLong("id");
                Map<String, Object> o = stamped(object(k.type(), base + "/membership/" + id), rs);
                if (!o.containsKey("deleted")) {
                    o.put("person", base + "/person/" + rs.getLong("person_id"));
                    o.put("organization", base + "/organization/" + rs.getLong("committee_id"));
                    o.put("role", Committee.Role.valueOf(rs.getString("role")).words());
                    o.put("votingRight", !"SUBSTITUTE".equals(rs.getString("role")));
                    put(o, "startDate", date(rs, "start_date"));
                    put(o, "endDate", date(rs, "end_date"));
                }
                byId.put(id, o);
            });
            case "meeting" -> {
                Map<Long, List<Long>> items = children(
                        "select meeting_id, id from agenda_item where meeting_id = any(:ids) and not exempt and deleted_at is null order by number", keys);
                Map<Long, List<Long>> packs = children("select meeting_id, id from agenda_pack where meeting_id = any(:ids) order by version", keys);
                Map<Long, Map<String, Object>> itemObjects = byId(KINDS.get("agenda-item"), items), packObjects = byId(KINDS.get("file"), packs);
                Map<Long, Map<String, Object>> locations = new LinkedHashMap<>();
                objects(KINDS.get("location"), ids).forEach(l -> locations.put(idOf(l), l));
                jdbc.sql("select m.*, c.name as committee from meeting m join committee c on c.id = m.committee_id where m.id = any(:ids)")
                        .param("ids", keys).query((RowCallbackHandler) rs -> {
                            long id = rs.getLong("id");
                            Map<String, Object> o = stamped(object(k.type(), base + "/meeting/" + id), rs);
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
                                put(o, "location", locations.get(id));
                                o.put("organization", List.of(base + "/organization/" + rs.getLong("committee_id")));
                                o.put("agendaItem", within(items.get(id), itemObjects));
                                o.put("auxiliaryFile", within(packs.get(id), packObjects));
                                o.put("web", base.replace(ROOT, "/meetings/" + id));
                            }
                            byId.put(id, o);
                        });
            }
            case "agenda-item" -> {
                Map<Long, List<Long>> reports = children("select agenda_item_id, agenda_item_id from report where agenda_item_id = any(:ids)", keys);
                jdbc.sql("select * from agenda_item where id = any(:ids) and not exempt").param("ids", keys).query((RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    Map<String, Object> o = stamped(object(k.type(), base + "/agenda-item/" + id), rs);
                    // The schema asks every AgendaItem for its order, a withdrawn one's tombstone too.
                    o.put("order", rs.getInt("number"));
                    if (!o.containsKey("deleted")) {
                        o.put("meeting", base + "/meeting/" + rs.getLong("meeting_id"));
                        o.put("number", Integer.toString(rs.getInt("number")));
                        o.put("name", rs.getString("title"));
                        o.put("public", true);
                        if (reports.containsKey(id)) {
                            o.put("consultation", base + "/consultation/" + id);
                        }
                        o.put("web", base.replace(ROOT, "/meetings/" + rs.getLong("meeting_id") + "/items/" + rs.getInt("number")));
                    }
                    byId.put(id, o);
                });
            }
            case "paper" -> {
                Map<Long, Map<String, Object>> consultations = new LinkedHashMap<>();
                objects(KINDS.get("consultation"), ids).forEach(c -> consultations.put(idOf(c), c));
                jdbc.sql("""
                        select r.*, i.title, i.created_at, i.meeting_id, i.number, m.starts_at from report r join agenda_item i on i.id = r.agenda_item_id
                        join meeting m on m.id = i.meeting_id where r.agenda_item_id = any(:ids) and not i.exempt""").param("ids", keys)
                        .query((RowCallbackHandler) rs -> {
                            long id = rs.getLong("agenda_item_id");
                            Map<String, Object> o = object(k.type(), base + "/paper/" + id);
                            o.put("body", base + "/body/1");
                            o.put("name", rs.getString("title"));
                            put(o, "reference", rs.getString("decision_no"));
                            o.put("date", rs.getObject("starts_at", LocalDateTime.class).toLocalDate().toString());
                            o.put("paperType", rs.getString("decision_no") == null ? "Report" : "Key decision report");
                            o.put("consultation", List.of(consultations.get(id)));
                            o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
                            o.put("modified", time(rs.getObject("modified_at", OffsetDateTime.class)));
                            o.put("web", base.replace(ROOT, "/meetings/" + rs.getLong("meeting_id") + "/items/" + rs.getInt("number")));
                            byId.put(id, o);
                        });
            }
            case "consultation" -> jdbc.sql("""
                    select r.agenda_item_id, r.modified_at, i.created_at, i.meeting_id, r.verb, m.committee_id from report r
                    join agenda_item i on i.id = r.agenda_item_id join meeting m on m.id = i.meeting_id
                    where r.agenda_item_id = any(:ids) and not i.exempt""").param("ids", keys).query((RowCallbackHandler) rs -> {
                long id = rs.getLong("agenda_item_id");
                Map<String, Object> o = object(k.type(), base + "/consultation/" + id);
                o.put("paper", base + "/paper/" + id);
                o.put("agendaItem", base + "/agenda-item/" + id);
                o.put("meeting", base + "/meeting/" + rs.getLong("meeting_id"));
                o.put("organization", List.of(base + "/organization/" + rs.getLong("committee_id")));
                o.put("authoritative", false);
                put(o, "role", rs.getString("verb"));
                o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
                o.put("modified", time(rs.getObject("modified_at", OffsetDateTime.class)));
                byId.put(id, o);
            });
            case "file" -> jdbc.sql("select id, meeting_id, version, pages, published_at, length(pdf) as size from agenda_pack where id = any(:ids)")
                    .param("ids", keys).query((RowCallbackHandler) rs -> {
                        long id = rs.getLong("id");
                        Map<String, Object> o = object(k.type(), base + "/file/" + id);
                        o.put("name", "Agenda pack, version " + rs.getInt("version"));
                        o.put("fileName", "agenda-pack-" + rs.getLong("meeting_id") + "-v" + rs.getInt("version") + ".pdf");
                        o.put("mimeType", "application/pdf");
                        o.put("date", rs.getObject("published_at", OffsetDateTime.class).toLocalDate().toString());
                        o.put("size", rs.getInt("size"));
                        o.put("accessUrl", base.replace(ROOT, "/meetings/" + rs.getLong("meeting_id") + "/pack/v" + rs.getInt("version") + ".pdf"));
                        o.put("meeting", List.of(base + "/meeting/" + rs.getLong("meeting_id")));
                        o.put("created", time(rs.getObject("published_at", OffsetDateTime.class)));
                        o.put("modified", time(rs.getObject("published_at", OffsetDateTime.class)));
                        byId.put(id, o);
                    });
            case "location" -> jdbc.sql("select id, location, created_at, modified_at from meeting where id = any(:ids) and location is not null")
                    .param("ids", keys).query((RowCallbackHandler) rs -> {
                        long id = rs.getLong("id");
                        Map<String, Object> o = object(k.type(), base + "/location/" + id);
                        o.put("description", rs.getString("location"));
                        o.put("meetings", List.of(base + "/meeting/" + id));
                        o.put("created", time(rs.getObject("created_at", OffsetDateTime.class)));
                        o.put("modified", time(rs.getObject("modified_at", OffsetDateTime.class)));
                        byId.put(id, o);
                    });
            case "legislative-term" -> jdbc.sql("select * from legislative_term where id = any(:ids)").param("ids", keys).query((RowCallbackHandler) rs -> {
                long id = rs.getLong("id");
                Map<String, Object> o = stamped(object(k.type(), base + "/legislative-term/" + id), rs);
                if (!o.containsKey("deleted")) {
                    o.put("body", base + "/body/1");
                    o.put("name", rs.getString("name"));
                    o.put("startDate", date(rs, "start_date"));
                    put(o, "endDate", date(rs, "end_date"));
                    o.put("web", base.replace(ROOT, "/committees#terms-of-office"));
                }
                byId.put(id, o);
            });
            default -> {
            }
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Each parent's children's ids, from a query of (parent, child) pairs. */
    private Map<Long, List<Long>> children(String sql, Long[] parents) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        jdbc.sql(sql).param("ids", parents).query((RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)));
        return out;
    }

    /** The objects of every child named, by id, read at once. */
    private Map<Long, Map<String, Object>> byId(Kind k, Map<Long, List<Long>> children) {
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        objects(k, children.values().stream().flatMap(List::stream).toList()).forEach(o -> out.put(idOf(o), o));
        return out;
    }

    private static List<Map<String, Object>> within(List<Long> ids, Map<Long, Map<String, Object>> objects) {
        return ids == null ? List.of() : ids.stream().map(objects::get).filter(java.util.Objects::nonNull).toList();
    }

    private static long idOf(Map<String, Object> o) {
        String id = (String) o.get("id");
        return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
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
