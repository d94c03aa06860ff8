package org.oversight.risk;

import java.util.List;

import org.oversight.BrowserTest;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** A risk officer's day in headless Chromium: the register, its heat map, a review and an escalation. */
@OversightTest
class RiskBrowserTest extends BrowserTest {

    static boolean signedIn;

    @Autowired RegisterRepository registers;
    @Autowired TestUsers users;
    @Autowired RegisterImport imports;



    @BeforeEach
    void signInOnce() {
        if (!signedIn) {
            String username = users.with(Role.RISK_TEAM);
            signIn(username, TestUsers.PASSWORD);
            signedIn = true;
        }
    }



    private String freshRisk() {
        return freshRisk("ASCH");
    }

    private String freshRisk(String register) {
        TestUsers.actAs("setup", Role.RISK_TEAM);
        String code = "B" + System.nanoTime() % 10_000_000;
        imports.load(register, ("id,title,current_likelihood,current_impact\n" + code + ",Browser risk,4,4\n").getBytes(StandardCharsets.UTF_8),
                "browser.csv");
        SecurityContextHolder.clearContext();
        return code;
    }

    @Test
    void theCorporateRegisterShowsItsProfileAndHeatMap() {
        open("/risks");
        browser.findElement(By.linkText("Corporate Risk Register")).click();
        assertThat(browser.findElement(By.id("profile-current")).getText()).isEqualTo("Current risk level 0 7 10");
        assertThat(browser.findElement(By.id("profile-target")).getText()).isEqualTo("Target risk level 3 14 0");
        WebElement cell = browser.findElement(By.cssSelector("#heat-current td[data-l='5'][data-i='5']"));
        assertThat(cell.getAttribute("class")).contains("heat-HIGH");
        assertThat(browser.findElements(By.cssSelector("#risks tr[data-risk]"))).hasSize(17);
    }

    @Test
    void aRegistersRisksSortByAColumnAtTheClickOfItsHeader() {
        open("/risks/registers/CORPORATE");
        WebElement current = browser.findElement(By.xpath("//table[@id='risks']//th[.//button[starts-with(normalize-space(.), 'Current')]]"));
        current.findElement(By.tagName("button")).click();
        assertThat(current.getAttribute("aria-sort")).isEqualTo("ascending");
        List<Integer> scores = scores();
        assertThat(scores).hasSize(17).isSorted();
        current.findElement(By.tagName("button")).sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(current.getAttribute("aria-sort")).as("by keyboard too").isEqualTo("descending");
        assertThat(scores()).isSortedAccordingTo(java.util.Comparator.reverseOrder()).containsExactlyInAnyOrderElementsOf(scores);
    }

    private List<Integer> scores() {
        return browser.findElements(By.cssSelector("#risks tbody tr td:nth-child(3)")).stream()
                .map(c -> Integer.valueOf(c.getAttribute("data-sort-value"))).toList();
    }

