package org.oversight.performance;

import java.util.HashMap;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;


import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oversight.shared.SheetCsv;

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

    /** The first sheet, as CSV through the scorecard's reader. */
    static ScorecardCsv.Scorecard read(InputStream in) {
        return ScorecardCsv.read(new StringReader(SheetCsv.firstSheet(in, "a scorecard")));
    }
}
