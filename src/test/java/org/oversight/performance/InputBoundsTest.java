package org.oversight.performance;

import java.io.ByteArrayInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Input too large, too long, too early or too odd is refused with a message naming it, and nothing is stored. */
@OversightTest
class InputBoundsTest {

    @LocalServerPort int port;
    @Autowired TestIndicators test;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> send(String method, String path, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", users.bearer(Role.PERFORMANCE))
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int stored(Indicator i) {
        return jdbc.sql("select count(*) from observation where indicator_id = :i").param("i", i.id()).query(Integer.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e131072", "1e-20000", "1234567890123456", "0.1234567", "-1e16"})
    void aFigureOutsideWhatOversightHoldsIsAFieldErrorNotAZero(String value) throws Exception {
        TestUsers.actAs("setup", Role.PERFORMANCE);
        Indicator i = test.higherIsBetter("85.0", null);
        HttpResponse<String> r = send("PUT", "/api/indicators/" + i.id() + "/observations/2018-12", "application/json",
                ("{\"value\": " + value + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"value\"").containsAnyOf("too large", "too many decimal places");
        assertThat(stored(i)).isZero();
    }

    @Test
    void aScorecardCellOf140000DigitsIsRefusedByRowAndColumn() throws Exception {
        TestUsers.actAs("setup", Role.PERFORMANCE);
        Indicator i = test.higherIsBetter("85.0", null);
        String csv = "ref,title,value\n" + i.ref() + ",Test," + "9".repeat(140_000) + "\n";
        HttpResponse<String> r = send("POST", "/api/scorecards/2018-12", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"row\":2", "\"field\":\"value\"", "140,000 characters long");
        assertThat(stored(i)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01", "-9999-01", "1989-12"})
    void aMonthBeforeAnyCouncilRecordIsRefused(String month) throws Exception {
        TestUsers.actAs("setup", Role.PERFORMANCE);
        Indicator i = test.higherIsBetter("85.0", null);
        HttpResponse<String> r = send("PUT", "/api/indicators/" + i.id() + "/observations/" + month, "application/json",
                "{\"value\": 80}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(stored(i)).isZero();
    }

    @Test
    void commentaryLongerThanTenThousandCharactersIsRefusedAndARequestOverTenMegabytesIsNotRead() throws Exception {
        TestUsers.actAs("setup", Role.PERFORMANCE);
        Indicator i = test.higherIsBetter("85.0", null);
        HttpResponse<String> r = send("PUT", "/api/indicators/" + i.id() + "/observations/2018-12", "application/json",
                ("{\"value\": 80, \"commentary\": \"" + "x".repeat(10_001) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"commentary\"", "10,000 characters or fewer");
        HttpResponse<String> huge = send("PUT", "/api/indicators/" + i.id() + "/observations/2018-12", "application/json",
                ("{\"value\": 80, \"commentary\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> score = send("POST", "/api/scorecards/score", "text/csv", ("ref,title,value\n" + "A,B,1\n".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8));
        assertThat(score.statusCode()).as("scoring is limited like loading").isIn(400, 413);
        assertThat(stored(i)).isZero();
    }

    @Test
    void aScorecardOfAMillionShortRowsUnderTheSizeLimitIsRefusedByItsRowCount() throws Exception {
        HttpResponse<String> csv = send("POST", "/api/scorecards/score", "text/csv", ("ref,title\n" + "N,x\n".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(400);
        assertThat(csv.body()).contains("\"row\":10002", "more than 10,000 rows");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            var sheet = wb.createSheet("Scorecard");
            sheet.createRow(0).createCell(0).setCellValue("ref");
            for (int r = 1; r <= 20_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("N" + r);
            }
            wb.write(out);
        }
        HttpResponse<String> xlsx = send("POST", "/api/scorecards/score", PerformanceApi.XLSX, out.toByteArray());
        assertThat(xlsx.statusCode()).as(xlsx.body()).isEqualTo(400);
        assertThat(xlsx.body()).contains("at most 10,000 rows");
    }

    @Test
    void aTinyWorkbookClaimingAHugeSheetIsRefusedAtOnce() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Scorecard").createRow(4999).createCell(16383).setCellValue("x");
            wb.write(out);
        }
        assertThat(out.size()).isLessThan(10_000);
        long start = System.nanoTime();
        HttpResponse<String> r = send("POST", "/api/scorecards/2018-12", PerformanceApi.XLSX, out.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("at most 100 columns");
        System.out.println("a 16,384-column workbook refused in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void aZipBombWorkbookIsRefusedSayingWhat() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Scorecard").createRow(0).createCell(0).setCellValue("ref");
            wb.write(plain);
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int prolog = xml.indexOf("?>") + 2;
                    content = (xml.substring(0, prolog) + " ".repeat(40 * 1024 * 1024) + xml.substring(prolog)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertThat(bomb.size()).isLessThan(200_000);
        HttpResponse<String> r = send("POST", "/api/scorecards/2018-12", PerformanceApi.XLSX, bomb.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("zip bomb");
    }
}
