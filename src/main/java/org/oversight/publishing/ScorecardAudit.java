package org.oversight.publishing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.performance.DashboardPapers;
import org.oversight.performance.Direction;
import org.oversight.performance.Polarity;
import org.oversight.performance.RagRule;
import org.oversight.performance.ScorecardCsv;
import org.oversight.performance.ScorecardRow;
import org.oversight.shared.CsvTable;
import org.oversight.platform.DisplayFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oversight audit FILE.csv} (docs/formats/audit.md): a scorecard checked before anyone
 * reads it, for ratings and directions that contradict their figures, rates that disagree with
 * their counts, floors beyond targets, repeated references, commentary that says the opposite of
 * the table, and units that slipped. Stores nothing.
 */
public final class ScorecardAudit {

    /**
     * The spec's eight kinds, then those only a whole paper can show: a summary count that disagrees
     * with its rows, a total that is not the sum of its parts, dates out of order, a review date
     * passed on a current risk, a number in the text that is not in the data, a figure older than
     * the period the paper reports, a register reported as at a month long past (it shows the
     * register as it stands), and a Red indicator with no exception report (which blocks
     * publication: no reason lets it out).
     */
    public enum Kind {
        RATING_CONTRADICTS_FIGURES, DIRECTION_CONTRADICTS_FIGURES, RATE_DISAGREES, FLOOR_BEYOND_TARGET, DUPLICATE_REF,
        COMMENTARY_DIRECTION, COMMENTARY_TARGET, UNIT_SLIP,
        SUMMARY_COUNT_DISAGREES, TOTAL_NOT_SUM, DATES_OUT_OF_ORDER, REVIEW_DATE_PASSED, NUMBER_NOT_IN_DATA, FIGURE_NOT_OF_PERIOD,
        REGISTER_NOT_AS_AT_PERIOD, EXCEPTION_MISSING;

        public boolean blocks() {
            return this == EXCEPTION_MISSING;
        }
    }

    public record Finding(Kind kind, String ref, String column, String message) {
    }

    /** A scorecard row with what the audit reads besides: the value as written, the commentary, the published direction. */
    record Line(ScorecardRow card, String valueText, String commentary, Direction publishedDot) {
    }

    private static final Set<String> COLUMNS;

    static {
        Set<String> columns = new LinkedHashSet<>(ScorecardCsv.COLUMNS);
        columns.add("commentary");
        columns.add("published_dot");
        COLUMNS = Set.copyOf(columns);
    }

    private static final Pattern PER = Pattern.compile("per\\s*(100,?000|10,?000|1,?000)\\b");

    private ScorecardAudit() {
    }

    public static String run(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return json(audit(read(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings as the spec prints them: in order, with a summary counted by kind. */
    static String json(List<Finding> findings) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        List<Map<String, String>> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name());
            m.put("ref", f.ref());
            m.put("column", f.column());
            m.put("message", f.message());
            out.add(m);
            summary.merge(f.kind().name(), 1, Integer::sum);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("findings", out);
        result.put("summary", summary);
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    }

    static List<Line> read(Reader in) {
        List<Line> lines = new ArrayList<>();
        for (CsvTable.Row r : CsvTable.read(in, COLUMNS, Set.of("ref", "title")).rows()) {
            lines.add(new Line(ScorecardCsv.row(r), r.text("value"), r.text("commentary"), direction(r)));
        }
        return lines;
    }

    private static Direction direction(CsvTable.Row r) {
        String t = r.text("published_dot").toUpperCase(Locale.ROOT);
        return switch (t) {
            case "" -> null;
            case "↑", "IMPROVED" -> Direction.IMPROVED;
            case "↓", "WORSENED" -> Direction.WORSENED;
            case "↔", "SAME" -> Direction.SAME;
            default -> throw r.error("published_dot", "'" + r.text("published_dot") + "' is not a direction: use ↑, ↓, ↔ or IMPROVED, WORSENED, SAME");
        };
    }

    /** The same checks on a paper before it is published: its figures, targets, paper ratings and commentary. */
    static List<Finding> audit(DashboardPapers.Paper paper) {
        return audit(paper.indicators().stream().map(i -> new Line(new ScorecardRow(i.ref(), i.title(), null, i.polarityRule(), i.dataPeriod(),
                i.unit(), i.value(), null, null, i.target(), i.floor(), i.tolerance(), i.previous(), null, i.paperRag()),
                i.value() == null ? "" : i.value().toPlainString() + ("%".equals(i.unit()) ? "%" : ""), i.commentary(), null)).toList());
    }

    /** Every finding, in file order. */
    static List<Finding> audit(List<Line> lines) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Line line : lines) {
            ScorecardRow r = line.card();
            if (!seen.add(r.ref())) {
                findings.add(new Finding(Kind.DUPLICATE_REF, r.ref(), "ref", "'" + r.ref() + "' appears again"));
            }
            RagRule.Rating rating = r.rating();
            if (r.publishedRag() != null && r.publishedRag() != rating.rag()) {
                findings.add(new Finding(Kind.RATING_CONTRADICTS_FIGURES, r.ref(), "published_rag",
                        "published " + r.publishedRag() + ", but the figures give " + rating.rag() + ": " + rating.reason()));
            }
            Direction dot = r.directionFromPrevious();
            if (line.publishedDot() != null && dot != null && line.publishedDot() != dot) {
                findings.add(new Finding(Kind.DIRECTION_CONTRADICTS_FIGURES, r.ref(), "published_dot",
                        "published " + line.publishedDot().arrow() + " (" + line.publishedDot().words() + "), but from " + plain(r.previous())
                                + " to " + plain(r.value()) + " is " + dot.arrow() + " (" + dot.words() + ")"));
            }
            rate(line).ifPresent(findings::add);
            if (r.floor() != null && r.target() != null
                    && (r.polarity() == Polarity.HIGHER && r.floor().compareTo(r.target()) > 0
                    || r.polarity() == Polarity.LOWER && r.floor().compareTo(r.target()) < 0)) {
                findings.add(new Finding(Kind.FLOOR_BEYOND_TARGET, r.ref(), "floor", "the floor " + plain(r.floor()) + " is "
                        + (r.polarity() == Polarity.HIGHER ? "above" : "below") + " the target " + plain(r.target()) + ", but " + r.polarity().words()));
            }
            commentary(line, findings);
            unitSlip(line).ifPresent(findings::add);
        }
        return findings;
    }

