package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The stored budget book for a month, worked out: each heading's cash limit, forecast variance,
 * adjustment, revised variance, last reported position and movement — a heading with lines under it
 * being the sum of them, so no total is ever typed.
 */
final class Budget {

    /** {@code outsideHeadline}: a directorate the council reports outside its headline total (schools' delegated budgets). */
    record Heading(long id, Long parentId, String name, int position, boolean outsideHeadline) {
    }

    /** What a month's file or form gave for a heading; blanks are null. */
    record Figures(BigDecimal cashGross, BigDecimal cashIncome, BigDecimal cashNet, BigDecimal varianceNet, BigDecimal adjustment,
                   BigDecimal lastReported, String comment, BigDecimal managementAction) {
    }

    /**
     * A heading's position, worked out (made by {@link #of}); {@code lines} are those under it, in the book's order;
     * {@code afterAction} the revised variance once the management action assumed is taken.
     */
    record Position(Heading heading, BigDecimal cashLimit, BigDecimal variance, BigDecimal adjustment, BigDecimal revised, BigDecimal lastReported,
                    BigDecimal movement, BigDecimal managementAction, BigDecimal afterAction, List<Position> lines, String comment,
                    BigDecimal ownAdjustment, BigDecimal ownAction, BigDecimal cashGross, BigDecimal cashIncome) {

        /** Revised = variance + adjustment (none is 0); movement = revised − last reported (none when either is missing); after action = revised + action. */
        static Position of(Heading heading, BigDecimal cashLimit, BigDecimal variance, BigDecimal adjustment, BigDecimal lastReported, BigDecimal action,
                           List<Position> lines, String comment, BigDecimal ownAdjustment, BigDecimal ownAction, BigDecimal cashGross, BigDecimal cashIncome) {
            BigDecimal revised = RevenueLine.revised(variance, adjustment);
            return new Position(heading, cashLimit, variance, adjustment, revised, lastReported, RevenueLine.movement(revised, lastReported), action,
                    RevenueLine.plus(revised, action), lines, comment, ownAdjustment, ownAction, cashGross, cashIncome);
        }
    }

    /**
     * What a heading with lines has of its own, as a row beside them so that they and it add up to the heading: the Corporate
     * Director's adjustment and the management action made to it as a whole, and the part of its position last reported that
     * is not its lines'. None when it has nothing of its own.
     */
    static Position own(Position p) {
        BigDecimal linesLast = sum(p.lines(), Position::lastReported);
        BigDecimal last = p.lastReported() == null || linesLast == null ? null : p.lastReported().subtract(linesLast);
        if (p.lines().isEmpty() || p.ownAdjustment() == null && p.ownAction() == null && (last == null || last.signum() == 0)) {
            return null;
        }
        BigDecimal revised = p.ownAdjustment() == null ? BigDecimal.ZERO : p.ownAdjustment();
        return new Position(new Heading(p.heading().id(), p.heading().id(), p.heading().name() + " as a whole", 0, false), null, null, p.ownAdjustment(), revised,
                last, RevenueLine.movement(revised, last), p.ownAction(), RevenueLine.plus(revised, p.ownAction()), List.of(), null, null, null, null, null);
    }

    private final YearMonth month;
    private final List<Heading> headings;
    private final Map<Long, Figures> figures;
    private final Map<Long, BigDecimal> lastRevised;
    private final List<Position> positions;

    /**
     * {@code figures}: the month's figures by heading (a group's own are its adjustment and, in the first
     * month loaded, the position last reported); {@code previous}: the month before, when it is stored,
     * whose revised variances are this month's last reported positions.
     */
    Budget(YearMonth month, List<Heading> headings, Map<Long, Figures> figures, Budget previous) {
        this.month = month;
        this.headings = headings;
        this.figures = figures;
        this.lastRevised = new HashMap<>();
        if (previous != null) {
            collect(previous.positions(), lastRevised);
        }
        // Worked out once: a page reads the book several times (its rows, its total, its variance lists).
        this.positions = tree(true);
    }

    /** Each heading's revised variance, lines and all. */
    static void collect(List<Position> positions, Map<Long, BigDecimal> out) {
        for (Position p : positions) {
            if (p.revised() != null) {
                out.put(p.heading().id(), p.revised());
            }
            collect(p.lines(), out);
        }
    }

    YearMonth month() {
        return month;
    }

    boolean empty() {
        return figures.isEmpty();
    }

    /** The top of the book (directorates) of the month's year, each with everything under it. */
    List<Position> positions() {
        return positions;
    }

    /** Any heading, in the month's year's book or not (a link may come from another month), with its lines of that year. */
    Optional<Position> find(long id) {
        return find(tree(false), id);
    }

