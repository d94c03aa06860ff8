package org.oversight.publishing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oversight.shared.CellText;

/**
 * A paper's table as a file: CSV exactly as printed, and XLSX with its numbers as numbers so a
 * reader can add them up; in the CSV, text that a spreadsheet would run as a formula is written
 * inert (an XLSX text cell never runs).
 */
final class TableFiles {

    private TableFiles() {
    }

    static byte[] csv(Publication.Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            p.printRecord(t.header().stream().map(CellText::neutralise).toList());
            for (var row : t.rows()) {
                // A figure is written as it is (a negative one is no formula); a figure not given is an empty cell.
                p.printRecord(row.stream().map(c -> "–".equals(c) ? "" : DocumentChecks.number(c) != null ? c : CellText.neutralise(c)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(Publication.Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // No creation date: the same table gives the same bytes whenever it is asked for.
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.empty());
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.caption()));
            java.util.Map<String, CellStyle> styles = new java.util.HashMap<>();
            Row header = sheet.createRow(0);
            for (int c = 0; c < t.header().size(); c++) {
                header.createCell(c).setCellValue(t.header().get(c));
            }
            for (int r = 0; r < t.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < t.rows().get(r).size(); c++) {
                    String text = t.rows().get(r).get(c);
                    BigDecimal n = DocumentChecks.number(text);
                    Cell cell = row.createCell(c);
                    // A spreadsheet's text cell is never a formula: no apostrophe needed, the text as printed.
                    if (n != null && c > 0) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(styles.computeIfAbsent(format(text, n), f -> {
                            CellStyle style = wb.createCellStyle();
                            style.setDataFormat(wb.createDataFormat().getFormat(f));
                            return style;
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
        return steady(out.toByteArray());
    }

    /**
     * A number shown as the paper prints it: its decimal places (480.80, not 480.8), thousands grouped, a sign where the paper gives
     * one (+2.8) and a % after a percentage, the value being the figure printed.
     */
    static String format(String printed, BigDecimal n) {
        boolean percent = printed.strip().endsWith("%");
        String base = "#,##0" + (n.scale() > 0 ? "." + "0".repeat(Math.min(n.scale(), 10)) : "") + (percent ? "\"%\"" : "");
        // Positive, negative and zero each given: a percentage sign is then read as the character, not as "× 100", by every reader.
        return printed.strip().startsWith("+") || percent ? (printed.strip().startsWith("+") ? "+" : "") + base + ";-" + base + ";" + base : base;
    }

    /** The workbook's zip with every entry dated alike (the printer dates them now): one version, one set of bytes. */
    private static byte[] steady(byte[] zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream steady = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(LocalDateTime.of(2000, 1, 1, 0, 0));
                steady.putNextEntry(copy);
                in.transferTo(steady);
                steady.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
