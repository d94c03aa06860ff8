package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The performance team publishes a paper, then a corrected version; the public reads both and what changed. */
@OversightTest
class PapersBrowserTest extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;

    private String api(String method, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", users.bearer(Role.PERFORMANCE)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r.body();
    }

    @Test
    void aPaperIsPublishedCorrectedAndReadVersionByVersion() throws Exception {
        String directorate = units.directorate("Browser papers " + System.nanoTime());
        String ref = "BP-" + System.nanoTime() % 100000;
        long id = JsonMapper.builder().build().readTree(api("POST", "/api/indicators", """
                {"ref": "%s", "title": "Reviews completed on time", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "%s", "active": true}""".formatted(ref, directorate))).get("id").asLong();
        api("PUT", "/api/indicators/" + id + "/targets/2017-18", "{\"target\": 90.0, \"floor\": 80.0}");
        api("PUT", "/api/indicators/" + id + "/observations/2017-10", "{\"value\": 91.0}");

        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        String versions = "/papers/dashboard/2017-10/versions?directorate=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8);
        open(versions);
        assertThat(browser.findElement(By.id("not-published")).getText()).isEqualTo("Not published yet.");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("Published version 1");
        api("PUT", "/api/indicators/" + id + "/observations/2017-10", "{\"value\": 85.0, \"version\": 0}");
        open(versions);
        submit(By.id("publish-paper"));
        assertThat(page()).contains("Published version 2");

        browser.manage().deleteAllCookies();
        open("/papers");
        browser.findElement(By.partialLinkText(directorate)).click();
        assertThat(browser.findElement(By.cssSelector("#version-2 .changes")).getText())
                .isEqualTo(ref + " Reviews completed on time: figure 91.0% → 85.0%; rating Green → Amber");
        assertThat(browser.findElements(By.id("publish-form"))).as("the public cannot publish").isEmpty();
        browser.findElement(By.cssSelector("#version-1 a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(directorate + " performance dashboard, October 2017");
        assertThat(browser.findElement(By.id("summary-table")).getText()).contains("91.0%", "Green").doesNotContain("85.0%");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('#summary-table .rag-GREEN')).backgroundColor"))
                .as("the paper's own stylesheet applies under the site's content policy").isEqualTo("rgb(204, 226, 216)");
    }

    @Test
    void aPaperWithFindingsGoesOutOnlyWithEachFindingAcceptedAndItsReason() throws Exception {
        String directorate = units.directorate("Browser findings " + System.nanoTime());
        String ref = "BF-" + System.nanoTime() % 100000;
        long id = JsonMapper.builder().build().readTree(api("POST", "/api/indicators", """
                {"ref": "%s", "title": "Reviews completed on time", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "%s", "active": true}""".formatted(ref, directorate))).get("id").asLong();
        api("PUT", "/api/indicators/" + id + "/targets/2017-18", "{\"target\": 90.0, \"floor\": 80.0}");
        api("PUT", "/api/indicators/" + id + "/observations/2017-10", "{\"value\": 88.0}");
        api("PUT", "/api/indicators/" + id + "/observations/2017-11",
                "{\"value\": 85.0, \"commentary\": \"Reviews completed on time rose this month and are above the target.\"}");

        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        open("/papers/dashboard/2017-11/versions?scope=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("findings")).getText()).contains(ref + ", Commentary direction", ref + ", Commentary target");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("The checks found 2 things to look at");
        assertThat(browser.findElement(By.id("not-published")).getText()).isEqualTo("Not published yet.");
        browser.findElement(By.cssSelector("label[for=accept-0]")).click();
        browser.findElement(By.id("why")).sendKeys("The commentary was written before the month's figure came in.");
        submit(By.id("publish-paper"));
        assertThat(page()).as("each finding is accepted, not all at once").contains("1 of them (" + ref + ") is not accepted with a reason");
        assertThat(browser.findElement(By.id("accept-0")).isSelected()).as("the ticks kept").isTrue();
        browser.findElement(By.cssSelector("label[for=accept-1]")).click();
        browser.findElement(By.id("why-1")).sendKeys("The target is corrected in next month's paper");
        submit(By.id("publish-paper"));
        assertThat(page()).contains("Published version 1");
        browser.manage().deleteAllCookies();
        open("/papers/dashboard/2017-11/versions?scope=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.cssSelector("#version-1 .accepted")).getText()).as("the public sees what was accepted and why")
                .isEqualTo("Published with 2 findings of the checks accepted by the publisher, because: The commentary was written before the month's figure came in.");
        assertThat(browser.findElement(By.id("version-1")).getAttribute("textContent")).as("a finding's own reason kept with it")
                .contains("(accepted because: The target is corrected in next month's paper)");
    }

    /** Where the browser is and what it shows: a failure then says which page came instead. */
    private String page() {
        return browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("main")).getText();
    }
}