    @Test
    void aReviewChangesTheRatingAndTheDirection() {
        String code = freshRisk();
        open("/risks/" + code);
        new Select(browser.findElement(By.id("currentLikelihood"))).selectByValue("2");
        browser.findElement(By.id("comment")).sendKeys("New controls in place");
        browser.findElement(By.id("nextReview-day")).sendKeys("31");
        browser.findElement(By.id("nextReview-month")).sendKeys("2");
        browser.findElement(By.id("nextReview-year")).sendKeys("2030");
        submit(By.id("save-review"));
        assertThat(browser.findElement(By.id("nextReview-error")).getText()).contains("'31 2 2030' is not a real date");
        assertThat(browser.findElement(By.id("comment")).getText()).as("what was typed is kept").isEqualTo("New controls in place");
        assertThat(browser.findElement(By.id("nextReview-day")).getAttribute("value")).isEqualTo("31");
        browser.findElement(By.id("nextReview-day")).clear();
        browser.findElement(By.id("nextReview-month")).clear();
        browser.findElement(By.id("nextReview-year")).clear();
        submit(By.id("save-review"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Review of " + code + " saved");
        assertThat(browser.findElement(By.id("current-rating")).getText()).contains("Medium 8", "Unlikely (2)");
        assertThat(browser.findElement(By.id("reviews")).getText()).contains("decreased", "New controls in place");
        List<String> chart = browser.findElements(By.cssSelector("#chart svg text")).stream().map(t -> t.getAttribute("textContent")).toList();
        assertThat(chart).as("the bands named, whole-number ticks, the score at each point").contains("Low", "Medium", "High", "0", "5", "25", "8")
                .noneMatch(t -> t.contains("."));
        assertThat(browser.findElements(By.cssSelector("#chart svg path")).stream().map(p -> p.getAttribute("d")))
                .as("the score holds between reviews: a step line").anyMatch(d -> d.contains(" H") && d.contains(" V"));
        browser.findElement(By.id("history-link")).click();
        assertThat(browser.findElement(By.id("audit")).getText()).contains("Risk " + code + " reviewed: 16 to 8 (decreased)");
    }

    @Test
    void anEscalationMovesTheRiskToTheCorporateRegisterUnderItsOwnCode() {
        String[] h = RiskRegisterTest.hierarchy(registers);
        String code = freshRisk(h[1]);
        open("/risks/" + code);
        new Select(browser.findElement(By.id("register"))).selectByValue(h[0]);
        browser.findElement(By.id("move-reason")).sendKeys("Council-wide impact");
        submit(By.id("move-risk"));
        assertThat(browser.findElement(By.id("movements")).getText()).contains("escalated from", "Council-wide impact");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(code, "Test corporate " + h[0]);
        open("/risks/registers/" + h[1]);
        assertThat(browser.findElement(By.cssSelector(".govuk-breadcrumbs")).getText()).contains("Home", "Risk registers", "Test directorate");
        assertThat(browser.findElement(By.id("moved-out")).getText()).as("the register it left keeps a trace")
                .contains(code, "Escalated to Test corporate " + h[0], "Council-wide impact");
        open("/risks/" + code);
        new Select(browser.findElement(By.id("register"))).selectByValue(h[1]);
        browser.findElement(By.id("move-reason")).sendKeys("Directorate can manage it");
        submit(By.id("move-risk"));
        assertThat(browser.findElement(By.id("movements")).getText()).contains("de-escalated");
    }

    @Test
    void theRiskTeamAddsARiskToARegister() {
        String[] h = RiskRegisterTest.hierarchy(registers);
        open("/risks/registers/" + h[1]);
        submit(By.id("new-risk"));
        submit(By.id("create-risk"));
        assertThat(browser.findElement(By.id("error-summary")).findElements(By.tagName("li"))).extracting(WebElement::getText)
                .containsExactly("Enter a risk code", "Enter a title", "Name at least one risk owner", "Choose the current likelihood",
                        "Choose the current impact");
        String code = "NR" + System.nanoTime() % 100000;
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("title")).sendKeys("Market failure in home care");
        browser.findElement(By.id("owners")).sendKeys("Penny Southern");
        browser.findElement(By.id("type-Operational")).click();
        new Select(browser.findElement(By.id("currentLikelihood"))).selectByValue("4");
        submit(By.id("create-risk"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Choose the current impact");
        assertThat(new Select(browser.findElement(By.id("currentLikelihood"))).getFirstSelectedOption().getText()).contains("(4)");
        assertThat(browser.findElement(By.id("type-Operational")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("owners")).getAttribute("value")).isEqualTo("Penny Southern");
        new Select(browser.findElement(By.id("currentImpact"))).selectByValue("5");
        new Select(browser.findElement(By.id("inherentLikelihood"))).selectByValue("5");
        new Select(browser.findElement(By.id("inherentImpact"))).selectByValue("5");
        submit(By.id("create-risk"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Market failure in home care");
        assertThat(browser.findElement(By.id("current-rating")).getText()).contains("High 20");
        assertThat(browser.findElement(By.id("details")).getText()).contains("New risk").doesNotContain("NEW new risk");
        assertThat(browser.findElement(By.id("inherent-rating")).getText()).contains("High 25", "Very Likely (5)");
        assertThat(browser.findElement(By.id("details")).getText()).contains("Operational", "Penny Southern");
    }

    @Test
    void anActionIsAddedThenCompletedAndTheRegisterCountsIt() {
        String[] h = RiskRegisterTest.hierarchy(registers);
        String code = freshRisk(h[1]);
        open("/risks/" + code);
        browser.findElement(By.id("actionTitle")).sendKeys("Commission extra home care capacity");
        browser.findElement(By.id("actionOwner")).sendKeys("Penny Southern");
        browser.findElement(By.id("due-day")).sendKeys("1");
        browser.findElement(By.id("due-month")).sendKeys("1");
        browser.findElement(By.id("due-year")).sendKeys("2020");
        submit(By.id("add-action"));
        assertThat(browser.findElement(By.id("actions")).getText()).contains("Commission extra home care capacity", "1 January 2020",
                "Outstanding – overdue");
        assertThat(browser.findElement(By.cssSelector("#actions [id^='complete-']")).getAttribute("textContent").replaceAll("\\s+", " ").strip())
                .as("on its own row, named for a screen reader")
                .isEqualTo("Mark completed: Commission extra home care capacity");
        open("/risks/registers/" + h[1]);
        assertThat(browser.findElement(By.id("action-status")).getText()).contains("0 completed, 1 outstanding", "1 overdue");
        open("/risks/" + code);
        submit(By.cssSelector("[id^='complete-']"));
        assertThat(browser.findElement(By.id("actions")).getText()).contains("Completed");
        open("/risks/registers/" + h[1]);
        assertThat(browser.findElement(By.id("action-status")).getText()).contains("1 completed, 0 outstanding");
    }

    @Test
    void risksAreFoundAcrossRegistersByBandOwnerAndOverdueReview() {
        open("/risks");
        new Select(browser.findElement(By.id("f-band"))).selectByValue("HIGH");
        submit(By.id("find-risks"));
        List<WebElement> high = browser.findElements(By.cssSelector("#found tbody tr"));
        assertThat(high).isNotEmpty().allMatch(tr -> tr.findElement(By.cssSelector(".band")).getText().startsWith("High"));
        assertThat(browser.findElement(By.id("found-count")).getText()).isEqualTo(high.size() + " risks");
        open("/risks?register=ASCH&overdue=true");
        assertThat(browser.findElements(By.cssSelector("#found tbody tr"))).isNotEmpty()
                .allMatch(tr -> tr.getText().contains("(overdue)") && tr.getText().contains("Adult Social Care"));
        open("/risks?owner=nobody-owns-this");
        assertThat(browser.findElement(By.id("found-count")).getText()).isEqualTo("0 risks");
    }
}
