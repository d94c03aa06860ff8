package org.oversight.publishing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.platform.ContentPolicy;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.platform.StoredBody;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.oversight.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a paper of any kind: the document as it will go out (HTML and its PDF, each with its
 * SHA-256) and the data it shows (its figures and every table), stored as the next version, never
 * changed after. The list of what changed since the version before is worked out from those data.
 */
@Service
class Papers {

    static final String DASHBOARD = "dashboard";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PaperRepository store;
    private final Map<String, Publication> kinds;
    private final ApplicationEventPublisher events;

    private final org.springframework.beans.factory.ObjectProvider<PaperSource> sources;
    private final PaperLayout layout;

    /** {@code sources}: the kinds other modules lay out, read when first asked for (they depend on publishing, so not while it is made). */
    Papers(PaperRepository store, List<Publication> kinds, org.springframework.beans.factory.ObjectProvider<PaperSource> sources, PaperLayout layout,
           ApplicationEventPublisher events) {
        this.store = store;
        this.sources = sources;
        this.layout = layout;
        this.kinds = kinds.stream().collect(Collectors.toMap(Publication::kind, Function.identity()));
        this.events = events;
    }

    /** The kinds of paper in the order the papers page lists them. */
    static final List<String> KINDS = List.of("dashboard", "qpr", "exceptions", "risks", "budget", "rates", "directorate");

    /** Who publishes a kind of paper: the risk team its register reports, finance officers the budget report and the rates, the performance team the rest. */
    static Role publisher(String kind) {
        return switch (kind) {
            case "risks" -> Role.RISK_TEAM;
            case "budget", "rates" -> Role.FINANCE_OFFICER;
            default -> Role.PERFORMANCE;
        };
    }

    Publication kind(String kind) {
        Publication p = kinds.get(kind);
        if (p == null) {
            p = sources.orderedStream().filter(x -> x.kind().equals(kind)).findFirst().map(x -> (Publication) new SourcedPublication(x, layout)).orElse(null);
        }
        if (p == null) {
            throw new NotFoundException("'" + kind + "' is not a kind of paper: the kinds are " + String.join(", ", KINDS));
        }
        return p;
    }

    /** The paper as it would go out now: the document, what the checks find in it, and the hash the publish button sends back. */
    record Draft(Publication.Document document, List<ScorecardAudit.Finding> findings, String fingerprint, String data) {

        /** Findings that stop a paper going out until they are put right (no reason will do). */
        List<ScorecardAudit.Finding> blocking() {
            return findings.stream().filter(f -> f.kind().blocks()).toList();
        }
    }

    /** The months a paper may be for, as every month box reads them. */
    private static void within(YearMonth period) {
        if (!Dates.kept(period.getYear())) {
            throw new InputException("month", period + " is not a month Oversight keeps: a paper is for a month from " + Dates.FIRST_YEAR + " to " + Dates.LAST_YEAR);
        }
    }

    Draft draft(String kind, YearMonth period, String scope) {
        within(period);
        Publication p = kind(kind);
        Publication.Document d = p.build(p.period(period), p.scope(scope));
        String data = data(d);
        return new Draft(d, d.findings(), DigestUtils.sha256Hex(data), data);
    }

    /** Whether a version shows what the draft shows: if not, the data changed after it went out, and a new version may follow. */
    boolean shows(PaperRepository.Version v, Draft draft) {
        return store.data(v.id()).map(old -> JSON.readTree(old).equals(JSON.readTree(draft.data()))).orElse(false);
    }

    /** What the audit finds in the paper as it would go out now. */
    List<ScorecardAudit.Finding> findings(String kind, YearMonth period, String scope) {
        return draft(kind, period, scope).findings();
    }

    /** Publishes with every finding of the checks accepted for the one reason {@code why} (if {@code accepted}): the command line's way. */
    @Transactional
    PaperRepository.Version publish(String kind, YearMonth asked, String scope, String user, boolean accepted, String why, String seen) {
        return publish(kind, asked, scope, user, accepted ? null : Map.of(), why, seen);
    }

