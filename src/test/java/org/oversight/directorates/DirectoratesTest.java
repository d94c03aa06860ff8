package org.oversight.directorates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.finance.BudgetPapers;
import org.oversight.governance.TestCommittees;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.publishing.TestPapers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/** The directorate's page on the demo, as the public and as staff read it; its paper on one sheet, published and on an agenda. */
@OversightTest
class DirectoratesTest {

    private static final String ASCH = "Adult Social Care and Health";
    private static final YearMonth JANUARY = YearMonth.of(2019, 1);

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired TestPapers papers;
    @Autowired TestCommittees committees;
    @Autowired BudgetPapers budgets;
    @Autowired DisplayFormat fmt;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's text without its markup, spaces run together. */
    private static String text(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String cell(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void theAschPageShowsThePublishedMonthItsRegisterAndItsCommitteesBusinessToThePublicAndTheLiveBudgetToStaff() throws Exception {
        TestUsers.actAs("tester", Role.PERFORMANCE);
        papers.publish("dashboard", JANUARY, ASCH);
        papers.publish("risks", YearMonth.of(2019, 3), "ASCH");
        int published = jdbc.sql("select count(*) from risk r join risk_register g on g.id = r.register_id where g.code = 'ASCH' and r.closed_on is null")
                .query(Integer.class).single();
        HttpClient publicClient = HttpClient.newHttpClient();

        HttpResponse<String> other = get(publicClient, "/directorates/adult%20social%20care%20AND%20health?month=2019-01");
        assertThat(other.statusCode()).as("another name of the directorate").isEqualTo(302);
        assertThat(other.headers().firstValue("Location").orElseThrow()).endsWith("/directorates/ASCH?month=2019-01");

        String page = get(publicClient, "/directorates/ASCH?month=2019-01").body();
        String words = text(page);
        assertThat(words).contains("Performance, January 2019", "As published", "No indicator is Red this month");
        // The January 2019 dashboard as the council published it: 7 Amber and 6 Green; 5 improved, 3 unchanged and 5 worse.
        assertThat(List.of(cell(page, "count-RED"), cell(page, "count-AMBER"), cell(page, "count-GREEN"), cell(page, "count-IMPROVED"),
                cell(page, "count-SAME"), cell(page, "count-WORSENED"))).containsExactly("0", "7", "6", "5", "3", "5");
        assertThat(words).contains("Cabinet Member: Graham Gibbens", "Corporate Director: Penny Southern");
        // The register's profile is public; its risk pages are for staff.
        // The register as its report published it (as many open risks as it had then), not as it stands.
        assertThat(words).contains("Adult Social Care and Health directorate: " + published + " open risks", "Risk profile");
        assertThat(page).doesNotContain("href=\"/risks/");
        // Decisions 18/00067 and 19/00011, sent to the committee that oversees ASCH, linked to the items that took them.
        Matcher item = Pattern.compile("href=\"/meetings/(\\d+)/items/7\"").matcher(page);
        assertThat(item.find()).as("18/00067's item").isTrue();
        assertThat(page).contains("href=\"/decisions/18/00067\"", "href=\"/decisions/19/00011\"", "href=\"/meetings/" + item.group(1) + "/items/8\"");
        assertThat(words).contains("item 7 of the meeting of 12 March 2019", "item 8 of the meeting of 12 March 2019", "Adult Social Care Cabinet Committee");
        // The public reads the budget only as a report published it.
        assertThat(words).containsAnyOf("No budget monitoring has been published for this directorate yet", "budget monitoring report for");

        // Staff: today's budget monitoring, Table 1's ASCH line of September 2017 (the demo's), and the risks linked.
        String staff = get(users.signedIn(port, Role.MEMBER), "/directorates/ASCH?month=2019-01").body();
        BudgetPapers.DirectorateLine line = budgets.line(List.of(ASCH), JANUARY).orElseThrow();
        assertThat(line.month()).isEqualTo(YearMonth.of(2017, 9));
        assertThat(text(staff)).contains("Budget, September 2017", fmt.millions(line.cashLimit()), fmt.millions(line.revised()));
        assertThat(staff).contains("href=\"/risks/AH");
    }

    @Test
    void anUnknownDirectorateIsAPageNotFoundThatNamesIt() throws Exception {
        HttpResponse<String> r = get(HttpClient.newHttpClient(), "/directorates/Ministry%20of%20Silly%20Walks");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(text(r.body())).contains("Page not found", "There is no directorate 'Ministry of Silly Walks'");
    }

    @Test
    void theDirectorateSummaryPrintsOnOneSheet() throws Exception {
        TestUsers.actAs("tester", Role.PERFORMANCE);
        try (PDDocument pdf = Loader.loadPDF(papers.draftPdf("directorate", JANUARY, "ASCH"))) {
            assertThat(pdf.getNumberOfPages()).as("one A4 sheet").isEqualTo(1);
        }
    }

    @Test
    void theDirectorateSummaryIsPublishedAndAStandingItemCarriesIt() throws Exception {
        TestUsers.actAs("tester", Role.PERFORMANCE);
        int version = papers.publish("directorate", JANUARY, "asch");
        HttpClient publicClient = HttpClient.newHttpClient();
        HttpResponse<String> paper = get(publicClient, "/papers/directorate/2019-01?scope=Adult%20Social%20Care%20and%20Health");
        assertThat(paper.statusCode()).isEqualTo(200);
        assertThat(text(paper.body())).contains("Adult Social Care and Health, directorate summary, January 2019", "18/00067");

        // Governance hears of the paper once its publication is committed.
        await().until(() -> jdbc.sql("select count(*) from published_paper where kind = 'directorate' and scope = :s and version = :v").param("s", ASCH)
                .param("v", version).query(Integer.class).single() == 1);
        TestUsers.actAs("clerk", Role.CLERK);
        long meeting = committees.meetingWithStandingItem("adult-social-care-cabinet-committee", LocalDate.of(2019, 2, 26),
                "Adult Social Care and Health on one sheet", "directorate", ASCH);
        String agenda = get(publicClient, "/meetings/" + meeting).body();
        assertThat(agenda).contains("/papers/directorate/2019-01/v" + version + "?scope=Adult%20Social%20Care%20and%20Health");
    }
}