    private static Optional<Position> find(List<Position> positions, long id) {
        for (Position p : positions) {
            if (p.heading().id() == id) {
                return Optional.of(p);
            }
            var inside = find(p.lines(), id);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    private List<Position> tree(boolean inYearOnly) {
        Map<Long, List<Heading>> children = new HashMap<>();
        List<Heading> top = new ArrayList<>();
        for (Heading h : headings) {
            (h.parentId() == null ? top : children.computeIfAbsent(h.parentId(), k -> new ArrayList<>())).add(h);
        }
        return top.stream().sorted(Comparator.comparingInt(Heading::position)).map(h -> position(h, children)).filter(p -> !inYearOnly || inYear(p)).toList();
    }

    /** A heading with nothing for the month or its year (a heading of another year's book) is not shown. */
    private static boolean inYear(Position p) {
        return p.cashLimit() != null || p.variance() != null || p.adjustment() != null || p.lastReported() != null || p.managementAction() != null;
    }

    private Position position(Heading h, Map<Long, List<Heading>> children) {
        List<Position> lines = children.getOrDefault(h.id(), List.of()).stream().sorted(Comparator.comparingInt(Heading::position))
                .map(c -> position(c, children)).filter(Budget::inYear).toList();
        Figures f = figures.get(h.id());
        BigDecimal own = f == null ? null : f.adjustment();
        BigDecimal cash = lines.isEmpty() ? (f == null ? null : f.cashNet()) : sum(lines, Position::cashLimit);
        BigDecimal variance = lines.isEmpty() ? (f == null ? null : f.varianceNet()) : sum(lines, Position::variance);
        // A Corporate Director's adjustment may be made at any level: a heading's own adds to its lines'.
        BigDecimal adjustment = RevenueLine.plus(own, lines.isEmpty() ? null : sum(lines, Position::adjustment));
        // What was last reported: as kept on the month (the file's, or the month before's as the month began), else the month before's as it stands.
        BigDecimal last = f != null && f.lastReported() != null ? f.lastReported() : !lastRevised.isEmpty() ? lastRevised.get(h.id())
                : lines.isEmpty() ? null : lastReported(lines);
        // Management action, like an adjustment, may be assumed at any level.
        BigDecimal action = RevenueLine.plus(f == null ? null : f.managementAction(), lines.isEmpty() ? null : sum(lines, Position::managementAction));
        BigDecimal gross = lines.isEmpty() ? (f == null ? null : f.cashGross()) : sum(lines, Position::cashGross);
        BigDecimal income = lines.isEmpty() ? (f == null ? null : f.cashIncome()) : sum(lines, Position::cashIncome);
        return Position.of(h, cash, variance, adjustment, last, action, lines, f == null ? null : f.comment(), lines.isEmpty() ? null : own,
                lines.isEmpty() || f == null ? null : f.managementAction(), gross, income);
    }

    /**
     * What the lines last reported, added up: nothing when a line with a forecast variance now reported nothing last time (a
     * total of part of them would give a movement its lines do not have); an adjustment's line of its own needs none.
     */
    static BigDecimal lastReported(List<Position> lines) {
        return lines.stream().anyMatch(p -> p.variance() != null && p.lastReported() == null) ? null : sum(lines, Position::lastReported);
    }

    /** Whether a heading is in the month's year's book (it has a cash limit or figures in the year). */
    boolean inBook(long id) {
        return find(positions, id).isPresent();
    }

    /** The sum of what is there; nothing when nothing is. */
    static BigDecimal sum(List<Position> lines, Function<Position, BigDecimal> figure) {
        BigDecimal total = null;
        for (Position p : lines) {
            total = RevenueLine.plus(total, figure.apply(p));
        }
        return total;
    }

    private final Map<String, List<Position>> variances = new ConcurrentHashMap<>();

    /**
     * Service lines whose revised variance is at least {@code threshold} in size, pressures ({@code sign} 1) or underspends (−1),
     * largest first; the lists at the default threshold worked out once (a threshold typed is worked out each time, so none fills the memory).
     */
    List<Position> variances(BigDecimal threshold, int sign) {
        if (threshold.compareTo(Budgets.THRESHOLD) == 0) {
            return variances.computeIfAbsent(Integer.toString(sign), k -> list(threshold, sign));
        }
        return list(threshold, sign);
    }

    private List<Position> list(BigDecimal threshold, int sign) {
        return leaves(positions).stream().filter(p -> p.revised() != null && p.revised().signum() == sign && p.revised().abs().compareTo(threshold) >= 0)
                .sorted(Comparator.comparing((Position p) -> p.revised().abs()).reversed()).toList();
    }

    /** Every line with no lines under it (service lines), depth first in the book's order. */
    static List<Position> leaves(List<Position> positions) {
        List<Position> out = new ArrayList<>();
        for (Position p : positions) {
            if (p.lines().isEmpty()) {
                out.add(p);
            } else {
                out.addAll(leaves(p.lines()));
            }
        }
        return out;
    }
}