    /** A finding's key on the publish form: the same finding has the same key however often the page is read. */
    static String key(ScorecardAudit.Finding f) {
        return DigestUtils.sha256Hex(words(f)).substring(0, 16);
    }

    /**
     * Publishes the paper as it stands. If the checks find anything, it goes out only when the
     * publisher accepts each finding ({@code accepted}: a finding's {@link #key} to its own reason,
     * or blank to take {@code why}; null accepts them all for {@code why}); every finding and its
     * reason are recorded with the version. A blocking finding (a Red indicator with no exception
     * written or waived) stops it outright. With {@code seen} (the fingerprint the publisher was
     * shown), refused if the paper has changed since.
     */
    @Transactional
    PaperRepository.Version publish(String kind, YearMonth asked, String scope, String user, Map<String, String> accepted, String why, String seen) {
        within(asked);
        Publication p = kind(kind);
        YearMonth period = p.period(asked);
        String s = p.scope(scope);
        if (!p.publishable(period)) {
            throw new InputException("month", DisplayFormat.monthName(period) + " is not over yet: a paper is published after the period it reports ends");
        }
        Publication.Document d = p.build(period, s);
        if (d.nothing() != null) {
            throw new InputException("month", "there is nothing to publish: " + d.nothing());
        }
        String data = data(d);
        if (seen != null && !seen.isBlank() && !seen.equals(DigestUtils.sha256Hex(data))) {
            throw new ConflictException("The paper has changed since you opened this page (a figure, target, commentary or risk was saved): "
                    + "nothing was published. Read it again and its checks, then publish.");
        }
        List<PaperRepository.Version> before = store.versions(kind, period, s);
        if (!before.isEmpty() && store.data(before.get(0).id()).map(old -> JSON.readTree(old).equals(JSON.readTree(data))).orElse(false)) {
            throw new InputException("month", "nothing has changed since version " + before.get(0).version() + ": there is no new version to publish");
        }
        if (why != null && why.length() > 2_000) {
            throw new InputException("why", "say why in 2,000 characters or fewer");
        }
        List<ScorecardAudit.Finding> blocking = d.findings().stream().filter(f -> f.kind().blocks()).toList();
        if (!blocking.isEmpty()) {
            throw new InputException("accept", blocking.size() + (blocking.size() == 1 ? " Red indicator has" : " Red indicators have")
                    + " no exception report (" + refs(blocking.stream().map(ScorecardAudit.Finding::ref).toList()) + "): write each one, or waive it with a reason, before the paper can go out");
        }
        List<ScorecardAudit.Finding> findings = d.findings();
        String general = Text.orNull(why);
        List<String> notAccepted = new ArrayList<>();
        List<String> accepts = new ArrayList<>();
        for (ScorecardAudit.Finding f : findings) {
            String own = accepted == null ? null : accepted.get(key(f));
            boolean ticked = accepted == null || accepted.containsKey(key(f));
            String reason = Text.orNull(own) != null ? Text.orNull(own) : general;
            if (!ticked || reason == null) {
                notAccepted.add(f.ref());
            } else if (reason.length() > 2_000) {
                throw new InputException("why", "say why in 2,000 characters or fewer");
            } else {
                accepts.add(words(f) + (reason.equals(general) ? "" : " (accepted because: " + reason + ")"));
            }
        }
        if (!notAccepted.isEmpty()) {
            throw new InputException("accept", "the checks found " + findings.size() + (findings.size() == 1 ? " thing" : " things")
                    + " to look at, and " + notAccepted.size() + " of them (" + refs(notAccepted) + ") " + (notAccepted.size() == 1 ? "is" : "are")
                    + " not accepted with a reason: correct the figures or commentary, or tick each finding and say why the paper may go out with it");
        }
        // The paper and what it publishes are one act: the month's dashboard frozen from the same figures, in the same transaction.
        p.publishing(period, s, user);
        int version = store.nextVersion(kind, period, s);
        String html = d.html().html(LocalDate.now(), version, accepts);
        byte[] pdf = PdfDocument.print(html);
        long id;
        try {
            id = store.insert(kind, period, s, version, d.title(), html, DigestUtils.sha256Hex(html), pdf, DigestUtils.sha256Hex(pdf), data, user,
                    accepts, findings.isEmpty() ? null : Objects.requireNonNullElse(general, "each finding's own reason, listed with it"));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Version " + version + " of this paper was published by someone else a moment ago.");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("pdf_sha256", DigestUtils.sha256Hex(pdf));
        record.put("findings_accepted", findings.stream().map(f -> f.kind() + " " + f.ref() + ": " + f.message()).toList());
        if (!findings.isEmpty()) {
            record.put("why", general);
            record.put("accepted", accepts);
        }
        events.publishEvent(new Audited(Audited.Action.PUBLISH, "paper", kind + ":" + period + ":" + s + ":" + version,
                d.title() + " published" + (version > 1 ? " (version " + version + ")" : "") + (findings.isEmpty() ? "" : " with "
                        + findings.size() + " findings accepted"), null, record));
        events.publishEvent(new PaperPublished(kind, period, s, version, d.title(), DigestUtils.sha256Hex(pdf)));
        return store.versions(kind, period, s).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** The first ten refs, and how many more: a message stays readable however many there are. */
    private static String refs(List<String> refs) {
        return String.join(", ", refs.subList(0, Math.min(10, refs.size()))) + (refs.size() > 10 ? " and " + (refs.size() - 10) + " more" : "");
    }

    /** A finding as the versions page lists it: the ref, the kind in words, what was found. */
    static String words(ScorecardAudit.Finding f) {
        String kind = f.kind().name().replace('_', ' ').toLowerCase(Locale.UK);
        return f.ref() + ", " + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ": " + f.message();
    }

    /** A paper's versions, newest first; none for a scope that does not exist. */
    List<PaperRepository.Version> versions(String kind, YearMonth period, String scope) {
        Publication p = kind(kind);
        // Read by the scope as stored, however cased: what went out does not depend on today's names.
        return store.versions(kind, p.period(period), scope == null ? "" : scope.strip());
    }

    /** The scope as the data name it, or as typed when the data name no such scope (so that nothing is found, not an error). */
    static String known(Publication p, String scope) {
        try {
            return p.scope(scope);
        } catch (InputException unknown) {
            return clean(scope);
        }
    }

    Optional<PaperRepository.Version> version(String kind, YearMonth period, String scope, Integer version) {
        return versions(kind, period, scope).stream().filter(v -> version == null || v.version() == version).findFirst();
    }

    List<PaperRepository.Version> published() {
        return store.latest();
    }

    String html(PaperRepository.Version v) {
        return store.html(v.id()).orElseThrow();
    }

    byte[] pdf(PaperRepository.Version v) {
        return store.pdf(v.id()).orElseThrow();
    }

    /** As {@link #html} and {@link #pdf}, sent as read rather than held whole, for the many who read a published paper at once. */
    StoredBody htmlBody(PaperRepository.Version v) {
        return store.htmlBody(v.id());
    }

    StoredBody pdfBody(PaperRepository.Version v) {
        return store.pdfBody(v.id());
    }

    /** Each published HTML's policy, by the HTML's SHA-256: what went out never changes, so neither does the policy it needs. */
    private final Map<String, String> policies = new java.util.concurrent.ConcurrentHashMap<>();

    /** The content policy a version's page needs: the site's, allowing the paper's own stylesheet by its hash. */
    String policy(PaperRepository.Version v) {
        return policies.computeIfAbsent(v.htmlSha256(), sha -> store.style(v.id()).map(ContentPolicy::withStyle).orElse(ContentPolicy.DEFAULT));
    }

    /** A version's items as they went out, by their ref, each field as text. */
    Map<String, Map<String, String>> items(PaperRepository.Version v) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        byRef(store.data(v.id()).orElseThrow()).forEach((ref, n) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            n.propertyNames().forEach(f -> fields.put(f, text(n, f)));
            out.put(ref, fields);
        });
        return out;
    }

