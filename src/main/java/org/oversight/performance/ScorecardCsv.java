package org.oversight.performance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.shared.CellText;
import org.oversight.shared.CsvTable;

/** Reads and writes the scorecard CSV; a bad cell stops the whole file. */
public final class ScorecardCsv {

    public static final List<String> COLUMNS = List.of("ref", "title", "section", "polarity", "data_period", "unit",
            "value", "numerator", "denominator", "target", "floor", "tolerance", "previous", "outturn", "published_rag");

    private ScorecardCsv() {
    }

    public record Scorecard(List<ScorecardRow> rows, List<String> warnings) {
    }

    public static Scorecard read(Reader in) {
        CsvTable table = CsvTable.read(in, Set.copyOf(COLUMNS), Set.of("ref", "title"));
        List<ScorecardRow> rows = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (CsvTable.Row r : table.rows()) {
            ScorecardRow row = row(r);
            if (!refs.add(row.ref())) {
                throw r.error("ref", "'" + row.ref() + "' appears more than once in the file");
            }
            rows.add(row);
        }
        return new Scorecard(rows, table.warnings());
    }

    /** One row of a scorecard table (read with at least {@link #COLUMNS}): a bad cell is an error naming its row and column. */
    public static ScorecardRow row(CsvTable.Row r) {
        String ref = CellText.restore(r.required("ref"));
        Polarity polarity;
        Rag published;
        try {
            polarity = Polarity.parse(r.text("polarity"));
        } catch (IllegalArgumentException e) {
            throw r.error("polarity", e.getMessage());
        }
        try {
            published = Rag.parsePublished(r.text("published_rag"));
        } catch (IllegalArgumentException e) {
            throw r.error("published_rag", e.getMessage());
        }
        BigDecimal tolerance = r.decimal("tolerance");
        if (tolerance != null && tolerance.signum() < 0) {
            throw r.error("tolerance", "must not be negative");
        }
        return new ScorecardRow(ref, CellText.restore(r.required("title")),
                blankToNull(CellText.restore(r.text("section"))), polarity,
                blankToNull(CellText.restore(r.text("data_period"))), blankToNull(CellText.restore(r.text("unit"))),
                r.decimal("value"), r.decimal("numerator"), r.decimal("denominator"),
                r.decimal("target"), r.decimal("floor"), tolerance,
                r.decimal("previous"), r.decimal("outturn"), published);
    }

    public static void write(List<ScorecardRow> rows, Appendable out) {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(COLUMNS);
            for (ScorecardRow r : rows) {
                printer.printRecord(cells(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row's cells in {@link #COLUMNS} order, as text ('' for missing). */
    static List<String> cells(ScorecardRow r) {
        return List.of(text(r.ref()), text(r.title()), text(r.section()), r.polarity() == null ? "" : r.polarity().code(),
                text(r.dataPeriod()), text(r.unit()), number(r.value()), number(r.numerator()), number(r.denominator()),
                number(r.target()), number(r.floor()), number(r.tolerance()), number(r.previous()), number(r.outturn()),
                r.publishedRag() == null ? "" : r.publishedRag().name());
    }

    private static String text(String s) {
        return s == null ? "" : CellText.neutralise(s);
    }

    private static String number(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
