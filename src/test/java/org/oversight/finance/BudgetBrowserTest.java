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
        assertThat(row).as("budget, variance, revised, last reported, movement").contains(d + " 99 3.7 – 3.7 3.1 0.6");

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
        assertThat(row).contains(d + " 99 3.2 – 3.2 3.1 0.1");
        Files.write(Path.of("target/screenshots/budget-position.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
