package org.oversight.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.oversight.shared.DecimalCell;

/**
 * A month's position by service line (Appendix 1), worked out: each directorate's lines under the divisions they are printed
 * in, each division's and directorate's sub total and the council's total added up from the lines; and where a directorate's
 * lines do not come to the budget book's figures for it (Table 1) by more than their rounding explains.
 */
record ServiceAnalysis(List<Directorate> directorates, ServiceLine total, List<Disagreement> disagreements, boolean variancesCompared) {

    /** A directorate whose lines' {@code column} does not come to its Table 1 figure: {@code text} says by how much. */
    record Disagreement(String directorate, String column, String text) {
    }

    /** A division's lines ({@code name} null for lines printed straight under their directorate) and their sub total. */
    record Division(String name, List<ServiceLine> lines, ServiceLine total) {
    }

    /** {@code table1}: the directorate's position in Table 1, the budget book's (its cash limit and variance), when the book has it. */
    record Directorate(String name, List<Division> divisions, ServiceLine total, Budget.Position table1) {
    }

    boolean empty() {
        return directorates.isEmpty();
    }

    /** The decimal places of £m the lines were written to (1 for £0.1m), at most 3 (£1,000, as Table 1 prints): they are printed so. */
    int decimals() {
        BigDecimal coarsest = directorates.stream().flatMap(d -> d.divisions().stream()).flatMap(v -> v.lines().stream()).map(ServiceLine::roundedTo)
                .filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        return Math.max(0, Math.min(3, 6 + coarsest.stripTrailingZeros().scale()));
    }

    static ServiceAnalysis of(List<ServiceLine> lines, Budget book, Function<BigDecimal, String> millions) {
        Map<String, Map<String, List<ServiceLine>>> byDirectorate = new LinkedHashMap<>();
        for (ServiceLine l : lines) {
            byDirectorate.computeIfAbsent(l.directorate(), k -> new LinkedHashMap<>()).computeIfAbsent(l.division() == null ? "" : l.division(),
                    k -> new ArrayList<>()).add(l);
        }
        List<Directorate> directorates = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        Map<String, Budget.Position> table1 = new LinkedHashMap<>();
        book.positions().forEach(p -> table1.put(p.heading().name(), p));
        byDirectorate.forEach((name, divisions) -> {
            List<Division> ds = divisions.entrySet().stream().map(e -> new Division(e.getKey().isEmpty() ? null : e.getKey(), e.getValue(),
                    total(e.getKey().isEmpty() ? "Sub Total, the other lines of " + name : "Sub Total " + e.getKey(), e.getValue()))).toList();
            List<ServiceLine> all = divisions.values().stream().flatMap(List::stream).toList();
            ServiceLine total = total("Total " + name, all);
            Budget.Position p = table1.get(name);
            directorates.add(new Directorate(name, ds, total, p));
            if (p != null) {
                disagree(disagreements, name, "Net", "budgets (net)", total.net(), p.cashLimit(), all.stream().map(ServiceLine::net).toList(), all, millions);
                disagree(disagreements, name, "Net forecast variance", "net forecast variances", total.variance(), p.variance(),
                        all.stream().map(ServiceLine::variance).toList(), all, millions);
            }
        });
        // A directorate of the headline total without lines: the lines' total is not the council's.
        if (!lines.isEmpty()) {
            book.positions().stream().filter(p -> !p.heading().outsideHeadline() && p.cashLimit() != null && !byDirectorate.containsKey(p.heading().name()))
                    .forEach(p -> disagreements.add(new Disagreement(p.heading().name(), "Net", p.heading().name() + " has no service lines: Table 1 gives it £"
                            + millions.apply(p.cashLimit()) + "m, which the lines' total is without")));
        }
        return new ServiceAnalysis(directorates, total("Total of the service lines", lines), disagreements,
                directorates.stream().anyMatch(d -> d.table1() != null && d.table1().variance() != null));
    }

    /** A total of lines; a figure none of them gives stays missing. */
    private static ServiceLine total(String name, List<ServiceLine> lines) {
        List<BigDecimal> sums = ServiceLine.FIGURES.values().stream().map(f -> lines.stream().map(f).reduce(null, RevenueLine::plus)).toList();
        return new ServiceLine(0, null, null, name, sums.get(0), sums.get(1), sums.get(2), sums.get(3), sums.get(4), null);
    }

    /**
     * The lines' sum against Table 1's figure, allowing half of the lines' rounding for each figure and for Table 1's. A figure written 0
     * counts for none: lines of noughts would otherwise widen the allowance until any figure passed.
     */
    private static void disagree(List<Disagreement> out, String directorate, String column, String what, BigDecimal lines, BigDecimal table1,
                                 List<BigDecimal> figures, List<ServiceLine> parts, Function<BigDecimal, String> millions) {
        if (lines == null || table1 == null) {
            return;
        }
        BigDecimal rounding = parts.stream().map(ServiceLine::roundedTo).filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        int counted = (int) figures.stream().filter(x -> x != null && x.signum() != 0).count();
        if (DecimalCell.beyondRounding(table1, lines, counted, rounding)) {
            out.add(new Disagreement(directorate, column, directorate + ": the service lines' " + what + " add up to £" + millions.apply(lines)
                    + "m, but Table 1 gives £" + millions.apply(table1) + "m — more than the rounding of " + (counted == 1 ? "one figure" : counted + " figures")
                    + " explains"));
        }
    }
}