    /** 100 for a percentage, 1,000 / 10,000 / 100,000 for a rate "per" that many, else 1. */
    private static BigDecimal scale(Line line) {
        ScorecardRow r = line.card();
        if (line.valueText().contains("%") || r.unit() != null && r.unit().contains("%")) {
            return BigDecimal.valueOf(100);
        }
        Matcher per = PER.matcher(((r.unit() == null ? "" : r.unit()) + " " + r.title()).toLowerCase(Locale.UK));
        return per.find() ? new BigDecimal(per.group(1).replace(",", "")) : BigDecimal.ONE;
    }

    private static Optional<Finding> rate(Line line) {
        ScorecardRow r = line.card();
        if (r.value() == null || r.numerator() == null || r.denominator() == null || r.denominator().signum() == 0) {
            return Optional.empty();
        }
        BigDecimal scale = scale(line);
        int places = Math.max(0, r.value().scale());
        BigDecimal computed = r.numerator().multiply(scale).divide(r.denominator(), MathContext.DECIMAL128).setScale(places, RoundingMode.HALF_UP);
        if (computed.compareTo(r.value()) == 0) {
            return Optional.empty();
        }
        boolean percent = scale.compareTo(BigDecimal.valueOf(100)) == 0;
        return Optional.of(new Finding(Kind.RATE_DISAGREES, r.ref(), "value", line.valueText() + " disagrees with "
                + grouped(r.numerator()) + " / " + grouped(r.denominator()) + " = " + grouped(computed) + (percent ? "%"
                : scale.compareTo(BigDecimal.ONE) == 0 ? "" : " per " + grouped(scale))));
    }

    private static void commentary(Line line, List<Finding> findings) {
        ScorecardRow r = line.card();
        for (CommentaryClaims.Claim c : CommentaryClaims.of(line.commentary(), r.title())) {
            if (c.movement() != null && r.value() != null && r.previous() != null) {
                int since = r.value().compareTo(r.previous());
                if (c.movement() == CommentaryClaims.Way.UP && since < 0 || c.movement() == CommentaryClaims.Way.DOWN && since > 0) {
                    findings.add(new Finding(Kind.COMMENTARY_DIRECTION, r.ref(), "commentary", "'" + c.clause() + "', but the figure went from "
                            + plain(r.previous()) + " to " + plain(r.value())));
                }
            }
            if (c.fromTarget() != null && r.value() != null && r.target() != null) {
                int against = r.value().compareTo(r.target());
                BigDecimal gap = r.value().subtract(r.target()).abs();
                boolean unitPercent = r.unit() != null && r.unit().contains("%") || line.valueText().contains("%");
                if (c.fromTarget() == CommentaryClaims.Way.UP && against < 0 || c.fromTarget() == CommentaryClaims.Way.DOWN && against > 0) {
                    findings.add(new Finding(Kind.COMMENTARY_TARGET, r.ref(), "commentary", "'" + c.clause() + "', but " + plain(r.value()) + " is "
                            + (against < 0 ? "below" : "above") + " the target " + plain(r.target())));
                } else if (c.by() != null && (!c.byPercent() || unitPercent) && c.by().compareTo(gap) != 0) {
                    findings.add(new Finding(Kind.COMMENTARY_TARGET, r.ref(), "commentary", "'" + c.clause() + "', but " + plain(r.value())
                            + " is " + plain(gap) + " from the target " + plain(r.target())));
                }
            }
        }
    }

    private static Optional<Finding> unitSlip(Line line) {
        ScorecardRow r = line.card();
        String unit = r.unit() == null ? "" : r.unit();
        String words = (unit + " " + r.title()).toLowerCase(Locale.UK);
        if (line.valueText().contains("%") && PER.matcher(words).find()) {
            return Optional.of(new Finding(Kind.UNIT_SLIP, r.ref(), "value", line.valueText() + " is written as a percentage, but the indicator is a rate "
                    + PER.matcher(words).results().findFirst().map(m -> m.group()).orElse("")));
        }
        String title = r.title().strip().toLowerCase(Locale.UK);
        if (unit.contains("%") && r.value() != null && r.value().compareTo(BigDecimal.valueOf(100)) > 0
                && (title.startsWith("percentage") || title.startsWith("proportion"))) {
            return Optional.of(new Finding(Kind.UNIT_SLIP, r.ref(), "value", line.valueText() + " is over 100, but the indicator is a "
                    + (title.startsWith("percentage") ? "percentage" : "proportion")));
        }
        return Optional.empty();
    }

    private static final DisplayFormat FORMAT = new DisplayFormat();

    private static String plain(BigDecimal n) {
        return n == null ? "none" : grouped(n);
    }

    /** Thousands separated, the decimals as written: 5,749 and 81.0. */
    private static String grouped(BigDecimal n) {
        return FORMAT.number(n);
    }
}
