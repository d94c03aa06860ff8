package org.oversight.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oversight.shared.CellText;

/**
 * A paper's table as a file: CSV exactly as printed, and XLSX with its numbers as numbers so a
 * reader can add them up (the percent and pound signs left in the header's column). Text that a
 * spreadsheet would run as a formula is written inert.
 */
final class TableFiles {

    private TableFiles() {
    }

    static byte[] csv(Publication.Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            p.printRecord(t.header().stream().map(CellText::neutralise).toList());
            for (var row : t.rows()) {
                p.printRecord(row.stream().map(CellText::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(Publication.Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.caption()));
            Row header = sheet.createRow(0);
            for (int c = 0; c < t.header().size(); c++) {
                header.createCell(c).setCellValue(CellText.neutralise(t.header().get(c)));
            }
            for (int r = 0; r < t.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < t.rows().get(r).size(); c++) {
                    String text = t.rows().get(r).get(c);
                    BigDecimal n = DocumentChecks.number(text);
                    Cell cell = row.createCell(c);
                    if (n != null && c > 0) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(CellText.neutralise(text));
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
