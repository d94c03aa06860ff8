package org.oversight.delays;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The performance team loads a month of delayed days, gives the year's population and the target, and reads the month against it. */
@OversightTest
class DelaysBrowserTest extends BrowserTest {

    @Autowired TestUsers users;

    @Test
    void thePerformanceTeamLoadsAMonthSetsThePopulationAndTargetAndReadsTheRateAgainstIt() throws Exception {
        String org = "Browser Trust " + System.nanoTime() % 100000;
        Path csv = Files.createTempFile("delays", ".csv");
        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        Files.writeString(csv, "organisation,period,nhs,social_care,both\n" + org + ",2037-03,200,60,-4\n");
        open("/delays/upload");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("load-delays"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Row 2, column both");
        Files.writeString(csv, "organisation,period,nhs,social_care,both\n" + org + ",2037-03,200,60,4\n");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("load-delays"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Loaded 1 row of delayed days for 1 period");
        open("/delays?month=2037-03");
        assertThat(browser.findElement(By.id("headline")).getText()).contains("264 days delayed", "62 of them (23.5%) are attributable to social care");
        assertThat(browser.findElement(By.id("population-used")).getText()).contains("has not been given");
        browser.findElement(By.id("adults")).sendKeys("10,000");
        browser.findElement(By.id("source")).sendKeys("Test estimate");
        submit(By.id("save-population"));
        browser.findElement(By.id("total")).sendKeys("248");
        submit(By.id("save-targets"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Targets for March 2037 saved");
        String all = browser.findElement(By.id("targets-table")).findElement(By.xpath(".//tr[th[.='All delays']]")).getText();
        assertThat(all).as("days, target, over by, 264 ÷ 31 ÷ 10,000 × 100,000, 248 ÷ 31 ÷ 10,000 × 100,000").isEqualTo("All delays 264 248 +16 85.2 80.0");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/delays.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theWeeklyMonitoringShowsEachSitesWeeksAndWhetherTheLatestImproved() throws Exception {
        String site = "Browser Hospital " + System.nanoTime() % 100000;
        Path csv = Files.createTempFile("weeks", ".csv");
        Files.writeString(csv, "organisation,period,nhs,social_care,both\n" + site + ",2015-11-12,40,10,2\n" + site + ",2015-11-19,35,12,0\n"
                + site + ",2015-11-26,30,8,2\n");
        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        open("/delays/upload");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("load-delays"));
        open("/delays/weeks?to=2015-11-26");
        String row = browser.findElement(By.id("weeks")).findElement(By.xpath(".//tr[th[contains(., '" + site + "')]]")).getText();
        assertThat(row).as("52, 47 and 40 days; 40 after 47 is fewer").contains("52 47 40", "Fewer: improved");
        submit(By.linkText(site));
        assertThat(browser.findElement(By.id("organisation-weeks")).getText()).contains("26 November 2015 30 8 2 40 9 ↓ Fewer: improved", "19 November 2015 35 12 0 47 12 ↓ Fewer: improved",
                "12 November 2015 40 10 2 52 11 –");
        assertThat(browser.findElements(By.cssSelector("#weeks-chart, svg"))).isNotEmpty();
        // Made here too: this test may run first, before the other has made it.
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/delays-site.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
