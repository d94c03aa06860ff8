package org.oversight.performance;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.shared.ConflictException;
import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.oversight.shared.SheetCsv;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loading a scorecard file into a month: first a preview of every change, then one transaction
 * that applies them all. Any bad row stops the whole file before anything is written.
 */
@Service
class ScorecardImport {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final Figures figures;
    private final ApplicationEventPublisher events;

    ScorecardImport(IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets, Figures figures,
                    ApplicationEventPublisher events) {
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.figures = figures;
        this.events = events;
    }

    enum Action { NEW, CHANGED, UNCHANGED }

    /** {@code before}, {@code after}: the figure's rating now and once loaded (NOT_RATED for an activity indicator or no figure). */
    record Change(int row, Indicator indicator, Action action, BigDecimal oldValue, BigDecimal newValue,
                  BigDecimal oldTarget, BigDecimal newTarget, boolean figureChanged, boolean targetChanged,
                  ObservationRepository.Edit edit, Observation stored, Rag before, Rag after) {

        /** What the preview saw of this row's figure and target: a commit goes ahead only if it is still so. */
        String seen() {
            return indicator.id() + ":" + (stored == null ? "-" : stored.version()) + ":" + (oldTarget == null ? "-" : oldTarget.stripTrailingZeros().toPlainString());
        }
    }

    record Preview(YearMonth month, List<Change> changes, List<String> warnings) {
        public long count(Action a) {
            return changes.stream().filter(c -> c.action() == a).count();
        }

        /** The state every row was previewed against, carried with the confirmation. */
        public String seen() {
            return String.join(";", changes.stream().map(Change::seen).toList());
        }
    }

