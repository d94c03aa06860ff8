package org.oversight.publishing;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.oversight.performance.DashboardPapers;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.oversight.structure.Unit;
import org.oversight.structure.Units;
import org.springframework.stereotype.Service;

/**
 * Publishing a month's dashboard is publishing the month's dashboard paper, for the whole council
 * or one directorate: the dashboard's Publish button and the API are that one act, with the
 * paper's checks, each finding accepted with a reason, and the month frozen in the paper's
 * transaction. Not itself transactional: a refusal is explained from what was stored after the
 * paper's transaction rolled back (who published the month instead, and when).
 */
@Service
class DashboardPublication {

    private static final ZoneId COUNCIL = ZoneId.of("Europe/London");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.UK);

    private final Papers papers;
    private final DashboardPapers dashboards;

    private final Units units;

    DashboardPublication(Papers papers, DashboardPapers dashboards, Units units) {
        this.units = units;
        this.papers = papers;
        this.dashboards = dashboards;
    }

    /** A finding not accepted with a reason, as the API names it: {@code finding} is the key to send back with one. */
    record Unaccepted(String finding, String ref, String kind, String message) {
    }

    /** Refused because findings of the checks are not accepted with a reason: each named; nothing was stored. */
    static class NotAccepted extends InputException {

        private final List<Unaccepted> findings;
        private final List<String> keys;

        /** {@code keys}: every finding's key, in the order the publish form lists them. */
        NotAccepted(List<Unaccepted> findings, List<String> keys) {
            super("accept", "the checks found " + keys.size() + (keys.size() == 1 ? " thing" : " things") + " to look at, and " + findings.size()
                    + (findings.size() == 1 ? " is" : " are") + " not accepted with a reason ("
                    + String.join("; ", findings.stream().map(f -> f.ref() + ", " + f.kind()).toList())
                    + "): nothing was published. Correct the figures or commentary, or accept each finding with the reason the dashboard may go out with it");
            this.findings = List.copyOf(findings);
            this.keys = List.copyOf(keys);
        }

        List<Unaccepted> findings() {
            return findings;
        }

        /** Each finding at its own box on the publish form (accept-2, the form's third), so the error summary links to it. */
        @Override
        public List<InputException> each() {
            return findings.stream().map(f -> {
                int n = keys.indexOf(f.finding());
                return new InputException(n < 0 ? "accept" : "accept-" + n, "Accept " + f.ref() + ", " + f.kind() + " with a reason, or correct it: " + f.message());
            }).toList();
        }
    }

    /** The scope a dashboard is published for: the whole council ('') or a directorate as the indicators name it. */
    String scope(String directorate) {
        if (directorate == null || directorate.isBlank()) {
            return "";
        }
        // Any name the structure knows the directorate by (ASCH, "Adult Social Care & Health") is that directorate.
        String typed = units.named(directorate).map(Unit::name).orElse(directorate.strip());
        return dashboards.directorates().stream().filter(d -> d.equalsIgnoreCase(typed)).findFirst()
                .orElseThrow(() -> new InputException("directorate", "there is no directorate '" + (typed.length() > 100 ? typed.substring(0, 100) + "…" : typed)
                        + "' among the indicators: a dashboard is published for the whole council or one of " + String.join(", ", dashboards.directorates())));
    }

    /** The month's dashboard paper as it would go out now: what the confirm page shows and the publisher accepts. */
    Papers.Draft draft(YearMonth month, String scope) {
        return papers.draft(Papers.DASHBOARD, month, scope);
    }

    /** Whether the version shows the dashboard as it stands: publishing again would have nothing new to say. */
    boolean shows(PaperRepository.Version v, Papers.Draft draft) {
        return papers.shows(v, draft);
    }

    /** The paper's latest version for the month and scope, if it was published. */
    Optional<PaperRepository.Version> latest(YearMonth month, String scope) {
        return papers.version(Papers.DASHBOARD, month, scope, null);
    }

    /**
     * Publishes the month's dashboard paper, freezing the month: {@code accepted} takes each finding's
     * key to its own reason (blank for {@code why}), as the paper's publish form does. Refused, naming
     * the findings, while any is not accepted with a reason; refused, naming who published the month
     * and when, when someone else published it meanwhile or it is published as it stands.
     */
    PaperRepository.Version publish(YearMonth month, String directorate, String user, Map<String, String> accepted, String why, String seen) {
        String scope = scope(directorate);
        Optional<PaperRepository.Version> before = latest(month, scope);
        Papers.Draft draft = draft(month, scope);
        Set<String> keys = draft.findings().stream().map(Papers::key).collect(Collectors.toSet());
        List<String> unknown = accepted == null ? List.of() : accepted.keySet().stream().filter(k -> !keys.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new InputException("accept", "no finding of the paper's checks has the key " + String.join(", ", unknown.stream().limit(5).toList())
                    + (unknown.size() > 5 ? " …" : "") + ": accept the findings the checks list now (a dry run lists them); nothing was published");
        }
        if (before.isPresent() && papers.shows(before.get(), draft)) {
            throw new ConflictException(publishedBy(month, scope, before.get()) + ", and nothing it shows has changed since: there is nothing new to publish.");
        }
        try {
            return papers.publish(Papers.DASHBOARD, month, scope, user, accepted, why, seen);
        } catch (InputException | ConflictException e) {
            // The one who lost a race is told who won: whatever else went wrong, their publication is not the month's.
            Optional<PaperRepository.Version> now = latest(month, scope);
            if (now.isPresent() && (before.isEmpty() || now.get().version() > before.get().version())) {
                throw new ConflictException(publishedBy(month, scope, now.get()) + " while you were publishing it: nothing of yours was stored. "
                        + "Read what went out; publish again only if something has changed since.");
            }
            if (e instanceof InputException input && "accept".equals(input.field())) {
                List<Unaccepted> missing = unaccepted(draft, accepted, why);
                if (!missing.isEmpty()) {
                    throw new NotAccepted(missing, draft.findings().stream().map(Papers::key).toList());
                }
            }
            throw e;
        }
    }

    /** The findings that would stop the paper: neither accepted with their own reason nor covered by the reason for all. */
    static List<Unaccepted> unaccepted(Papers.Draft draft, Map<String, String> accepted, String why) {
        boolean general = Text.orNull(why) != null;
        return draft.findings().stream().filter(f -> !f.kind().blocks()).filter(f -> {
            if (accepted == null) {
                return !general;
            }
            String own = accepted.get(Papers.key(f));
            return !accepted.containsKey(Papers.key(f)) || Text.orNull(own) == null && !general;
        }).map(f -> new Unaccepted(Papers.key(f), f.ref(), words(f.kind().name()), f.message())).toList();
    }

    private static String words(String code) {
        String w = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** "The January 2019 dashboard for Adult Social Care and Health was published by jo.bloggs at 10:42 on 12 March 2026". */
    static String publishedBy(YearMonth month, String scope, PaperRepository.Version v) {
        return "The " + DisplayFormat.monthName(month) + " dashboard" + (scope.isEmpty() ? " for the whole council" : " for " + scope)
                + " was published by " + v.publishedBy() + " at " + AT.format(v.publishedAt().atZoneSameInstant(COUNCIL))
                + (v.version() > 1 ? " (version " + v.version() + " of its paper)" : "");
    }
}
