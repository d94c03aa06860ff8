package org.oversight.finance;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A finance officer loads a month's monitoring file, enters a forecast, and reads the directorate position move. */
@OversightTest
class BudgetBrowserTest extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired BudgetImport imports;

    @Test
    void aFinanceOfficerLoadsTheMonthEntersAForecastAndReadsThePosition() throws Exception {
        String d = "Browser Directorate " + System.nanoTime() % 100000;
        Path csv = Files.createTempFile("budget", ".csv");
        Files.writeString(csv, """
                heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,last_reported,comment
                Nursing %1$s,%1$s,172.5,-91.5,81.0,4.0,3.3,More placements
                Day care %1$s,%1$s,20.0,-2.0,18.0,-0.3,-0.2,Fewer sessions
                """.formatted(d));
        signIn(users.with(Role.FINANCE_OFFICER), TestUsers.PASSWORD);
        open("/budget/upload");
        browser.findElement(By.id("month")).sendKeys("2032-06");
        new Select(browser.findElement(By.id("unit"))).selectByVisibleText("£m");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("load-budget"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).as("the book is not set yet").contains("There is no heading");

        assertThat(browser.findElement(By.id("month")).getDomProperty("value")).as("what was typed comes back").isEqualTo("2032-06");
        new Select(browser.findElement(By.id("unit"))).selectByVisibleText("£m");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.cssSelector("label[for=setsBook]")).click();
        submit(By.id("load-budget"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Loaded 2 lines for June 2032");
        String row = browser.findElement(By.id("position")).findElement(By.xpath(".//tr[th[contains(., '" + d + "')]]")).getText();
        assertThat(row).as("budget, variance, revised, last reported, movement").contains(d + " 99.000 3.700 – 3.700 3.100 0.600");

        submit(By.linkText(d));
        submit(By.linkText("Nursing " + d));
        browser.findElement(By.id("varianceNet")).clear();
        browser.findElement(By.id("varianceNet")).sendKeys("3,500");
        browser.findElement(By.id("comment")).clear();
        browser.findElement(By.id("comment")).sendKeys("Placements fell in May.");
        submit(By.id("save-forecast"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Forecast saved");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/budget-line.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        open("/budget?month=2032-06");
        row = browser.findElement(By.id("position")).findElement(By.xpath(".//tr[th[contains(., '" + d + "')]]")).getText();
        assertThat(row).contains(d + " 99.000 3.200 – 3.200 3.100 0.100");
        Files.write(Path.of("target/screenshots/budget-position.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aFinanceOfficerWritesTheNarrativeReadsTheReportItsChecksFindNothingAndThePublicReadsItPublished() throws Exception {
        java.time.YearMonth month = java.time.YearMonth.of(2025, 7);
        String d = "Report Directorate " + System.nanoTime() % 100000;
        imports.load(month, BudgetImport.Unit.MILLIONS, """
                heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,adjustment,last_reported,comment
                Nursing %1$s,%1$s,72.5,-5.9,66.6,1.8,-0.3,1.2,Higher demand
                Home care %1$s,%1$s,32.0,-5.8,26.2,0.2,,0.4,
                """.formatted(d).getBytes(java.nio.charset.StandardCharsets.UTF_8), true, null, "officer");
        imports.load(month, BudgetImport.Unit.MILLIONS, """
                directorate,scheme,approved_cost,previous_spend,spend_to_date,budget,real_variance,rephasing_variance,delayed,funding
                %1$s,Day centre,4,1,0.5,2,0.3,-0.8,yes,Grant: 4
                %1$s,Care home,10,2,1,5,0,0,no,Borrowing: 10
                """.formatted(d).getBytes(java.nio.charset.StandardCharsets.UTF_8), false, null, "officer");

        signIn(users.with(Role.FINANCE_OFFICER), TestUsers.PASSWORD);
        open("/budget?month=2025-07");
        submit(By.linkText(d));
        browser.findElement(By.id("reasons")).sendKeys("Nursing placements rose by 12 in June.");
        browser.findElement(By.id("actions")).sendKeys("Review every new placement at panel.");
        submit(By.id("save-narrative"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Narrative saved");
        assertThat(browser.findElement(By.id("narrative-text")).getText()).contains("Actions required", "Review every new placement at panel.");

        open("/papers");
        new Select(browser.findElement(By.id("kind"))).selectByValue("budget");
        browser.findElement(By.id("period")).sendKeys("July 2025");
        submit(By.id("open"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Revenue and capital budget monitoring, July 2025");
        assertThat(browser.findElement(By.id("no-findings")).getText()).as("every table adds up as printed").contains("The checks found nothing");
        submit(By.id("publish-paper"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Published version 1 of Revenue and capital budget monitoring, July 2025");

        browser.manage().deleteAllCookies();
        open("/papers/budget/2025-07");
        String paper = browser.findElement(By.tagName("body")).getText();
        assertThat(paper).contains("Published:", d, "Nursing placements rose by 12 in June.", "Day centre", "Red");
        assertThat(browser.findElement(By.id("table-revenue")).getText()).as("Table 1: the directorate's gross, income and net, variance, adjustment, revised, last reported, movement")
                .contains(d + " 104.500 -11.700 92.800 2.000 -0.300 1.700 1.600 0.100");
        assertThat(browser.findElement(By.id("table-pressures")).getText()).as("each pressure with its reason").contains("Nursing " + d, "Higher demand");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/budget-report.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aFinanceOfficerTypesASchemesMonthOnTheCapitalPageAndReadsItsStatusAndMovement() throws Exception {
        java.time.YearMonth august = java.time.YearMonth.of(2036, 8);
        String d = "Capital Browser " + System.nanoTime() % 100000;
        imports.load(august, BudgetImport.Unit.MILLIONS, """
                directorate,scheme,approved_cost,previous_spend,spend_to_date,budget,later_years,real_variance,rephasing_variance,delayed,funding
                %1$s,Library refit,4,1,0.5,2,1,0,0,no,Grant: 4
                """.formatted(d).getBytes(java.nio.charset.StandardCharsets.UTF_8), false, null, "officer");
        signIn(users.with(Role.FINANCE_OFFICER), TestUsers.PASSWORD);
        open("/budget/capital?month=2036-09");
        assertThat(browser.findElement(By.id("no-capital")).getText()).contains("No capital monitoring");
        open("/budget/capital?month=2036-08");
        submit(By.linkText("Library refit"));
        assertThat(browser.findElement(By.id("scheme-status")).getText()).contains("Green");
        // September, typed: the form starts from August's figures.
        browser.get(browser.getCurrentUrl().replace("month=2036-08", "month=2036-09"));
        assertThat(browser.findElement(By.id("no-position")).getText()).contains("the form starts from August 2036");
        browser.findElement(By.id("real")).clear();
        browser.findElement(By.id("real")).sendKeys("a lot");
        submit(By.id("save-capital"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("not a number");
        assertThat(browser.findElement(By.id("real")).getDomProperty("value")).as("what was typed comes back").isEqualTo("a lot");
        browser.findElement(By.id("real")).clear();
        browser.findElement(By.id("real")).sendKeys("250");
        browser.findElement(By.id("rephasing")).clear();
        browser.findElement(By.id("rephasing")).sendKeys("-1,200");
        browser.findElement(By.cssSelector("label[for=delayed-yes]")).click();
        browser.findElement(By.id("comment")).sendKeys("Contractor went into administration.");
        submit(By.id("save-capital"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Capital forecast saved for Library refit");
        assertThat(browser.findElement(By.id("scheme-status")).getText()).as("delayed and over budget").contains("Red");
        assertThat(browser.findElement(By.id("scheme-real")).getText()).as("the movement from August's 0").contains("0.250 (0.250 since last reported)");
        assertThat(browser.findElement(By.id("scheme-forecast")).getText()).as("2m budget + 0.25m − 1.2m").contains("1.050");
        assertThat(browser.findElement(By.id("delayed-yes")).isSelected()).as("the radio drawn as saved").isTrue();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/budget-scheme.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        open("/budget/capital?month=2036-09");
        assertThat(browser.findElement(By.id("headline-list")).getText()).as("a real movement over £0.1m is a headline").contains("Library refit");
    }
}
