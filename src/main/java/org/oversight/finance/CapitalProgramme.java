package org.oversight.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A month's capital programme worked out (Table 3 of the papers): each directorate's working budget,
 * variance, its real and rephasing parts, the split last reported and the movement since — a
 * directorate being the sum of its schemes — and the schemes the headlines name, those whose real
 * or rephasing movement is over its threshold.
 */
final class CapitalProgramme {

    /** A scheme's or a directorate's line, every figure worked out for the page and the paper. */
    record Row(String directorate, String scheme, BigDecimal approvedCost, BigDecimal spent, BigDecimal budget, BigDecimal forecast, BigDecimal laterYears,
               BigDecimal variance, BigDecimal real, BigDecimal rephasing, BigDecimal lastReal, BigDecimal lastRephasing, BigDecimal realMovement,
               BigDecimal rephasingMovement, Boolean delayed, CapitalLine.Status status, List<CapitalLine.Funding> funding, String approval, boolean reported,
               String comment, Long id) {
    }

    /**
     * A directorate's line (the sum of its schemes), its schemes, what its programme line says (the paper's headlines, where schemes are
     * not itemised), and that line itself ({@code whole}), when the directorate gives one.
     */
    record Directorate(Row total, List<Row> schemes, String comment, Row whole) {
    }

    /** The default thresholds of the headlines: a real movement over £0.1m, a rephasing movement over £1m. */
    static final BigDecimal REAL_THRESHOLD = new BigDecimal(100_000), REPHASING_THRESHOLD = new BigDecimal(1_000_000);

    private final List<Directorate> directorates;
    private final Row total;
    private final List<String> missing;

    /** {@code previous}: the month before, when it is stored, whose split is this month's last reported where the month's lines do not give it. */
    CapitalProgramme(List<CapitalLine> lines, List<CapitalLine> previous, BigDecimal realThreshold, BigDecimal rephasingThreshold) {
        Map<String, CapitalLine> before = new HashMap<>();
        previous.forEach(p -> before.put(p.directorate() + "\u0000" + p.scheme(), p));
        Map<String, List<Row>> by = new LinkedHashMap<>();
        for (CapitalLine l : lines) {
            CapitalLine p = before.get(l.directorate() + "\u0000" + l.scheme());
            // The split last reported: as the file gives it, else the month before's as it stands.
            BigDecimal lastReal = l.lastReal() != null ? l.lastReal() : p == null ? null : p.real();
            BigDecimal lastRephasing = l.lastRephasing() != null ? l.lastRephasing() : p == null ? null : p.rephasing();
            BigDecimal realMove = RevenueLine.less(l.real(), lastReal), rephasingMove = RevenueLine.less(l.rephasing(), lastRephasing);
            BigDecimal spent = l.previousSpend() == null && l.spendToDate() == null ? null : RevenueLine.plus(l.previousSpend(), l.spendToDate());
            by.computeIfAbsent(l.directorate(), k -> new ArrayList<>()).add(new Row(l.directorate(), l.scheme(), l.approvedCost(), spent, l.budget(), l.forecast(),
                    l.laterYears(), l.yearVariance(), l.real(), l.rephasing(), lastReal, lastRephasing, realMove, rephasingMove, l.delayed(), l.status(),
                    l.funding(), l.approval(), l.scheme() != null && CapitalLine.reported(realMove, rephasingMove, realThreshold, rephasingThreshold), l.comment(), l.id()));
        }
        this.directorates = by.entrySet().stream().map(e -> {
            Row whole = e.getValue().stream().filter(r -> r.scheme() == null).findFirst().orElse(null);
            return new Directorate(sum(e.getKey(), e.getValue()), e.getValue().stream().filter(r -> r.scheme() != null).toList(),
                    whole == null ? null : whole.comment(), whole);
        }).toList();
        this.total = sum("Total", directorates.stream().map(Directorate::total).toList());
        this.missing = lines.isEmpty() ? List.of() : previous.stream().map(CapitalLine::directorate).distinct().filter(d -> !by.containsKey(d)).toList();
    }

    /** The directorates the month before reported and this month does not: the month's total is without them. */
    List<String> missing() {
        return missing;
    }

    /** The sum of the rows; a figure none of them has stays missing. */
    private static Row sum(String name, List<Row> rows) {
        return new Row(name, null, total(rows, Row::approvedCost), total(rows, Row::spent), total(rows, Row::budget), total(rows, Row::forecast),
                total(rows, Row::laterYears), total(rows, Row::variance), total(rows, Row::real), total(rows, Row::rephasing), total(rows, Row::lastReal),
                total(rows, Row::lastRephasing), total(rows, Row::realMovement), total(rows, Row::rephasingMovement), null, null, List.of(), null, false, null, null);
    }

    private static BigDecimal total(List<Row> rows, Function<Row, BigDecimal> f) {
        BigDecimal t = null;
        for (Row r : rows) {
            t = RevenueLine.plus(t, f.apply(r));
        }
        return t;
    }

    List<Directorate> directorates() {
        return directorates;
    }

    Row total() {
        return total;
    }

    boolean empty() {
        return directorates.isEmpty();
    }

    /** The schemes whose movement is over a threshold, largest movement first. */
    List<Row> headlines() {
        return directorates.stream().flatMap(d -> d.schemes().stream()).filter(Row::reported)
                .sorted(Comparator.comparing((Row r) -> RevenueLine.plus(abs(r.realMovement()), abs(r.rephasingMovement()))).reversed()).toList();
    }

    private static BigDecimal abs(BigDecimal x) {
        return x == null ? BigDecimal.ZERO : x.abs();
    }
}