    /** A version's tables as they went out (none for a version published before tables were kept). */
    List<Publication.Table> tables(PaperRepository.Version v) {
        JsonNode data = JSON.readTree(store.data(v.id()).orElseThrow());
        if (!data.has("tables")) {
            return List.of();
        }
        List<Publication.Table> out = new ArrayList<>();
        for (JsonNode t : data.get("tables")) {
            out.add(new Publication.Table(t.get("id").asString(), t.get("caption").asString(), strings(t.get("header")),
                    t.get("rows").valueStream().map(Papers::strings).toList(), t.get("total").asBoolean()));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(n -> n.isNull() ? "" : n.asString()).toList();
    }

    /** What changed from the version before, item by item, in words; empty for a first version. */
    List<String> changes(String kind, YearMonth period, String scope, int version) {
        List<PaperRepository.Version> all = versions(kind, period, scope);
        List<List<String>> changes = changes(all);
        for (int n = 0; n < all.size(); n++) {
            if (all.get(n).version() == version) {
                return changes.get(n);
            }
        }
        return List.of();
    }

    /** For each of a paper's versions, newest first, what changed from the one before: each version's data read once. */
    List<List<String>> changes(List<PaperRepository.Version> newestFirst) {
        List<Map<String, JsonNode>> items = newestFirst.stream().map(v -> byRef(store.data(v.id()).orElseThrow())).toList();
        List<List<String>> out = new ArrayList<>();
        for (int n = 0; n < newestFirst.size(); n++) {
            boolean follows = n + 1 < newestFirst.size() && newestFirst.get(n + 1).version() == newestFirst.get(n).version() - 1;
            out.add(follows ? changes(items.get(n + 1), items.get(n)) : List.of());
        }
        return out;
    }

    /** Short fields as "field a → b"; a long text (commentary, a risk's description) only as rewritten. */
    private static List<String> changes(Map<String, JsonNode> was, Map<String, JsonNode> is) {
        List<String> out = new ArrayList<>();
        is.forEach((ref, i) -> {
            JsonNode w = was.get(ref);
            if (w == null) {
                out.add(ref + " " + text(i, "title") + ": added");
                return;
            }
            List<String> what = new ArrayList<>();
            if (!text(w, "title").equals(text(i, "title"))) {
                what.add("title was '" + text(w, "title") + "'");
            }
            for (String field : i.propertyNames()) {
                if (field.equals("ref") || field.equals("title")) {
                    continue;
                }
                String a = text(w, field), b = text(i, field);
                if (!a.equals(b)) {
                    String name = field.equals("value") ? "figure" : field;
                    what.add(a.length() > 40 || b.length() > 40 ? name + " rewritten" : name + " " + a + " → " + b);
                }
            }
            if (!what.isEmpty()) {
                out.add(ref + " " + text(i, "title") + ": " + String.join("; ", what));
            }
        });
        was.keySet().stream().filter(ref -> !is.containsKey(ref)).forEach(ref -> out.add(ref + " " + text(was.get(ref), "title") + ": removed"));
        return out;
    }

    /** What a version keeps besides its document: the items the list of changes compares, and every table. */
    private static String data(Publication.Document d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("items", d.items());
        data.put("tables", d.tables());
        return JSON.writeValueAsString(data);
    }

    /** The items of a version's data; a first-generation version kept them as the whole document. */
    private static Map<String, JsonNode> byRef(String json) {
        JsonNode data = JSON.readTree(json);
        Map<String, JsonNode> m = new LinkedHashMap<>();
        (data.isArray() ? data : data.get("items")).forEach(n -> m.put(n.get("ref").asString(), n));
        return m;
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull() ? n.get(field).asString() : "none";
    }

    private static String clean(String scope) {
        return Objects.requireNonNullElse(scope, "").strip();
    }


    /** A paper's address: its kind, period and scope (as a query, when there is one), then {@code suffix}. */
    static String path(String kind, YearMonth period, String scope, String suffix) {
        return org.springframework.web.util.UriComponentsBuilder.fromPath("/papers/{k}/{m}" + suffix).queryParamIfPresent("scope",
                Optional.ofNullable(scope).map(String::strip).filter(d -> !d.isEmpty())).buildAndExpand(kind, period).encode().toUriString();
    }
}
