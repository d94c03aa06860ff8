package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The QPR, the exception report and the risk register report: laid out, checked, blocked where they must be, published frozen with their tables. */
@OversightTest
class PapersOfEveryKindTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;
    @Autowired Papers papers;
    @Autowired ExceptionNotes notes;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String api(Role role, String method, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", users.bearer(role))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }

    private HttpResponse<byte[]> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A KPI of a directorate of its own, higher is better, target 90 and floor 80, with its figures by month. */
    private long indicator(String ref, String directorate, String... monthAndValue) throws Exception {
        units.division("Assessment", directorate);
        long id = JSON.readTree(api(Role.PERFORMANCE, "POST", "/api/indicators", """
                {"ref": "%s", "title": "Assessments completed in time", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "%s", "division": "Assessment", "director": "Jo Director", "inQpr": true, "active": true}"""
                .formatted(ref, directorate))).get("id").asLong();
        api(Role.PERFORMANCE, "PUT", "/api/indicators/" + id + "/targets/2017-18", "{\"target\": 90.0, \"floor\": 80.0}");
        for (String mv : monthAndValue) {
            String[] p = mv.split("=");
            api(Role.PERFORMANCE, "PUT", "/api/indicators/" + id + "/observations/" + p[0], "{\"value\": " + p[1] + "}");
        }
        return id;
    }

    @Test
    void theQprHasItsSummaryMatrixASectionPerDirectorateAndContentsThatNameThePages() throws Exception {
        HttpClient staff = users.signedIn(port, Role.MEMBER);
        HttpResponse<byte[]> pdf = get(staff, "/papers/qpr/2018-11/draft.pdf");
        assertThat(pdf.statusCode()).as("any month of the quarter opens its QPR").isEqualTo(200);
        // The demo's indicators marked for the QPR, as the catalogue holds them.
        List<String> qpr = jdbc.sql("select ref || ' ' || title from indicator where in_qpr and active and directorate = 'Adult Social Care and Health'")
                .query(String.class).list();
        assertThat(qpr).hasSizeGreaterThan(10);
        String title = "Quarterly Performance Report, Quarter 3 2018-19 (October to December 2018)";
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            TaggedPdf.check(doc, "Draft: " + title, "Table", "TH", "TD");
            String[] byPage = pages(doc);
            String contents = byPage[2];
            for (String heading : List.of("Executive summary", "Adult Social Care and Health")) {
                Matcher m = Pattern.compile(Pattern.quote(heading) + "[ .]*?(\\d+)").matcher(contents);
                assertThat(m.find()).as("contents names " + heading).isTrue();
                assertThat(byPage[Integer.parseInt(m.group(1))]).as(heading + " on the page the contents name").contains(heading);
            }
            String all = String.join(" ", byPage);
            for (String indicator : qpr) {
                assertThat(flat(all)).as("the QPR shows " + indicator).contains(flat(indicator).substring(0, Math.min(flat(indicator).length(), 45)));
            }
        }
        // The summary matrix as its CSV gives it: a row per directorate and a total that is the sum of the rows.
        List<CSVRecord> matrix = csv(get(staff, "/papers/qpr/2018-12/draft/tables/summary.csv").body());
        assertThat(matrix.get(0).toList()).containsExactly("Directorate", "Green", "Amber", "Red", "↑ improved", "↔ no change", "↓ worse");
        assertThat(matrix.get(matrix.size() - 1).get(0)).isEqualTo("Total");
        List<CSVRecord> section = csv(get(staff, "/papers/qpr/2018-12/draft/tables/kpis-adult-social-care-and-health.csv").body());
        CSVRecord asch = matrix.stream().filter(r -> r.get(0).equals("Adult Social Care and Health")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(asch.get(1)) + Integer.parseInt(asch.get(2)) + Integer.parseInt(asch.get(3)))
                .as("every rated KPI of the section counted once").isEqualTo((int) section.stream().skip(1).filter(r -> !r.get(5).isEmpty()).count());
        assertThat(papers.findings("qpr", YearMonth.of(2018, 12), "Adult Social Care and Health")).as("the checks on the demo's QPR")
                .extracting(f -> f.ref() + " " + f.kind()).containsExactly("6 RATING_CONTRADICTS_FIGURES");
    }

    @Test
    void aRedIndicatorWithoutItsExceptionStopsTheExceptionReportAndTheQprUntilItIsWrittenOrWaived() throws Exception {
        String directorate = "Exceptions " + System.nanoTime();
        String ref = "EX-" + System.nanoTime() % 100000;
        long id = indicator(ref, directorate, "2017-10=70.0", "2017-11=85.0", "2017-12=72.0");
        YearMonth october = YearMonth.of(2017, 10), december = YearMonth.of(2017, 12);
        TestUsers.actAs(users.with(Role.PERFORMANCE), Role.PERFORMANCE);

        assertThat(papers.findings("exceptions", october, directorate)).extracting(ScorecardAudit.Finding::kind).containsExactly(ScorecardAudit.Kind.EXCEPTION_MISSING);
        Publication.Document division = papers.draft("dashboard", october, "assessment").document();
        assertThat(division.title()).as("a division's dashboard, named however it is typed").isEqualTo("Assessment performance dashboard, October 2017");
        assertThat(division.items()).extracting(m -> m.get("ref")).contains(ref);
        assertThatThrownBy(() -> papers.publish("exceptions", october, directorate, "tester", true, "Going out anyway", null))
                .as("no reason lets a Red out without its exception").hasMessageContaining("1 Red indicator has no exception report (" + ref + ")");
        assertThatThrownBy(() -> papers.publish("qpr", december, directorate, "tester", true, "Going out anyway", null))
                .as("nor the QPR that shows it").hasMessageContaining("no exception report (" + ref + ")");
        assertThat(papers.versions("exceptions", october, directorate)).as("nothing went out").isEmpty();
        assertThatThrownBy(() -> papers.publish("exceptions", YearMonth.of(1989, 12), directorate, "tester", true, "Old", null))
                .as("a month no page can show").hasMessageContaining("a paper is for a month from 1990 to 2199");

        assertThatThrownBy(() -> notes.save(id, ref, october, "Staff shortages", "", LocalDate.of(2017, 12, 31), "Jo Director", false, null, "tester", -1))
                .isInstanceOf(InputException.class).extracting(e -> ((InputException) e).field()).isEqualTo("action");
        ExceptionNotes.Note written = notes.save(id, ref, october, "Two assessors left in September", "Agency assessors from November",
                LocalDate.of(2017, 12, 31), "Jo Director", false, null, "tester", -1);
        assertThatThrownBy(() -> notes.save(id, ref, october, "Rewritten by someone who read an old copy", "x", LocalDate.of(2017, 12, 31), "x", false, null,
                "other", -1)).as("written meanwhile").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> notes.save(id, ref, october, "Stale", "x", LocalDate.of(2017, 12, 31), "x", false, null, "other", written.version() + 1))
                .isInstanceOf(ConflictException.class);
        PaperRepository.Version v = papers.publish("exceptions", october, directorate, "tester", false, null, null);
        try (PDDocument doc = Loader.loadPDF(papers.pdf(v))) {
            TaggedPdf.check(doc, directorate + " exception report, October 2017", "Figure");
            assertThat(flat(String.join(" ", pages(doc)))).contains(ref + " Assessments completed in time", "Two assessors left in September",
                    "Agency assessors from November", "31 December 2017", "Jo Director");
        }

        assertThatThrownBy(() -> notes.save(id, ref, december, null, null, null, null, true, " ", "tester", -1)).as("a waiver says why")
                .extracting(e -> ((InputException) e).field()).isEqualTo("waiver");
        notes.save(id, ref, december, null, null, null, null, true, "Reported to Cabinet in the budget paper instead", "tester", -1);
        PaperRepository.Version qpr = papers.publish("qpr", december, directorate, "tester", false, null, null);
        assertThat(qpr.title()).isEqualTo(directorate + ": Quarterly Performance Report, Quarter 3 2017-18 (October to December 2017)");
        assertThat(papers.html(qpr)).contains("Exception report waived: Reported to Cabinet in the budget paper instead");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'exception' and record_id like :r").param("r", ref + ":%")
                .query(Integer.class).single()).as("each exception recorded").isEqualTo(2);
    }

    @Test
    void theRiskRegisterReportIsPublishedFrozenWithItsTablesAsCsvAndXlsx() throws Exception {
        String code = "PAP" + System.nanoTime() % 100000;
        String unit = units.directorate("Papers test directorate " + code);
        api(Role.RISK_TEAM, "POST", "/api/risks/registers", """
                {"code": "%s", "name": "Papers test register", "level": "DIRECTORATE", "parent": "CORPORATE", "unit": "%s"}""".formatted(code, unit));
        for (String[] r : List.of(new String[]{code + "A", "4", "5"}, new String[]{code + "B", "3", "3"})) {
            api(Role.RISK_TEAM, "POST", "/api/risks/registers/" + code + "/risks", """
                    {"code": "%s", "title": "Market failure %s", "owners": ["%s"], "currentLikelihood": %s, "currentImpact": %s,
                     "targetLikelihood": 2, "targetImpact": 2}""".formatted(r[0], r[0], users.with(Role.RISK_OWNER), r[1], r[2]));
        }
        YearMonth month = YearMonth.of(2019, 3);
        TestUsers.actAs(users.with(Role.RISK_TEAM), Role.RISK_TEAM);
        PaperRepository.Version first = papers.publish("risks", month, code, "tester", true, "New register", null);
        try (PDDocument doc = Loader.loadPDF(papers.pdf(first))) {
            TaggedPdf.check(doc, "Papers test register, risk register report, March 2019", "Table", "TH", "TD", "L", "LI");
            assertThat(flat(String.join(" ", pages(doc)))).contains("Profile and heat maps", code + "A Market failure", "Heat map: current ratings");
        }
        String base = "/papers/risks/" + month + "/v1/tables/";
        HttpClient anyone = HttpClient.newHttpClient();
        HttpResponse<byte[]> profileCsv = get(anyone, base + "profile.csv?scope=" + code);
        assertThat(profileCsv.statusCode()).as("the public reads a published version's tables").isEqualTo(200);
        List<CSVRecord> profile = csv(profileCsv.body());
        assertThat(profile.stream().map(r -> r.get(0) + "=" + r.get(1)).toList()).containsExactly("Band=Current", "High (Red)=1", "Medium (Amber)=1",
                "Low (Green)=0", "Total=2");
        HttpResponse<byte[]> xlsx = get(anyone, base + "register.xlsx?scope=" + code);
        assertThat(get(anyone, base + "register.xlsx?scope=" + code).body()).as("a version's spreadsheet is the same bytes each time").isEqualTo(xlsx.body());
        assertThat(xlsx.headers().firstValue("Repr-Digest")).as("served with its hash").hasValue("sha-256=:" + java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(xlsx.body())) + ":");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Ref");
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(code + "A");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(anyone, base + "profile.xlsx?scope=" + code).body()))) {
            assertThat(book.getSheetAt(0).getRow(4).getCell(1).getCellType()).as("a count is a number a spreadsheet adds up").isEqualTo(CellType.NUMERIC);
        }
        byte[] pdf = get(anyone, "/papers/risks/" + month + "/v1.pdf?scope=" + code).body();

        String risk = api(Role.RISK_TEAM, "GET", "/api/risks/" + code + "B", "");
        api(Role.RISK_TEAM, "POST", "/api/risks/" + code + "B/reviews", "{\"currentLikelihood\": 5, \"currentImpact\": 5, \"targetLikelihood\": 2, "
                + "\"targetImpact\": 2, \"comment\": \"Provider closed\", \"version\": " + JSON.readTree(risk).get("version").asInt() + "}");
        TestUsers.actAs(users.with(Role.RISK_TEAM), Role.RISK_TEAM);
        papers.publish("risks", month, code, "tester", true, "Reviewed", null);
        assertThat(get(anyone, "/papers/risks/" + month + "/v1.pdf?scope=" + code).body()).as("version 1 byte for byte").isEqualTo(pdf);
        assertThat(get(anyone, base + "profile.csv?scope=" + code).body()).as("its tables too").isEqualTo(profileCsv.body());
        assertThat(papers.changes("risks", month, code, 2)).containsExactly(code + "B Market failure " + code + "B: current 3 × 3 = 9 → 5 × 5 = 25");
        assertThat(csv(get(anyone, "/papers/risks/" + month + "/v2/tables/profile.csv?scope=" + code).body()).get(1).get(1)).isEqualTo("2");
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(new String(body, StandardCharsets.UTF_8))).getRecords();
    }

    private static String[] pages(PDDocument doc) throws Exception {
        int pages = doc.getNumberOfPages();
        PDFTextStripper text = new PDFTextStripper();
        String[] byPage = new String[pages + 1];
        byPage[0] = "";
        for (int n = 1; n <= pages; n++) {
            text.setStartPage(n);
            text.setEndPage(n);
            byPage[n] = flat(text.getText(doc));
            assertThat(byPage[n]).as("page " + n).contains("Page " + n + " of " + pages);
        }
        return byPage;
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replaceAll(" ?/ ?", "/");
    }
}
