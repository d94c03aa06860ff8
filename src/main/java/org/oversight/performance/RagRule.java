package org.oversight.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rating engine, exactly as the scorecard spec defines it. Equal to the target is GREEN,
 * equal to the floor is AMBER; without a floor nothing can be RED.
 */
public final class RagRule {

    private RagRule() {
    }

    public record Rating(Rag rag, String reason) {
    }

    /** The rating alone: the hot path of the benchmark, no text built. */
    public static Rag rag(Polarity polarity, BigDecimal value, BigDecimal target, BigDecimal floor, BigDecimal tolerance) {
        if (polarity == null || value == null || target == null) {
            return Rag.NOT_RATED;
        }
        return switch (polarity) {
            case HIGHER -> value.compareTo(target) >= 0 ? Rag.GREEN
                    : floor != null && value.compareTo(floor) < 0 ? Rag.RED : Rag.AMBER;
            case LOWER -> value.compareTo(target) <= 0 ? Rag.GREEN
                    : floor != null && value.compareTo(floor) > 0 ? Rag.RED : Rag.AMBER;
            case TARGET -> {
                BigDecimal distance = value.subtract(target).abs();
                yield distance.compareTo(tolerance == null ? BigDecimal.ZERO : tolerance) <= 0 ? Rag.GREEN
                        : floor != null && distance.compareTo(floor.subtract(target).abs()) > 0 ? Rag.RED : Rag.AMBER;
            }
        };
    }

    /** The rating with its reason in words, the figures as written; {@code unit} '%' is shown on them. */
    public static Rating rate(Polarity polarity, BigDecimal value, BigDecimal target, BigDecimal floor,
                              BigDecimal tolerance, String unit) {
        return rate(polarity, value, target, floor, tolerance, unit, null);
    }

    /** As above, the reason's figures written to at least {@code decimals} places, as the indicator's tables show them. */
    public static Rating rate(Polarity polarity, BigDecimal value, BigDecimal target, BigDecimal floor,
                              BigDecimal tolerance, String unit, Integer decimals) {
        Rag rag = rag(polarity, value, target, floor, tolerance);
        return new Rating(rag, reason(rag, polarity, value, target, floor, tolerance, unit, decimals));
    }

    private static String reason(Rag rag, Polarity p, BigDecimal value, BigDecimal target, BigDecimal floor,
                                 BigDecimal tolerance, String unit, Integer decimals) {
        if (p == null) {
            return "a contextual indicator (no polarity), never rated";
        }
        if (value == null) {
            return "no figure for the period";
        }
        String v = show(value, unit, decimals);
        if (target == null) {
            return v + " has no target to be rated against";
        }
        String t = show(target, unit, decimals);
        String f = floor == null ? null : show(floor, unit, decimals);
        String why = p.words();
        return switch (p) {
            case HIGHER -> switch (rag) {
                case GREEN -> v + (value.compareTo(target) == 0 ? " equals" : " is above") + " the target " + t + " (" + why + ")";
                case RED -> v + " is below the floor " + f + " (target " + t + ", " + why + ")";
                default -> v + " is below the target " + t + (f == null ? " and no floor is set" : " but not below the floor " + f) + " (" + why + ")";
            };
            case LOWER -> switch (rag) {
                case GREEN -> v + (value.compareTo(target) == 0 ? " equals" : " is below") + " the target " + t + " (" + why + ")";
                case RED -> v + " is above the floor " + f + " (target " + t + ", " + why + ")";
                default -> v + " is above the target " + t + (f == null ? " and no floor is set" : " but not above the floor " + f) + " (" + why + ")";
            };
            case TARGET -> {
                String tol = show(tolerance == null ? BigDecimal.ZERO : tolerance, unit, decimals);
                yield switch (rag) {
                    case GREEN -> v + " is within " + tol + " of the target " + t + " (" + why + ")";
                    case RED -> v + " is further from the target " + t + " than the floor " + f + " (" + why + ")";
                    default -> v + " is more than " + tol + " from the target " + t
                            + (f == null ? " and no floor is set" : " but no further than the floor " + f) + " (" + why + ")";
                };
            }
        };
    }

    /**
     * A figure as the tables show it: thousands separated (1,187.5), '%' for a percentage, to
     * {@code decimals} places (75.0%, and 77% for 77.0) but never rounded away, so a reason cannot
     * read '75.0 is below 75.0': a figure with more places than that keeps them.
     */
    static String show(BigDecimal n, String unit, Integer decimals) {
        if (decimals != null && decimals >= 0 && n.setScale(decimals, RoundingMode.HALF_UP).compareTo(n) == 0) {
            n = n.setScale(decimals, RoundingMode.HALF_UP);
        }
        String plain = n.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        if (end - start > 3) {
            StringBuilder grouped = new StringBuilder(plain.length() + 4).append(plain, 0, start);
            for (int i = start; i < end; i++) {
                if (i > start && (end - i) % 3 == 0) {
                    grouped.append(',');
                }
                grouped.append(plain.charAt(i));
            }
            plain = grouped.append(plain, end, plain.length()).toString();
        }
        return "%".equals(unit) ? plain + "%" : plain;
    }

    /**
     * Direction of travel from {@code earlier} to {@code latest}; null when either is missing,
     * the indicator has no polarity, or (for TARGET) there is no target to be closer to.
     */
    public static Direction direction(Polarity polarity, BigDecimal latest, BigDecimal earlier, BigDecimal target) {
        if (polarity == null || latest == null || earlier == null) {
            return null;
        }
        int better = switch (polarity) {
            case HIGHER -> latest.compareTo(earlier);
            case LOWER -> earlier.compareTo(latest);
            case TARGET -> target == null ? Integer.MIN_VALUE
                    : earlier.subtract(target).abs().compareTo(latest.subtract(target).abs());
        };
        if (better == Integer.MIN_VALUE) {
            return null;
        }
        return better > 0 ? Direction.IMPROVED : better == 0 ? Direction.SAME : Direction.WORSENED;
    }
}
