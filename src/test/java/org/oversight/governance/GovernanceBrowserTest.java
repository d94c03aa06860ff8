package org.oversight.governance;

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

/** A clerk sets up a committee, seats its members, schedules a meeting and builds its agenda; the public reads it without the exempt item. */
@OversightTest
class GovernanceBrowserTest extends BrowserTest {

    @Autowired TestUsers users;

    @Test
    void aClerkBuildsACommitteesAgendaAndThePublicReadsItWithoutTheExemptItem() throws Exception {
        String name = "Health Reform Panel " + System.nanoTime() % 100000;
        signIn(users.with(Role.CLERK), TestUsers.PASSWORD);
        open("/committees");
        browser.findElement(By.id("name")).sendKeys(name);
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Panel");
        browser.findElement(By.id("terms")).sendKeys("To scrutinise the reform of health and social care.");
        submit(By.id("create-committee"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);

        browser.findElement(By.id("name")).sendKeys("Mrs P T Cole");
        browser.findElement(By.id("party")).sendKeys("Conservative");
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("Chairman");
        browser.findElement(By.id("start")).sendKeys("4 5 2017");
        submit(By.id("add-member-button"));
        assertThat(browser.findElement(By.id("member-table")).getText()).contains("Mrs P T Cole Chairman Conservative 4 May 2017");
        browser.findElement(By.id("name")).sendKeys("Mrs P T Cole");
        submit(By.id("add-member-button"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Mrs P T Cole is already a member of " + name);

        browser.findElement(By.id("date")).sendKeys("12 3 2019");
        browser.findElement(By.id("time")).sendKeys("10.00 am");
        browser.findElement(By.id("until")).sendKeys("9.30 am");
        browser.findElement(By.id("location")).sendKeys("Darent Room - Sessions House");
        submit(By.id("schedule"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).as("a meeting ending before it starts").contains("not after it starts at 10:00");
        assertThat(browser.findElement(By.id("location")).getAttribute("value")).as("what was typed is kept").isEqualTo("Darent Room - Sessions House");
        browser.findElement(By.id("until")).clear();
        browser.findElement(By.id("until")).sendKeys("12.30 pm");
        submit(By.id("schedule"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("12 March 2019 at 10:00");
        String meeting = browser.getCurrentUrl().replaceAll("[#?].*", "");

        browser.findElement(By.id("title")).sendKeys("Apologies and Substitutes");
        submit(By.id("add-item-button"));
        new Select(browser.findElement(By.id("section"))).selectByValue("C");
        browser.findElement(By.id("title")).sendKeys("Sale of the Old Mill site");
        browser.findElement(By.cssSelector("label[for=exempt]")).click();
        submit(By.id("add-item-button"));
        assertThat(browser.findElement(By.id("agenda")).findElement(By.xpath("following-sibling::ol")).getText())
                .contains("1 Apologies and Substitutes", "2 Sale of the Old Mill site", "Exempt: not shown to the public");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/agenda-clerk.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.manage().deleteAllCookies();
        browser.get(meeting);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 Apologies and Substitutes").doesNotContain("Old Mill");
        assertThat(browser.findElements(By.id("add-item"))).as("the public cannot change the agenda").isEmpty();
        open("/committees");
        assertThat(browser.findElement(By.id("committee-list")).getText()).contains(name);
    }
}
