package org.oversight.risk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.shared.CellText;
import org.oversight.shared.CsvTable;
import org.oversight.shared.InputException;

/** Reads and writes the risk register CSV; a bad cell stops the whole file. */
public final class RiskRegisterCsv {

    static final List<String> COLUMNS = List.of("id", "title", "register", "owner", "cabinet_member", "cause", "event", "consequence",
            "current_likelihood", "current_impact", "current_score", "target_likelihood", "target_impact", "target_score",
            "previous_score", "direction", "last_review", "next_review");

    private static final Pattern LEVEL = Pattern.compile("(?:([A-Za-z][A-Za-z ]*?)\\s*\\(\\s*)?(\\d+)\\s*\\)?");
    private static final Pattern SCORE = Pattern.compile("(?:[A-Za-z]+\\s*)?(\\d+)");

    private RiskRegisterCsv() {
    }

    public record Register(List<RiskRow> rows, List<String> warnings) {
    }

    public static Register read(Reader in, RiskMatrix matrix) {
        CsvTable table = CsvTable.read(in, Set.copyOf(COLUMNS), Set.of("id", "title"));
        List<RiskRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row r : table.rows()) {
            String id = CellText.restore(r.required("id"));
            if (!ids.add(id)) {
                throw r.error("id", "'" + id + "' appears more than once in the file");
            }
            Rating current = rating(r, "current", matrix);
            if (current == null) {
                throw r.error("current_score", "a risk needs a current rating: likelihood and impact, or a score");
            }
            Integer previous = integer(r, "previous_score");
            if (previous != null && (previous < 1 || previous > matrix.size() * matrix.size())) {
                throw r.error("previous_score", previous + " is outside the scores of the matrix (1 to " + matrix.size() * matrix.size() + ")");
            }
            RiskDirection published;
            try {
                published = RiskDirection.parse(r.text("direction"));
            } catch (IllegalArgumentException e) {
                throw r.error("direction", e.getMessage());
            }
            rows.add(new RiskRow(id, CellText.restore(r.required("title")), blank(r.text("register")),
                    Arrays.stream(CellText.restore(r.text("owner")).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    blank(r.text("cabinet_member")), blank(r.text("cause")), blank(r.text("event")), blank(r.text("consequence")),
                    current, rating(r, "target", matrix), previous, published, r.date("last_review"), r.date("next_review")));
        }
        return new Register(rows, table.warnings());
    }

    /** Likelihood and impact, or a score alone; where all three are given the score must be their product. */
    private static Rating rating(CsvTable.Row r, String which, RiskMatrix matrix) {
        Integer l = level(r, which + "_likelihood");
        Integer i = level(r, which + "_impact");
        Integer score = integer(r, which + "_score");
        if ((l == null) != (i == null)) {
            throw r.error(which + (l == null ? "_likelihood" : "_impact"), "give both likelihood and impact, or neither");
        }
        try {
            if (l != null) {
                Rating rating = matrix.rate(l, i);
                if (score != null && score != rating.score()) {
                    throw r.error(which + "_score", score + " disagrees with likelihood " + l + " × impact " + i + " = " + rating.score());
                }
                return rating;
            }
            return score == null ? null : matrix.rateScore(score);
        } catch (InputException e) {
            if (e.row() != null) {
                throw e;
            }
            String column = which + "_" + (e.field().equals("score") ? "score" : e.field());
            throw r.error(column, e.problem());
        }
    }

    /** '3', or a label with the number in brackets: 'Possible (3)'. */
    private static Integer level(CsvTable.Row r, String column) {
        String t = r.text(column);
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = LEVEL.matcher(t);
        if (!m.matches()) {
            throw r.error(column, "'" + t + "' is not a level: write a number such as 3, or a label with it, such as Possible (3)");
        }
        return bounded(r, column, m.group(2));
    }

    /** '16', or with its band letter or word: 'H16', 'High 16'. */
    private static Integer integer(CsvTable.Row r, String column) {
        String t = r.text(column);
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = SCORE.matcher(t);
        if (!m.matches()) {
            throw r.error(column, "'" + t + "' is not a score: write a number such as 16 (or H16)");
        }
        return bounded(r, column, m.group(1));
    }

    private static Integer bounded(CsvTable.Row r, String column, String digits) {
        if (digits.length() > 4) {
            throw r.error(column, digits + " is far larger than any risk matrix holds");
        }
        return Integer.valueOf(digits);
    }

    private static String blank(String s) {
        String r = CellText.restore(s);
        return r == null || r.isEmpty() ? null : r;
    }

    public static void write(List<RiskRow> rows, Appendable out) {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            p.printRecord(COLUMNS);
            for (RiskRow r : rows) {
                p.printRecord(t(r.id()), t(r.title()), t(r.register()), t(String.join(";", r.owners())), t(r.cabinetMember()),
                        t(r.cause()), t(r.event()), t(r.consequence()),
                        n(r.current().likelihood()), n(r.current().impact()), r.current().score(),
                        r.target() == null ? "" : n(r.target().likelihood()), r.target() == null ? "" : n(r.target().impact()),
                        r.target() == null ? "" : r.target().score(), n(r.previousScore()),
                        r.publishedDirection() == null ? "" : r.publishedDirection().symbol(),
                        r.lastReview() == null ? "" : r.lastReview(), r.nextReview() == null ? "" : r.nextReview());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String t(String s) {
        return s == null ? "" : CellText.neutralise(s);
    }

    private static String n(Integer i) {
        return i == null ? "" : i.toString();
    }
}
