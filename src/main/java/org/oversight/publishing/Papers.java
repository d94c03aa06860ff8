package org.oversight.publishing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.oversight.performance.DashboardPapers;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a paper: the document as it will go out (HTML and its PDF, each with its SHA-256) and
 * the figures it shows, stored as the next version, never changed after. The list of what changed
 * since the version before is worked out from those figures.
 */
@Service
class Papers {

    static final String DASHBOARD = "dashboard";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PaperRepository store;
    private final DashboardDocument dashboards;
    private final ApplicationEventPublisher events;

    Papers(PaperRepository store, DashboardDocument dashboards, ApplicationEventPublisher events) {
        this.store = store;
        this.dashboards = dashboards;
        this.events = events;
    }

    /** The paper as it would go out now: what the checks find in it, and the hash the publish button sends back. */
    record Draft(List<ScorecardAudit.Finding> findings, String fingerprint) {
    }

    /** The paper built once for both its checks and its fingerprint, as the versions page shows them. */
    Draft draft(YearMonth month, String scope) {
        DashboardPapers.Paper p = dashboards.data(month, Objects.requireNonNullElse(scope, "").strip());
        return new Draft(ScorecardAudit.audit(p), sha256(JSON.writeValueAsString(figures(p)).getBytes(StandardCharsets.UTF_8)));
    }

    /** What the audit finds in the paper as it would go out now (shared/spec/audit.md's kinds, on the stored figures). */
    List<ScorecardAudit.Finding> findings(YearMonth month, String scope) {
        return draft(month, scope).findings();
    }

    /**
     * Publishes the paper as it stands. If the audit finds anything, it goes out only when the
     * publisher says they have read the findings and why it may go out with them; both are recorded.
     */
    @Transactional
    PaperRepository.Version publish(YearMonth month, String scope, String user, boolean accepted, String why) {
        return publish(month, scope, user, accepted, why, null);
    }

