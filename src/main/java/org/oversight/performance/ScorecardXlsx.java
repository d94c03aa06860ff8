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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
    static final int MAX_ROWS = 100_000;

    static ScorecardCsv.Scorecard read(InputStream in) {
        StringBuilder csv = new StringBuilder();
        try (Workbook wb = new XSSFWorkbook(in); CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.UK);
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0 : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
            // A tiny file can claim a sheet of millions of cells: read only what a scorecard can be.
            if (width > MAX_COLUMNS) {
                throw new InputException(sheet.getFirstRowNum() + 1, null, "the sheet's first row reaches column " + width
                        + "; a scorecard has at most " + MAX_COLUMNS + " columns");
            }
            if (sheet.getLastRowNum() >= MAX_ROWS) {
                throw new InputException(sheet.getLastRowNum() + 1, null, "the sheet reaches row " + (sheet.getLastRowNum() + 1)
                        + "; a scorecard has at most " + MAX_ROWS + " rows");
            }
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                printer.printRecord(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            String why = String.valueOf(e.getMessage());
            throw new InputException(null, null, why.contains("Zip bomb") || why.contains("inflate ratio") || why.contains("max size")
                    ? "the workbook expands to far more than its size on disk (a zip bomb): it was not read"
                    : "the file is not a readable XLSX workbook: save it again from Excel as .xlsx, or as CSV");
        }
        return ScorecardCsv.read(new StringReader(csv.toString()));
    }
}
