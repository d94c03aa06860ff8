package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.performance.DashboardPapers;
import org.oversight.performance.Direction;
import org.oversight.performance.Indicator;
import org.oversight.performance.Rag;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.CsvTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monthly dashboard printed as a paper: every indicator, numbered pages, contents that name the right pages, tagged. */
@OversightTest
class DashboardPaperTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private HttpResponse<byte[]> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theDashboardPaperHasEveryIndicatorNumberedPagesAndContentsThatNameThem() throws Exception {
        HttpClient staff = users.signedIn(port, Role.MEMBER);
        HttpResponse<byte[]> pdf = get(staff, "/papers/dashboard/2019-01/draft.pdf?directorate=Adult+Social+Care+and+Health");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Files.createDirectories(Path.of("target/papers"));
        Files.write(Path.of("target/papers/dashboard-2019-01-asch.pdf"), pdf.body());
        // The indicators the month's dashboard shows, as its scorecard export lists them.
        String csv = new String(get(staff, "/dashboard/export.csv?month=2019-01&directorate=Adult+Social+Care+and+Health").body(), StandardCharsets.UTF_8);
        List<String> titles = CsvTable.read(new StringReader(csv), Set.of("ref", "title"), Set.of("ref", "title")).rows().stream()
                .map(r -> r.text("ref") + " " + r.text("title")).toList();
        assertThat(titles).hasSizeGreaterThan(10);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(titles.size());
            PDFTextStripper text = new PDFTextStripper();
            String[] byPage = new String[pages + 1];
            for (int n = 1; n <= pages; n++) {
                text.setStartPage(n);
                text.setEndPage(n);
                byPage[n] = flat(text.getText(doc));
                assertThat(byPage[n]).as("page " + n).contains("Page " + n + " of " + pages);
            }
            String contents = byPage[2];
            assertThat(contents).contains("Contents", "Summary and key");
            for (String title : titles) {
                // The contents line ends with the page it names, and that page starts with the indicator.
                Matcher m = Pattern.compile(Pattern.quote(flat(title)) + "[ .]*?(\\d+)").matcher(contents);
                assertThat(m.find()).as("contents names " + title).isTrue();
                int page = Integer.parseInt(m.group(1));
                assertThat(byPage[page]).as(title + " on page " + page).contains(flat(title), "Cabinet Member", "The last 13 months");
            }
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(doc.getDocumentInformation().getTitle()).as("a draft says so").isEqualTo("Draft: Adult Social Care and Health performance dashboard, January 2019");
        }
        HttpResponse<byte[]> html = get(staff, "/papers/dashboard/2019-01/draft?directorate=Adult+Social+Care+and+Health");
        assertThat(new String(html.body())).contains("Draft: not published", "Summary and key", "<svg");
    }

    /** Text as extracted, without the breaks a line's wrapping put in: 'residential /nursing' reads 'residential/nursing'. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replaceAll(" ?/ ?", "/");
    }

    @Autowired DashboardDocument dashboardPaper;

    @Test
    void aWholeCouncilOfTwoThousandIndicatorsPrintsAsItsSummaryOnAFewDozenPagesNotTwoThousand() throws Exception {
        YearMonth month = YearMonth.of(2019, 1);
        List<DashboardPapers.Item> items = IntStream.rangeClosed(1, 2_000).mapToObj(n -> new DashboardPapers.Item(n, "B" + n, "Benchmark indicator " + n,
                Indicator.Kind.KPI, "High", "count", 0, "Monthly", "Source", null, null, null, "Directorate " + (n % 8), null, BigDecimal.TEN, month, BigDecimal.ONE,
                null, Rag.GREEN, "At or above target", Direction.SAME, null, List.of(), null, "Commentary " + n, null, null, BigDecimal.TEN, null, false, Indicator.Frequency.MONTHLY)).toList();
        DashboardPapers.Paper paper = new DashboardPapers.Paper(month, "", items.size(), items.size(), Map.of("GREEN", items.size(), "AMBER", 0, "RED", 0),
                Map.of("IMPROVED", 0, "SAME", items.size(), "WORSENED", 0), items);
        byte[] pdf = PdfDocument.print(dashboardPaper.html(paper, LocalDate.of(2019, 2, 20), 1, List.of()));
        Files.createDirectories(Path.of("target/papers"));
        Files.write(Path.of("target/papers/dashboard-2000-indicators.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains("This dashboard has 2,000 indicators, more than the " + DashboardDocument.PAGES + " a paper sets a page each",
                    "B1 Benchmark indicator 1 ", "B2000 Benchmark indicator 2000 ").doesNotContain("The last 13 months", "Commentary 1");
            // The summary's rows, about thirty to a page: not a page per indicator.
            assertThat(doc.getNumberOfPages()).isBetween(2_000 / 40, 2_000 / 20);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, true", "100, true", "101, false", "2000, false"})
    void aDashboardPaperSetsEachIndicatorAPageUpToAHundred(int indicators, boolean pageEach) {
        assertThat(DashboardDocument.pageEach(indicators)).isEqualTo(pageEach);
    }

    @Test
    void theDraftIsForStaffNotThePublic() throws Exception {
        HttpClient anyone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(get(anyone, "/papers/dashboard/2019-01/draft.pdf").statusCode()).isIn(302, 401, 403);
        assertThat(get(anyone, "/papers/dashboard/2019-01/draft").statusCode()).isIn(302, 401, 403);
    }
}
