package org.oversight.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * A spreadsheet read as the CSV it would save as: each cell the text a user sees, so a file's
 * XLSX and CSV forms go through one reader, with one set of rules and messages.
 */
public final class SheetCsv {

    private SheetCsv() {
    }

    /** Whether a file's first bytes are a zip's, as an XLSX workbook's are. */
    public static boolean xlsx(byte[] content) {
        return content.length > 1 && content[0] == 'P' && content[1] == 'K';
    }

    public static final int MAX_COLUMNS = 100;

    /**
     * Streams the first sheet (never building it in memory) into CSV text: a row past the most a
     * file may have ({@link CsvTable#MAX_ROWS}), or a header wider than {@link #MAX_COLUMNS}, stops the
     * reading at once. {@code what} names the file in the messages: "a scorecard".
     */
    public static String firstSheet(InputStream in, String what) {
        StringBuilder csv = new StringBuilder();
        try (OPCPackage pkg = OPCPackage.open(in); CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InputException(null, null, "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                        new Rows(printer, what), new DataFormatter(Locale.UK), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InputException ie) {
                    throw ie;
                }
            }
            String why = String.valueOf(e.getMessage());
            throw new InputException(null, null, why.contains("Zip bomb") || why.contains("inflate ratio") || why.contains("max size")
                    ? "the workbook expands to far more than its size on disk (a zip bomb): it was not read"
                    : "the file is not a readable XLSX workbook: save it again from Excel as .xlsx, or as CSV");
        }
        return csv.toString();
    }

    /** Each row of the sheet as a CSV record of the header's width; rows the sheet skips come out blank, so row numbers stay the sheet's. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CSVPrinter printer;
        private final String what;
        private final List<String> cells = new ArrayList<>();
        private int width = -1;
        private int next;

        Rows(CSVPrinter printer, String what) {
            this.printer = printer;
            this.what = what;
        }

        @Override
        public void startRow(int row) {
            if (row >= CsvTable.MAX_ROWS) {
                throw new InputException(row + 1, null, "the sheet reaches row " + (row + 1) + "; " + what + " has at most "
                        + String.format("%,d", CsvTable.MAX_ROWS) + " rows");
            }
            try {
                for (; next < row; next++) {
                    printer.printRecord(blank());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (width < 0 && column >= MAX_COLUMNS) {
                throw new InputException(next + 1, null, "the sheet's first row reaches column " + (column + 1)
                        + "; " + what + " has at most " + MAX_COLUMNS + " columns");
            }
            if (width >= 0 && column >= width) {
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }

        @Override
        public void endRow(int row) {
            if (width < 0) {
                width = cells.size();
            }
            while (cells.size() < width) {
                cells.add("");
            }
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            next = row + 1;
        }

        private List<String> blank() {
            return Collections.nCopies(Math.max(width, 1), "");
        }
    }
}
