package org.oversight.performance;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import java.util.Collections;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oversight.shared.CsvTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.oversight.shared.InputException;

/**
 * The scorecard layout as a spreadsheet. Reading turns each cell into the text a user sees
 * and goes through the CSV reader, so both formats have one set of rules and messages.
 */
final class ScorecardXlsx {

    private ScorecardXlsx() {
    }

    static void write(List<ScorecardRow> rows, OutputStream out) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Scorecard");
            Row header = sheet.createRow(0);
            for (int c = 0; c < ScorecardCsv.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(ScorecardCsv.COLUMNS.get(c));
            }
            Map<Integer, CellStyle> styles = new HashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = ScorecardCsv.cells(rows.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    Cell cell = row.createCell(c);
                    if (!text.isEmpty() && c >= 6 && c <= 13) {
                        BigDecimal n = new BigDecimal(text);
                        cell.setCellValue(n.doubleValue());
                        // The written decimals are part of the figure (85.0 is not 85): keep them in the format.
                        int scale = Math.max(n.scale(), 0);
                        cell.setCellStyle(styles.computeIfAbsent(scale, s -> {
                            CellStyle st = wb.createCellStyle();
                            st.setDataFormat(wb.createDataFormat().getFormat(s == 0 ? "0" : "0." + "0".repeat(s)));
                            return st;
                        }));
                    } else {
                        cell.setCellValue(text);
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final int MAX_COLUMNS = 100;

    /**
     * Streams the first sheet (never building it in memory) into CSV: a row past the most a
     * scorecard may have, or a header wider than its columns, stops the reading at once.
     */
    static ScorecardCsv.Scorecard read(InputStream in) {
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
                        new Rows(printer), new DataFormatter(Locale.UK), false));
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
        return ScorecardCsv.read(new StringReader(csv.toString()));
    }

    /** Each row of the sheet as a CSV record of the header's width; rows the sheet skips come out blank, so row numbers stay the sheet's. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();
        private int width = -1;
        private int next;

        Rows(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void startRow(int row) {
            if (row >= CsvTable.MAX_ROWS) {
                throw new InputException(row + 1, null, "the sheet reaches row " + (row + 1) + "; a scorecard has at most "
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
                        + "; a scorecard has at most " + MAX_COLUMNS + " columns");
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
