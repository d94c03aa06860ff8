package org.oversight.shared;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import org.springframework.core.io.ClassPathResource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as the interchange specs define it: UTF-8 (BOM accepted), a header row matched
 * case-insensitively, columns in any order, unknown columns warned about. Every cell read
 * through {@link Row} names its row and column when it is bad.
 */
public final class CsvTable {

    private final Map<String, Integer> columns;
    private final List<Row> rows;
    private final List<String> warnings;

    private CsvTable(Map<String, Integer> columns, List<Row> rows, List<String> warnings) {
        this.columns = columns;
        this.rows = rows;
        this.warnings = warnings;
    }

    /** A file read whole: at most {@link #MAX_ROWS} rows, which is more than any scorecard or register has. */
    public static CsvTable read(Reader in, Set<String> known, Set<String> required) {
        List<Row> rows = new ArrayList<>();
        Header h = each(in, known, required, r -> {
            if (rows.size() == MAX_ROWS) {
                throw new InputException(r.number(), null, "the file has more than " + String.format("%,d", MAX_ROWS)
                        + " rows; a file of this kind has at most that many (load years of figures as a figures file)");
            }
            rows.add(r);
        });
        return new CsvTable(h.columns(), rows, h.warnings());
    }

    /** The most rows a file read whole may have, so that one request cannot fill the server's memory. */
    public static final int MAX_ROWS = 10_000;

    /** The columns a file's header names, and what was said of the ones Oversight does not read. */
    public record Header(Map<String, Integer> columns, List<String> warnings) {
        public boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    /**
     * Reads a file row by row, never holding more than one row: for files of a million rows.
     * Blank lines, and rows of nothing but empty cells (which a spreadsheet leaves after its last row), are passed over. The header is
     * checked before the first row is handed on.
     */
    public static Header each(Reader in, Set<String> known, Set<String> required, Consumer<Row> action) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputException(1, null, "the file is empty: a header row is required");
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            CSVRecord header = records.next();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (columns.putIfAbsent(name, i) != null) {
                    throw new InputException(1, name, "the column appears twice in the header");
                }
                if (!known.contains(name)) {
                    warnings.add("Unknown column '" + header.get(i).strip() + "' ignored");
                }
            }
            for (String r : required) {
                if (!columns.containsKey(r)) {
                    throw new InputException(1, r, "required column is missing from the header");
                }
            }
            while (records.hasNext()) {
                CSVRecord rec = records.next();
                if (rec.stream().allMatch(String::isBlank)) {
                    continue;
                }
                action.accept(new Row((int) rec.getRecordNumber(), rec, columns));
            }
            return new Header(columns, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            Matcher line = Pattern.compile("startline (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new InputException(line.find() ? Integer.valueOf(line.group(1)) : null, null,
                    "the file is not valid CSV: a cell opened with a quote (\") is never closed, or has text after its closing quote");
        }
    }

    /** The rows of a CSV file shipped on the classpath (demo data), any columns accepted. */
    public static List<Row> resource(String path) {
        try (Reader in = new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8)) {
            return read(in, Set.of(), Set.of()).rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** One data row; its number counts the header as row 1, as a spreadsheet shows it. */
    public static final class Row {
        private final int number;
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        Row(int number, CSVRecord record, Map<String, Integer> columns) {
            this.number = number;
            this.record = record;
            this.columns = columns;
        }

        public int number() {
            return number;
        }

        /** Whether the file has this column at all. */
        public boolean has(String column) {
            return columns.containsKey(column);
        }

        /** The stripped text, or '' when the column is absent or the row is short. */
        public String text(String column) {
            Integer i = columns.get(column);
            String t = i == null || i >= record.size() ? "" : record.get(i).strip();
            if (t.indexOf('\u0000') >= 0) {
                throw new InputException(number, column, "the cell has a NUL character, which text cannot hold: save the file again as plain CSV");
            }
            if (t.length() > Text.LONG) {
                throw new InputException(number, column, "the cell is " + String.format("%,d", t.length()) + " characters long; at most "
                        + String.format("%,d", Text.LONG) + " are read");
            }
            return t;
        }

        public String required(String column) {
            String t = text(column);
            if (t.isEmpty()) {
                throw new InputException(number, column, "a value is required");
            }
            return t;
        }

        public BigDecimal decimal(String column) {
            try {
                return DecimalCell.parse(text(column));
            } catch (NumberFormatException e) {
                throw new InputException(number, column, e.getMessage());
            }
        }

        /** The month the cell is written as ({@link Dates#month}), or null when it is empty. */
        public YearMonth month(String column) {
            String t = text(column);
            try {
                return t.isEmpty() ? null : Dates.month(t);
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        /** The date the cell is written as ({@link Dates#date}), or null when it is empty. */
        public LocalDate date(String column) {
            String t = text(column);
            try {
                return t.isEmpty() ? null : Dates.date(t);
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        public InputException error(String column, String problem) {
            return new InputException(number, column, problem);
        }
    }
}
