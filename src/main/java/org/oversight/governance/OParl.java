package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.oversight.platform.PublicAddress;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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

    private final CommitteeRepository committees;
    private final MeetingRepository meetings;
    private final PublicAddress address;
    private final String council;

    OParl(CommitteeRepository committees, MeetingRepository meetings, PublicAddress address,
          @Value("${oversight.council-name:Kent County Council}") String council) {
        this.committees = committees;
        this.meetings = meetings;
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
        b.put("legislativeTerm", objects(KINDS.get("legislative-term"), committees.terms().stream().map(Committee.Term::id).toList()));
        return b;
    }

    /** One kind of OParl object: its type, and the path of its objects' ids. */
    private record Kind(String type, String path) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        for (Kind k : List.of(new Kind("Organization", "organization"), new Kind("Person", "person"), new Kind("Membership", "membership"),
                new Kind("Meeting", "meeting"), new Kind("AgendaItem", "agenda-item"), new Kind("Paper", "paper"), new Kind("Consultation", "consultation"),
                new Kind("File", "file"), new Kind("Location", "location"), new Kind("LegislativeTerm", "legislative-term"))) {
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
        OpenData.Window window = new OpenData.Window(since("modified_since", modifiedSince), since("created_since", createdSince), (long) (page - 1) * PAGE, PAGE);
        OpenData.Page found = switch (k.path()) {
            case "organization" -> committees.committeePage(window);
            case "person" -> committees.personPage(window);
            case "membership" -> committees.membershipPage(window);
            case "legislative-term" -> committees.termPage(window);
            case "meeting" -> meetings.meetingPage(window);
            case "agenda-item" -> meetings.itemPage(window);
            case "paper", "consultation" -> meetings.reportPage(window);
            case "file" -> meetings.packPage(window);
            default -> meetings.locationPage(window);
        };
        long total = found.total();
        List<Map<String, Object>> data = objects(k, found.ids());
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
        } catch (DateTimeParseException e) {
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
        Map<Long, Map<String, Object>> byId = new LinkedHashMap<>();
        switch (k.path()) {
            case "organization" -> {
                Map<Long, List<Long>> memberships = committees.membershipsOfCommittees(ids);
                for (OpenData.Organization r : committees.organizationRows(ids)) {
                    Map<String, Object> o = stamped(object(k.type(), base + "/organization/" + r.id()), r.stamps());
                    if (!o.containsKey("deleted")) {
                        o.put("body", base + "/body/1");
                        o.put("name", r.name());
                        o.put("organizationType", "Gremium");
                        o.put("classification", r.kind().words());
                        o.put("membership", memberships.getOrDefault(r.id(), List.of()).stream().map(m -> base + "/membership/" + m).toList());
                        o.put("web", base.replace(ROOT, "/committees/" + r.code()));
                    }
                    byId.put(r.id(), o);
                }
            }
            case "person" -> {
                Map<Long, List<Long>> memberships = committees.membershipsOfPeople(ids);
                Map<Long, Map<String, Object>> inside = byId(KINDS.get("membership"), memberships);
                for (OpenData.Person r : committees.personRows(ids)) {
                    Map<String, Object> o = stamped(object(k.type(), base + "/person/" + r.id()), r.stamps());
                    if (!o.containsKey("deleted")) {
                        o.put("body", base + "/body/1");
                        o.put("name", r.name());
                        put(o, "status", r.party() == null ? null : List.of(r.party()));
                        o.put("membership", within(memberships.get(r.id()), inside));
                    }
                    byId.put(r.id(), o);
                }
            }
            case "membership" -> {
                for (OpenData.Membership r : committees.membershipRows(ids)) {
                    Map<String, Object> o = stamped(object(k.type(), base + "/membership/" + r.id()), r.stamps());
                    if (!o.containsKey("deleted")) {
                        o.put("person", base + "/person/" + r.personId());
                        o.put("organization", base + "/organization/" + r.committeeId());
                        o.put("role", r.role().words());
                        o.put("votingRight", r.role() != Committee.Role.SUBSTITUTE);
                        put(o, "startDate", date(r.start()));
                        put(o, "endDate", date(r.end()));
                    }
                    byId.put(r.id(), o);
                }
            }
            case "meeting" -> {
                Map<Long, List<Long>> items = meetings.publicItemsOfMeetings(ids);
                Map<Long, List<Long>> packs = meetings.packsOfMeetings(ids);
                Map<Long, Map<String, Object>> itemObjects = byId(KINDS.get("agenda-item"), items), packObjects = byId(KINDS.get("file"), packs);
                Map<Long, Map<String, Object>> locations = new LinkedHashMap<>();
                objects(KINDS.get("location"), ids).forEach(l -> locations.put(idOf(l), l));
                for (OpenData.Meeting r : meetings.meetingRows(ids)) {
                    Map<String, Object> o = stamped(object(k.type(), base + "/meeting/" + r.id()), r.stamps());
                    if (!o.containsKey("deleted")) {
                        o.put("name", r.committee() + ", " + r.starts().toLocalDate());
                        o.put("meetingState", r.status().words());
                        o.put("cancelled", r.status() == Committee.Status.CANCELLED);
                        // OParl's start is a date-time: a meeting whose time is not known has its date in its name only.
                        if (r.timed()) {
                            o.put("start", local(r.starts()));
                        }
                        put(o, "end", local(r.ends()));
                        put(o, "location", locations.get(r.id()));
                        o.put("organization", List.of(base + "/organization/" + r.committeeId()));
                        o.put("agendaItem", within(items.get(r.id()), itemObjects));
                        o.put("auxiliaryFile", within(packs.get(r.id()), packObjects));
                        o.put("web", base.replace(ROOT, "/meetings/" + r.id()));
                    }
                    byId.put(r.id(), o);
                }
            }
            case "agenda-item" -> {
                Set<Long> reported = meetings.reported(ids);
                for (OpenData.AgendaItem r : meetings.itemRows(ids)) {
                    Map<String, Object> o = stamped(object(k.type(), base + "/agenda-item/" + r.id()), r.stamps());
                    // The schema asks every AgendaItem for its order, a withdrawn one's tombstone too.
                    o.put("order", r.number());
                    if (!o.containsKey("deleted")) {
                        o.put("meeting", base + "/meeting/" + r.meetingId());
                        o.put("number", Integer.toString(r.number()));
                        o.put("name", r.title());
                        o.put("public", true);
                        if (reported.contains(r.id())) {
                            o.put("consultation", base + "/consultation/" + r.id());
                        }
                        o.put("web", base.replace(ROOT, "/meetings/" + r.meetingId() + "/items/" + r.number()));
                    }
                    byId.put(r.id(), o);
                }
            }
            case "paper" -> {
                Map<Long, Map<String, Object>> consultations = new LinkedHashMap<>();
                objects(KINDS.get("consultation"), ids).forEach(c -> consultations.put(idOf(c), c));
                for (OpenData.Paper r : meetings.paperRows(ids)) {
                    Map<String, Object> o = object(k.type(), base + "/paper/" + r.itemId());
                    o.put("body", base + "/body/1");
                    o.put("name", r.title());
                    put(o, "reference", r.decisionNo());
                    o.put("date", r.meetingStarts().toLocalDate().toString());
                    o.put("paperType", r.decisionNo() == null ? "Report" : "Key decision report");
                    o.put("consultation", List.of(consultations.get(r.itemId())));
                    o.put("created", time(r.created()));
                    o.put("modified", time(r.modified()));
                    o.put("web", base.replace(ROOT, "/meetings/" + r.meetingId() + "/items/" + r.number()));
                    byId.put(r.itemId(), o);
                }
            }
            case "consultation" -> {
                for (OpenData.Consultation r : meetings.consultationRows(ids)) {
                    Map<String, Object> o = object(k.type(), base + "/consultation/" + r.itemId());
                    o.put("paper", base + "/paper/" + r.itemId());
                    o.put("agendaItem", base + "/agenda-item/" + r.itemId());
                    o.put("meeting", base + "/meeting/" + r.meetingId());
                    o.put("organization", List.of(base + "/organization/" + r.committeeId()));
                    o.put("authoritative", false);
                    put(o, "role", r.verb());
                    o.put("created", time(r.created()));
                    o.put("modified", time(r.modified()));
                    byId.put(r.itemId(), o);
                }
            }
            case "file" -> {
                for (OpenData.File r : meetings.fileRows(ids)) {
                    Map<String, Object> o = object(k.type(), base + "/file/" + r.id());
                    o.put("name", "Agenda pack, version " + r.version());
                    o.put("fileName", "agenda-pack-" + r.meetingId() + "-v" + r.version() + ".pdf");
                    o.put("mimeType", "application/pdf");
                    o.put("date", r.published().toLocalDate().toString());
                    o.put("size", r.size());
                    o.put("accessUrl", base.replace(ROOT, "/meetings/" + r.meetingId() + "/pack/v" + r.version() + ".pdf"));
                    o.put("meeting", List.of(base + "/meeting/" + r.meetingId()));
                    o.put("created", time(r.published()));
                    o.put("modified", time(r.published()));
                    byId.put(r.id(), o);
                }
            }
            case "location" -> {
                for (OpenData.Location r : meetings.locationRows(ids)) {
                    Map<String, Object> o = object(k.type(), base + "/location/" + r.meetingId());
                    o.put("description", r.description());
                    o.put("meetings", List.of(base + "/meeting/" + r.meetingId()));
                    o.put("created", time(r.created()));
                    o.put("modified", time(r.modified()));
                    byId.put(r.meetingId(), o);
                }
            }
            case "legislative-term" -> {
                for (OpenData.LegislativeTerm r : committees.termRows(ids)) {
                    Map<String, Object> o = stamped(object(k.type(), base + "/legislative-term/" + r.id()), r.stamps());
                    if (!o.containsKey("deleted")) {
                        o.put("body", base + "/body/1");
                        o.put("name", r.name());
                        o.put("startDate", date(r.start()));
                        put(o, "endDate", date(r.end()));
                        o.put("web", base.replace(ROOT, "/committees#terms-of-office"));
                    }
                    byId.put(r.id(), o);
                }
            }
            default -> {
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The objects of every child named, by id, read at once. */
    private Map<Long, Map<String, Object>> byId(Kind k, Map<Long, List<Long>> children) {
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        objects(k, children.values().stream().flatMap(List::stream).toList()).forEach(o -> out.put(idOf(o), o));
        return out;
    }

    private static List<Map<String, Object>> within(List<Long> ids, Map<Long, Map<String, Object>> objects) {
        return ids == null ? List.of() : ids.stream().map(objects::get).filter(Objects::nonNull).toList();
    }

    private static long idOf(Map<String, Object> o) {
        String id = (String) o.get("id");
        return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
    }

    /** Created and modified; a deleted row becomes a tombstone, keeping only its id, type, dates and {@code deleted}. */
    private static Map<String, Object> stamped(Map<String, Object> o, OpenData.Stamps stamps) {
        o.put("created", time(stamps.created()));
        o.put("modified", time(stamps.deleted() != null ? stamps.deleted() : stamps.modified()));
        if (stamps.deleted() != null) {
            o.put("deleted", true);
        }
        return o;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
