package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A paper's table as XLSX: numbers a spreadsheet can add up, shown as the paper prints them. */
class TableFilesTest {

    @Test
    void aNumberInTheWorkbookIsShownAsThePaperPrintsItAndHoldsTheFigurePrinted() throws Exception {
        Publication.Table t = new Publication.Table("rates", "Rates", List.of("Rate", "2018-19", "2019-20", "Change"),
                List.of(List.of("Meal", "4.05", "4.15", "+2.5%"), List.of("Fee", "1,006.00", "1,000.00", "−0.6%"), List.of("Badge", "10.00", "10.00", "0.0%")), false);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableFiles.xlsx(t)))) {
            DataFormatter shown = new DataFormatter(java.util.Locale.UK);
            List<String> cells = new java.util.ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                Row row = book.getSheetAt(0).getRow(r);
                for (int c = 1; c <= 3; c++) {
                    cells.add(shown.formatCellValue(row.getCell(c)));
                }
            }
            assertThat(cells).containsExactly("4.05", "4.15", "+2.5%", "1,006.00", "1,000.00", "-0.6%", "10.00", "10.00", "0.0%");
            assertThat(book.getSheetAt(0).getRow(2).getCell(2).getNumericCellValue()).as("the figure, not text").isEqualTo(1000.0);
        }
    }
}
