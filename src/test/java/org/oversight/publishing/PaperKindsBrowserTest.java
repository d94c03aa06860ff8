package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The performance team opens a month's exception report, finds a Red indicator stopping it,
 * writes the exception and publishes; the QPR for the quarter follows; the risk team publishes a
 * register's report; the public reads them.
 */
@OversightTest
class PaperKindsBrowserTest extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;

    private String api(Role role, String method, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", users.bearer(role)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r.body();
    }

    @Test
    void aRedIndicatorsExceptionIsWrittenThenTheExceptionReportAndTheQprArePublishedAndReadByThePublic() throws Exception {
        String directorate = units.directorate("Browser exceptions " + System.nanoTime());
        String ref = "BE-" + System.nanoTime() % 100000;
        long id = JsonMapper.builder().build().readTree(api(Role.PERFORMANCE, "POST", "/api/indicators", """
                {"ref": "%s", "title": "Carers assessed in time", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "%s", "director": "Sam Director", "inQpr": true, "active": true}""".formatted(ref, directorate)))
                .get("id").asLong();
        api(Role.PERFORMANCE, "PUT", "/api/indicators/" + id + "/targets/2017-18", "{\"target\": 90.0, \"floor\": 80.0}");
        api(Role.PERFORMANCE, "PUT", "/api/indicators/" + id + "/observations/2017-09", "{\"value\": 71.0}");

        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        open("/papers");
        new Select(browser.findElement(By.id("kind"))).selectByValue("exceptions");
        browser.findElement(By.id("period")).sendKeys("September 2017");
        new Select(browser.findElement(By.id("scope"))).selectByVisibleText(directorate);
        submit(By.id("open"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(directorate + " exception report, September 2017");
        assertThat(browser.findElement(By.id("findings")).getText()).contains("Stops publication", ref + ", Exception missing");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("1 Red indicator has no exception report (" + ref + ")").contains("Not published yet.");

        submit(By.id("save-exception-" + id));
        assertThat(page()).as("an empty exception names what is missing").contains("Say why the indicator is Red");
        browser.findElement(By.id("why-" + id)).sendKeys("Two assessors on long-term sick leave");
        browser.findElement(By.id("action-" + id)).sendKeys("Agency cover agreed; weekly review by the head of service");
        browser.findElement(By.id("due-" + id)).sendKeys("31 12 2017");
        submit(By.id("save-exception-" + id));
        assertThat(page()).contains("Saved the exception report for " + ref, "Written by");
        assertThat(browser.findElement(By.id("owner-" + id)).getAttribute("value")).as("the director, unless someone else is named").isEqualTo("Sam Director");
        screenshot("exceptions-versions");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("Published version 1 of " + directorate + " exception report, September 2017");

        open("/papers/qpr/2017-08/versions?scope=" + java.net.URLEncoder.encode(directorate, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("August opens the quarter's QPR")
                .isEqualTo(directorate + ": Quarterly Performance Report, Quarter 2 2017-18 (July to September 2017)");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("Published version 1");

        browser.manage().deleteAllCookies();
        open("/papers");
        browser.findElement(By.linkText(directorate + ": Quarterly Performance Report, Quarter 2 2017-18 (July to September 2017)")).click();
        assertThat(browser.findElements(By.id("publish-form"))).as("the public cannot publish").isEmpty();
        browser.findElement(By.cssSelector("#version-1 a")).click();
        assertThat(browser.findElement(By.id("table-summary")).getText()).contains(directorate + " 0 0 1 0 0 0", "Total 0 0 1 0 0 0");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Exception: " + ref, "Agency cover agreed");
        screenshot("qpr-published");
    }

    @Test
    void theRiskTeamPublishesARegistersReportAndThePerformanceTeamCannot() throws Exception {
        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        open("/papers/risks/2018-03/versions?scope=ASCH");
        assertThat(browser.findElements(By.id("publish-form"))).as("a risk report is the risk team's to publish").isEmpty();
        browser.manage().deleteAllCookies();
        signIn(users.with(Role.RISK_TEAM), TestUsers.PASSWORD);
        open("/papers/risks/2018-03/versions?scope=ASCH");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Adult Social Care and Health directorate, risk register report, March 2018");
        assertThat(browser.findElement(By.id("findings")).getText()).as("today's register dated March 2018")
                .contains("The register, Register not as at period: the report shows the register as it stands on");
        browser.findElement(By.cssSelector("label[for=accept-0]")).click();
        browser.findElement(By.id("why")).sendKeys("The register has not changed since March 2018; reported late to the committee.");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("Published version 1");
        browser.findElement(By.linkText("Web page")).click();
        assertThat(browser.findElement(By.id("table-profile")).getText()).contains("High (Red)", "Total");
        assertThat(browser.findElements(By.cssSelector("table.heat"))).hasSize(2);
        screenshot("risk-report");
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String page() {
        return browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("main")).getText();
    }
}
