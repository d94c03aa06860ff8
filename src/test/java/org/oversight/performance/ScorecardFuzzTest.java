package org.oversight.performance;

import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.oversight.shared.InputException;

/**
 * Coverage-guided fuzzing of the scorecard readers (CSV and XLSX). In the test suite the seeds
 * and any saved findings are replayed; {@code bench/fuzz-importers SECONDS} fuzzes with Jazzer's
 * own driver (CI runs it for a bounded time). Every input must be read or refused with a clear
 * InputException: never any other failure.
 */
public class ScorecardFuzzTest {

    @FuzzTest
    void everyInputIsReadOrRefusedWithAClearMessage(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point for the standalone driver. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        byte[] bytes;
        if (data.consumeBoolean()) {
            bytes = xlsx(data.consumeString(400), data.consumeString(400));
        } else {
            bytes = data.consumeRemainingAsBytes();
        }
        try {
            ScorecardCsv.Scorecard card = ScorecardImport.parse(bytes);
            // What is read writes back and reads again to the same rows.
            StringBuilder again = new StringBuilder();
            ScorecardCsv.write(card.rows(), again);
            assertThat(ScorecardCsv.read(new StringReader(again.toString())).rows()).isEqualTo(card.rows());
        } catch (InputException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** A workbook whose header and first row are fuzzed text, so the XLSX path gets past the zip. */
    private static byte[] xlsx(String header, String row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Scorecard");
            String[] h = header.split(",", -1);
            String[] r = row.split(",", -1);
            var first = sheet.createRow(0);
            for (int i = 0; i < h.length; i++) {
                first.createCell(i).setCellValue(h[i]);
            }
            var second = sheet.createRow(1);
            for (int i = 0; i < r.length; i++) {
                second.createCell(i).setCellValue(r[i]);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