    /** As above; with {@code seen} (the {@link #fingerprint} the publisher was shown), refused if the paper has changed since. */
    @Transactional
    PaperRepository.Version publish(YearMonth month, String scope, String user, boolean accepted, String why, String seen) {
        String s = Objects.requireNonNullElse(scope, "").strip();
        if (!month.isBefore(YearMonth.now())) {
            throw new InputException("month", DisplayFormat.monthName(month) + " is not over yet: a month's paper is published after it ends");
        }
        DashboardPapers.Paper p = dashboards.data(month, s);
        if (p.indicators().isEmpty()) {
            throw new InputException("month", "there is nothing to publish: no indicator has a figure or target for " + DisplayFormat.monthName(month));
        }
        String figures = JSON.writeValueAsString(figures(p));
        if (seen != null && !seen.isBlank() && !seen.equals(sha256(figures.getBytes(StandardCharsets.UTF_8)))) {
            throw new ConflictException("The paper has changed since you opened this page (a figure, target or commentary was saved): "
                    + "nothing was published. Read it again and its checks, then publish.");
        }
        List<PaperRepository.Version> before = store.versions(DASHBOARD, month, s);
        if (!before.isEmpty() && store.data(before.get(0).id()).map(d -> JSON.readTree(d).equals(JSON.readTree(figures))).orElse(false)) {
            throw new InputException("month", "nothing has changed since version " + before.get(0).version() + ": there is no new version to publish");
        }
        if (why != null && why.length() > 2_000) {
            throw new InputException("why", "say why in 2,000 characters or fewer");
        }
        List<ScorecardAudit.Finding> findings = ScorecardAudit.audit(p);
        if (!findings.isEmpty() && (!accepted || why == null || why.isBlank())) {
            throw new InputException("accept", "the checks found " + findings.size() + (findings.size() == 1 ? " thing" : " things")
                    + " to look at: read them, correct the figures or commentary, or say why the paper may go out with them");
        }
        int version = store.nextVersion(DASHBOARD, month, s);
        String html = dashboards.html(p, LocalDate.now(), version);
        byte[] pdf = PdfDocument.print(html);
        long id;
        try {
            id = store.insert(DASHBOARD, month, s, version, html, sha256(html.getBytes(StandardCharsets.UTF_8)), pdf, sha256(pdf), figures, user,
                    findings.stream().map(Papers::words).toList(), findings.isEmpty() ? null : why.strip());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Version " + version + " of this paper was published by someone else a moment ago.");
        }
        String title = DashboardDocument.title(p);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("pdf_sha256", sha256(pdf));
        record.put("findings_accepted", findings.stream().map(f -> f.kind() + " " + f.ref() + ": " + f.message()).toList());
        if (!findings.isEmpty()) {
            record.put("why", why.strip());
        }
        events.publishEvent(new Audited(Audited.Action.PUBLISH, "paper", DASHBOARD + ":" + month + ":" + s + ":" + version,
                title + " published" + (version > 1 ? " (version " + version + ")" : "") + (findings.isEmpty() ? "" : " with "
                        + findings.size() + " findings accepted"), null, record));
        return store.versions(DASHBOARD, month, s).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** A finding as the versions page lists it: the indicator, the kind in words, what was found. */
    static String words(ScorecardAudit.Finding f) {
        String kind = f.kind().name().replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return f.ref() + ", " + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ": " + f.message();
    }

    /** What the paper shows now, as a hash: the versions page sends it back with the publish button. */
    String fingerprint(YearMonth month, String scope) {
        return draft(month, scope).fingerprint();
    }

    List<PaperRepository.Version> versions(YearMonth month, String scope) {
        return store.versions(DASHBOARD, month, Objects.requireNonNullElse(scope, "").strip());
    }

    Optional<PaperRepository.Version> version(YearMonth month, String scope, Integer version) {
        return versions(month, scope).stream().filter(v -> version == null || v.version() == version).findFirst();
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

    /** What changed from the version before, indicator by indicator, in words; empty for a first version. */
    List<String> changes(YearMonth month, String scope, int version) {
        List<PaperRepository.Version> all = versions(month, scope);
        List<List<String>> changes = changes(all);
        for (int n = 0; n < all.size(); n++) {
            if (all.get(n).version() == version) {
                return changes.get(n);
            }
        }
        return List.of();
    }

    /** For each of a paper's versions, newest first, what changed from the one before: each version's figures read once. */
    List<List<String>> changes(List<PaperRepository.Version> newestFirst) {
        List<Map<String, JsonNode>> figures = newestFirst.stream().map(v -> byRef(store.data(v.id()).orElseThrow())).toList();
        List<List<String>> out = new ArrayList<>();
        for (int n = 0; n < newestFirst.size(); n++) {
            boolean follows = n + 1 < newestFirst.size() && newestFirst.get(n + 1).version() == newestFirst.get(n).version() - 1;
            out.add(follows ? changes(figures.get(n + 1), figures.get(n)) : List.of());
        }
        return out;
    }

    private static List<String> changes(Map<String, JsonNode> was, Map<String, JsonNode> is) {
        List<String> out = new ArrayList<>();
        is.forEach((ref, i) -> {
            JsonNode w = was.get(ref);
            if (w == null) {
                out.add(ref + " " + i.get("title").asString() + ": added");
                return;
            }
            List<String> what = new ArrayList<>();
            for (String field : List.of("value", "target", "rating")) {
                String a = text(w, field), b = text(i, field);
                if (!a.equals(b)) {
                    what.add(field.equals("value") ? "figure " + a + " → " + b : field + " " + a + " → " + b);
                }
            }
            if (!text(w, "title").equals(text(i, "title"))) {
                what.add("title was '" + text(w, "title") + "'");
            }
            if (!text(w, "commentary").equals(text(i, "commentary"))) {
                what.add("commentary rewritten");
            }
            if (!what.isEmpty()) {
                out.add(ref + " " + i.get("title").asString() + ": " + String.join("; ", what));
            }
        });
        was.keySet().stream().filter(ref -> !is.containsKey(ref)).forEach(ref -> out.add(ref + " " + was.get(ref).get("title").asString() + ": removed"));
        return out;
    }

    /** The figures a version shows, as kept with it for the list of changes. */
    private static List<Map<String, Object>> figures(DashboardPapers.Paper p) {
        DisplayFormat fmt = new DisplayFormat();
        List<Map<String, Object>> items = new ArrayList<>();
        for (DashboardPapers.Item i : p.indicators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ref", i.ref());
            m.put("title", i.title());
            m.put("value", shown(fmt, i.value(), i.unit(), i.decimals()));
            m.put("target", shown(fmt, i.target(), i.unit(), i.decimals()));
            m.put("rating", i.rag() == null ? "not rated" : DashboardDocument.word(i.rag()));
            m.put("commentary", i.commentary() == null ? "" : i.commentary());
            items.add(m);
        }
        return items;
    }

    private static String shown(DisplayFormat fmt, BigDecimal n, String unit, int decimals) {
        return n == null ? "none" : fmt.figure(n, unit, decimals);
    }

    private static Map<String, JsonNode> byRef(String json) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        JSON.readTree(json).forEach(n -> m.put(n.get("ref").asString(), n));
        return m;
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asString() : "none";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
