package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month's work with JavaScript switched off, start to finish: upload a scorecard, correct a
 * figure on the entry form, publish after the confirmation page, and read the result signed out,
 * on a phone-width screen where the navigation must show without its menu button.
 */
@OversightTest
class NoScriptJourneyBrowserTest extends BrowserTest {

    @Autowired TestIndicators test;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void withoutScript() {
        browser = chromium(false);
    }

    @Test
    void aPerformanceOfficerUploadsCorrectsAndPublishesAMonthAndThePublicReadsItAllWithoutJavaScript() throws Exception {
        YearMonth month = YearMonth.of(2018, 9);
        String directorate = "No script " + System.nanoTime();
        Indicator i = test.higherIsBetter("85.0", "80.0", directorate);
        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.body.classList.contains('js-enabled')"))
                .as("the page's own script did not run").isFalse();

        // Upload: the plain multipart post, previewed then committed.
        Path csv = Files.createTempFile("scorecard", ".csv");
        Files.writeString(csv, "ref,title,value\n" + i.ref() + ",Test,70.0\n");
        open("/import?month=" + month);
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("preview-button"));
        assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("1 row read", "1 new");
        submit(By.id("commit-button"));
        assertThat(observations(i)).containsExactly(new BigDecimal("70.0"));

        // Entry: the figure corrected with a comment.
        open("/entry?month=" + month + "&division=" + i.division().replace(" ", "+"));
        WebElement value = browser.findElement(By.id("value-" + i.id()));
        value.clear();
        value.sendKeys("90.0");
        browser.findElement(By.id("commentary-" + i.id())).sendKeys("Corrected from the case system.");
        submit(By.id("save-figures"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Saved 1 figure for September 2018");
        assertThat(observations(i)).containsExactly(new BigDecimal("90.0"));

        // Publish: asked first, then done.
        open("/dashboard?month=" + month + "&directorate=" + directorate.replace(" ", "+"));
        List<WebElement> sortable = browser.findElements(By.cssSelector("#scorecard th[aria-sort] button"));
        assertThat(sortable).as("no sort buttons without script: the table in the server's order").isEmpty();
        submit(By.id("publish"));
        assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("1 Green, 0 Amber, 0 Red, 0 not rated");
        // The paper's checks: each finding accepted with a reason, as the one act of publishing asks.
        browser.findElements(By.cssSelector("label[for^='accept-']")).forEach(WebElement::click);
        browser.findElements(By.id("why")).forEach(w -> w.sendKeys("Accepted for the test"));
        submit(By.id("confirm-publish"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("is published");

        // The public, on a phone: every navigation link shows, and the published indicator reads as published.
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/dashboard?month=" + month + "&directorate=" + directorate.replace(" ", "+"));
            assertThat(browser.findElement(By.id("navigation")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("menu-toggle")).isDisplayed()).as("no menu button that could not open").isFalse();
            browser.findElement(By.cssSelector("#scorecard tr[data-ref='" + i.ref() + "'] a")).click();
            assertThat(browser.findElement(By.cssSelector("#published tbody")).getText()).contains("September 2018", "90.0%", "Green");
            assertThat(browser.findElement(By.cssSelector("#chart svg")).isDisplayed()).as("the chart is drawn by the server").isTrue();
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    private List<BigDecimal> observations(Indicator i) {
        return jdbc.sql("select value from observation where indicator_id = :i").param("i", i.id()).query(BigDecimal.class).list();
    }
}
