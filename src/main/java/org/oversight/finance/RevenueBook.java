package org.oversight.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The revenue lines of one monitoring report and the checks a finance officer makes of them: each
 * net is gross + income (to one unit in its last written digit), a group's line is the sum of the
 * lines that roll up to it, a "Total" line is the sum of the lines above it that it closes; and the
 * variance lists — pressures and underspends at or over a threshold, largest first. A group's line
 * and a total line carry totals only: a Corporate Director's adjustment is a line of its own.
 */
record RevenueBook(List<RevenueLine> lines) {

    /** A written figure that does not follow from the others. */
    record Inconsistency(int row, String heading, String column, BigDecimal written, BigDecimal computed) {
    }

    /** A line of a variance list: its revised variance. */
    record Variance(String heading, BigDecimal amount) {
    }

    /** The figures a total adds up, by their CSV column. */
    static final Map<String, Function<RevenueLine, BigDecimal>> FIGURES = figures();

    private static Map<String, Function<RevenueLine, BigDecimal>> figures() {
        Map<String, Function<RevenueLine, BigDecimal>> m = new LinkedHashMap<>();
        m.put("cash_limit_gross", RevenueLine::cashLimitGross);
        m.put("cash_limit_income", RevenueLine::cashLimitIncome);
        m.put("cash_limit_net", RevenueLine::cashLimitNet);
        m.put("variance_gross", RevenueLine::varianceGross);
        m.put("variance_income", RevenueLine::varianceIncome);
        m.put("variance_net", RevenueLine::varianceNet);
        m.put("adjustment", RevenueLine::adjustment);
        m.put("last_reported", RevenueLine::lastReported);
        return m;
    }

    List<Inconsistency> inconsistencies() {
        List<Inconsistency> out = new ArrayList<>();
        Set<String> groups = lines.stream().map(RevenueLine::group).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        Set<String> given = lines.stream().filter(l -> !l.total()).map(RevenueLine::heading).collect(Collectors.toSet());
        for (int i = 0; i < lines.size(); i++) {
            RevenueLine l = lines.get(i);
            check(out, l, "cash_limit_net", l.cashLimitNet(), l.cashLimitGross() == null || l.cashLimitIncome() == null ? null
                    : l.cashLimitGross().add(l.cashLimitIncome()));
            check(out, l, "variance_net", l.varianceNet(), l.varianceGross() == null || l.varianceIncome() == null ? null
                    : l.varianceGross().add(l.varianceIncome()));
            List<RevenueLine> parts = null;
            if (l.total()) {
                parts = closedBy(i, groups, given);
            } else if (groups.contains(l.heading())) {
                parts = lines.stream().filter(x -> x.group().equals(l.heading()) && !x.total()).toList();
            }
            if (parts != null) {
                for (Map.Entry<String, Function<RevenueLine, BigDecimal>> f : FIGURES.entrySet()) {
                    List<BigDecimal> written = parts.stream().map(f.getValue()).filter(x -> x != null).toList();
                    // A blank adjustment is none; another blank figure is unknown, and a total of unknowns is not checked. A total with
                    // no line above it adds up nothing, so any figure it writes is checked against 0.
                    if (!written.isEmpty() || parts.isEmpty() || f.getKey().equals("adjustment")) {
                        check(out, l, f.getKey(), f.getValue().apply(l), written.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The lines above total {@code i} that it adds up: those of the group its name gives ("Total Adults", however cased), else of its
     * own group. The top of the book (a blank group) holds its lines and those of every group not given as a line of its own, as the
     * import makes such a group a heading of the top level: a grand total is checked against every line of the file, each group once.
     */
    private List<RevenueLine> closedBy(int i, Set<String> groups, Set<String> given) {
        RevenueLine t = lines.get(i);
        String named = t.heading().substring("total".length()).strip();
        String scope = groups.stream().filter(g -> g.equalsIgnoreCase(named)).findFirst().orElse(t.group());
        return lines.subList(0, i).stream().filter(x -> !x.total() && (x.group().equals(scope) || scope.isEmpty() && !given.contains(x.group()))).toList();
    }

    /** Written and computed differ by more than one unit in the written figure's last digit (its rounding). */
    private static void check(List<Inconsistency> out, RevenueLine l, String column, BigDecimal written, BigDecimal computed) {
        if (differs(written, computed)) {
            out.add(new Inconsistency(l.row(), l.heading(), column, written, computed));
        }
    }

    /** The rule for every written figure that others add up to (nets, totals, a capital variance): beyond one unit in its last written digit. */
    static boolean differs(BigDecimal written, BigDecimal computed) {
        return written != null && computed != null
                && written.subtract(computed).abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(-Math.max(written.scale(), 0))) > 0;
    }

    /** Lines whose revised variance is a pressure of at least {@code threshold}, largest first; totals and group lines left out. */
    List<Variance> pressures(BigDecimal threshold) {
        return list(threshold, 1);
    }

    /** Lines whose revised variance is an underspend of at least {@code threshold} in size, largest first. */
    List<Variance> underspends(BigDecimal threshold) {
        return list(threshold, -1);
    }

    private List<Variance> list(BigDecimal threshold, int sign) {
        Set<String> groups = lines.stream().map(RevenueLine::group).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        return lines.stream().filter(l -> !l.total() && !groups.contains(l.heading()) && l.revised() != null && l.revised().signum() == sign
                        && l.revised().abs().compareTo(threshold) >= 0)
                .map(l -> new Variance(l.heading(), l.revised())).sorted(Comparator.comparing((Variance v) -> v.amount().abs()).reversed()).toList();
    }
}
