package org.oversight.directorates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;

import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.publishing.TestPapers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * From the list of directorates to a decision, signed out: the public opens ASCH, a month with a Red indicator, reads its exception
 * and opens the indicator; back on the directorate's page it follows the risk the Red concerns to that risk's sheet in the register
 * report as published, and then the key decision that followed to the agenda item that took it.
 */
@OversightTest
class DirectoratesBrowserTest extends BrowserTest {

    private static final YearMonth NOVEMBER_2016 = YearMonth.of(2016, 11);

    @Autowired TestUsers users;
    @Autowired TestPapers papers;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String api(String method, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", users.bearer(Role.PERFORMANCE)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isLessThan(300);
        return r.body();
    }

    /** An ASCH indicator Red in November 2016, its exception written, that month's dashboard and exception report published, and a risk it concerns. */
    private long redIndicator() throws Exception {
        long id = JsonMapper.builder().build().readTree(api("POST", "/api/indicators", """
                {"ref": "DS1", "title": "Reviews held on time", "kind": "KPI", "polarity": "HIGHER", "unit": "%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "Adult Social Care and Health", "division": "Older People and Physical Disability",
                 "director": "Jo Director", "inQpr": false, "active": true}""")).get("id").asLong();
        api("PUT", "/api/indicators/" + id + "/targets/2016-17", "{\"target\": 90.0, \"floor\": 80.0}");
        api("PUT", "/api/indicators/" + id + "/observations/2016-11", "{\"value\": 61.0, \"commentary\": \"Two teams were short of staff.\"}");
        TestUsers.actAs("tester", Role.PERFORMANCE);
        papers.exception(id, "DS1", NOVEMBER_2016, "Two review teams were without a manager.", "Agency reviewers booked for December.", "Jo Director");
        papers.publish("dashboard", NOVEMBER_2016, "Adult Social Care and Health");
        papers.publish("exceptions", NOVEMBER_2016, "Adult Social Care and Health");
        jdbc.sql("insert into risk_indicator (risk_id, indicator_id) select id, :i from risk where code = 'AH0004'").param("i", id).update();
        papers.publish("risks", YearMonth.of(2019, 3), "ASCH");
        return id;
    }

    private int printedPages() throws Exception {
        PrintOptions print = new PrintOptions();
        print.setOrientation(PrintOptions.Orientation.PORTRAIT);
        print.setPageSize(new PageSize(29.7, 21.0));
        print.setBackground(true);
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(((PrintsPage) browser).print(print).getContent()))) {
            return pdf.getNumberOfPages();
        }
    }

    @Test
    void thePublicGoesFromTheDirectoratesToARedIndicatorItsExceptionItsRiskAndTheDecisionThatFollowed() throws Exception {
        long id = redIndicator();
        open("/directorates");
        browser.findElement(By.linkText("Adult Social Care and Health (ASCH)")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Adult Social Care and Health");
        assertThat(printedPages()).as("the page as the browser prints it: one A4 sheet").isEqualTo(1);
        browser.findElement(By.linkText("November 2016")).click();
        assertThat(browser.findElement(By.id("performance")).getText()).isEqualTo("Performance, November 2016");
        String red = browser.findElement(By.id("red-" + id)).getText();
        assertThat(red).as("the Red with its exception as the exception report published it")
                .contains("DS1 Reviews held on time", "61.0% against a target of 90.0%", "Two review teams were without a manager.",
                        "Agency reviewers booked for December.");
        browser.findElement(By.linkText("DS1 Reviews held on time")).click();
        assertThat(browser.getPageSource()).contains("Reviews held on time").doesNotContain("href=\"/risks/");

        browser.navigate().back();
        assertThat(browser.findElement(By.id("concerns-" + id)).getText()).contains("Risks it concerns: AH0004");
        browser.findElement(By.partialLinkText("AH0004")).click();
        assertThat(browser.getCurrentUrl()).as("the risk's sheet in the register report as published").contains("/papers/risks/2019-03").contains("#risk-");
        String sheet = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#') + 1);
        assertThat(browser.findElement(By.id(sheet)).getText()).startsWith("AH0004").contains("Safeguarding");

        open("/directorates/ASCH");
        browser.findElement(By.partialLinkText("19/00011")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/decisions/19/00011");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Partnership Arrangements", "12 March 2019");
    }
}