    /** CSV or XLSX, told apart by the file's first bytes (an XLSX is a zip). */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    static ScorecardCsv.Scorecard parse(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new InputException("file", String.format("the file is %.1f MB and a scorecard can be at most 10 MB: "
                    + "split it, or remove columns Oversight does not read", content.length / 1048576.0));
        }
        if (content.length == 0) {
            throw new InputException(null, null, "the file is empty");
        }
        if (SheetCsv.xlsx(content)) {
            return ScorecardXlsx.read(new ByteArrayInputStream(content));
        }
        return ScorecardCsv.read(new StringReader(new String(content, StandardCharsets.UTF_8)));
    }

    Preview preview(YearMonth month, byte[] content) {
        ScorecardCsv.Scorecard card = parse(content);
        if (month.isAfter(YearMonth.now())) {
            throw new InputException("month", month + " has not happened yet: figures can be loaded up to the current month");
        }
        if (month.isBefore(Dates.FIRST_MONTH)) {
            throw new InputException("month", month + " is too early: Oversight keeps figures from " + Dates.FIRST_MONTH + " on");
        }
        // Three lookups for the whole file, whatever its length: indicators, the month's figures, their targets.
        Map<String, Indicator> byRef = indicators.findByRefs(card.rows().stream().map(ScorecardRow::ref).collect(Collectors.toSet()));
        List<Long> ids = byRef.values().stream().map(Indicator::id).toList();
        Map<Long, Observation> storedFigures = observations.findBetween(ids, month, month).stream()
                .collect(Collectors.toMap(Observation::indicatorId, o -> o));
        Map<Long, Targets> targetsOf = targets.forIndicators(ids);
        List<Change> changes = new ArrayList<>();
        int row = 1;
        for (ScorecardRow r : card.rows()) {
            row++;
            Indicator i = byRef.get(r.ref());
            if (i == null) {
                throw new InputException(row, "ref", "there is no indicator '" + r.ref() + "': add it to the catalogue first");
            }
            if (r.polarity() != null && i.polarity() != null && r.polarity() != i.polarity()) {
                throw new InputException(row, "polarity", "the file says " + r.polarity().words() + " but indicator " + i.ref()
                        + " is defined as " + i.polarity().words());
            }
            if (r.value() == null && (r.numerator() != null || r.denominator() != null) && (r.numerator() == null || r.denominator() == null)) {
                throw new InputException(row, r.numerator() == null ? "numerator" : "denominator", "give both the numerator and the denominator, or neither");
            }
            Observation stored = storedFigures.get(i.id());
            ObservationRepository.Edit edit;
            try {
                edit = Figures.complete(i, new ObservationRepository.Edit(i.id(), month, r.value(), r.numerator(), r.denominator(),
                        stored != null && stored.provisional(), stored == null ? null : stored.commentary(), r.publishedRag(),
                        stored == null ? null : stored.version()));
            } catch (InputException e) {
                throw new InputException(row, e.field(), e.problem());
            }
            Targets.Standard now = i.standard(targetsOf.getOrDefault(i.id(), Targets.NONE), month);
            Targets.Standard loaded = i.kind() == Indicator.Kind.KPI ? new Targets.Standard(r.target() != null ? r.target() : now.target(),
                    r.floor() != null ? r.floor() : now.floor(), r.tolerance() != null ? r.tolerance() : now.tolerance(), now.phased()) : now;
            BigDecimal oldTarget = targetsOf.getOrDefault(i.id(), Targets.NONE).forMonth(month).target();
            boolean figureChanged = stored == null || !same(stored.value(), edit.value()) || !same(stored.numerator(), edit.numerator())
                    || !same(stored.denominator(), edit.denominator()) || (r.publishedRag() != null && r.publishedRag() != stored.publishedRag());
            boolean targetChanged = r.target() != null && (oldTarget == null || r.target().compareTo(oldTarget) != 0);
            Action action = stored == null ? Action.NEW : figureChanged || targetChanged ? Action.CHANGED : Action.UNCHANGED;
            Change c = new Change(row, i, action, stored == null ? null : stored.value(), edit.value(), oldTarget, r.target(),
                    figureChanged, targetChanged, edit, stored, i.rate(stored == null ? null : stored.value(), now).rag(), i.rate(edit.value(), loaded).rag());
            changes.add(c);
        }
        return new Preview(month, changes, card.warnings());
    }

    /**
     * Applies a file in one transaction. With {@code seen} (from the preview the user confirmed),
     * only if every figure and target is still as the preview found it: otherwise it names what
     * changed since, and stores nothing. Without it (one API call), preview and commit are one.
     */
    @Transactional
    Preview commit(YearMonth month, byte[] content, String fileName, String seen) {
        Preview p = preview(month, content);
        if (seen != null && !seen.equals(p.seen())) {
            throw new ConflictException(changedSince(p, seen) + " Nothing was loaded: upload the file again to see what it would change now.");
        }
        Map<Long, Targets.Phase> newTargets = new LinkedHashMap<>();
        Map<Indicator, ObservationRepository.Edit> newFigures = new LinkedHashMap<>();
        for (Change c : p.changes()) {
            if (c.targetChanged()) {
                newTargets.put(c.indicator().id(), new Targets.Phase(month, month, c.newTarget(), null));
            }
            if (c.figureChanged()) {
                newFigures.put(c.indicator(), c.edit());
            }
        }
        targets.savePhases(newTargets);
        figures.applyAll(newFigures);
        List<Change> changed = p.changes().stream().filter(c -> c.action() != Action.UNCHANGED).toList();
        events.publishEvent(new ScorecardLoaded(month, fileName == null ? "" : fileName, content.length, DigestUtils.sha256Hex(content),
                p.count(Action.NEW), p.count(Action.CHANGED), p.count(Action.UNCHANGED),
                changed.stream().filter(Change::figureChanged)
                        .map(c -> new ScorecardLoaded.Change(c.indicator().ref(), String.valueOf(c.oldValue()), String.valueOf(c.newValue()))).toList(),
                changed.stream().filter(Change::targetChanged)
                        .map(c -> new ScorecardLoaded.Change(c.indicator().ref(), String.valueOf(c.oldTarget()), String.valueOf(c.newTarget()))).toList()));
        return p;
    }

    /** What differs between the state a preview saw and the state now, row by row. */
    private String changedSince(Preview now, String seen) {
        Map<String, String> before = new HashMap<>();
        for (String s : seen.split(";")) {
            int colon = s.indexOf(':');
            if (colon > 0) {
                before.put(s.substring(0, colon), s);
            }
        }
        List<String> what = new ArrayList<>();
        for (Change c : now.changes()) {
            String was = before.get(String.valueOf(c.indicator().id()));
            if (was == null || was.equals(c.seen())) {
                continue;
            }
            String[] parts = was.split(":", 3);
            if (!parts[1].equals(c.stored() == null ? "-" : String.valueOf(c.stored().version()))) {
                what.add(c.stored() == null ? "the figure for " + c.indicator().ref() + " was removed"
                        : "the figure for " + c.indicator().ref() + " was saved by " + c.stored().enteredBy() + " as "
                        + (c.stored().value() == null ? "no figure" : c.stored().value().toPlainString()));
            }
            String target = c.oldTarget() == null ? "-" : c.oldTarget().stripTrailingZeros().toPlainString();
            if (parts.length > 2 && !parts[2].equals(target)) {
                what.add("the target of " + c.indicator().ref() + " was changed from " + ("-".equals(parts[2]) ? "none" : parts[2]) + " to "
                        + ("-".equals(target) ? "none" : target));
            }
        }
        return what.isEmpty() ? "The file or the figures changed after your preview."
                : "Since your preview, " + String.join("; ", what) + ".";
    }


    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a == null ? null : a.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros());
    }

}
