package org.oversight.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A finance officer loads next year's rates, gives the pay award and CPI, approves the schedule with its decision and publishes it. */
@OversightTest
class RatesBrowserTest extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void aFinanceOfficerApprovesAScheduleWithTheDecisionThatApprovedItAndPublishesItAsTheCommitteesAppendix() throws Exception {
        int start = 2195 + (int) (System.nanoTime() % 3);
        jdbc.sql("delete from rate_schedule where year = :y").param("y", start).update();
        String year = start + "-" + String.format("%02d", (start + 1) % 100);
        String decision = "87/" + String.format("%05d", System.nanoTime() % 100_000);
        jdbc.sql("delete from decision_outcome where decision_id in (select id from decision where number = :n)").param("n", decision).update();
        jdbc.sql("delete from decision where number = :n").param("n", decision).update();
        jdbc.sql("insert into decision (number, title, maker, is_key, several_divisions, status) values (:n, 'Rates and charges', 'CABINET_MEMBER', true, true, 'TO_COMMITTEE')")
                .param("n", decision).update();
        Path csv = Files.createTempFile("rates", ".csv");
        Files.writeString(csv, """
                id,item,unit,current,basis,formula,multiple,proposed,notes
                meal,Meal charge,per meal,4.05,CPI,,,4.15,
                snacks,Meals and snacks,per meal,5.05,FORMULA,meal + 1,,5.15,Same as hot meal + £1
                fee,Administration fee for self-funders,flat rate,106.91,PAY,,,109.80,
                pfi,PFI scheme,per week,15.58,CPI,,-0.02,,Must divide by 2
                """);
        signIn(users.with(Role.FINANCE_OFFICER), TestUsers.PASSWORD);
        open("/rates");
        browser.findElement(By.id("year")).clear();
        browser.findElement(By.id("year")).sendKeys(year);
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("load-rates"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Row 5, column multiple");
        Files.writeString(csv, Files.readString(csv).replace("-0.02", "0.02"));
        browser.findElement(By.id("year")).clear();
        browser.findElement(By.id("year")).sendKeys(year);
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("load-rates"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Loaded 4 rates for " + year);
        assertThat(browser.findElement(By.id("rate-meal")).getText()).as("no CPI yet: nothing worked out").contains("Not yet");
        assertThat(browser.findElements(By.id("approval"))).as("nothing to approve until every rate is worked out").isEmpty();

        browser.findElement(By.id("pay")).sendKeys("2.8");
        browser.findElement(By.id("paySource")).sendKeys("Confirmed by the council in February");
        browser.findElement(By.id("cpi")).sendKeys("2.4");
        browser.findElement(By.id("cpiSource")).sendKeys("CPI at September");
        submit(By.id("save-uplift"));
        assertThat(browser.findElement(By.id("rate-snacks")).getText()).as("4.05 + 2.4% is 4.15; + £1").contains("5.05 FORMULA meal + 1 5.15 5.15");
        assertThat(browser.findElement(By.id("rate-pfi")).getText()).as("15.58 + 2.4% = 15.954, to a multiple of 2p").contains("15.96 As worked out");
        assertThat(browser.findElement(By.id("rate-fee")).getText()).contains("109.90 109.80", "Differs from its basis");

        // The proposal goes to the committee first: its one figure that is not its basis is a finding, published only with a reason.
        submit(By.id("paper-link"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Proposed rates and charges " + year);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('input[name=seen]').remove()");
        submit(By.id("publish-paper"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).as("a form that does not say which draft was read publishes nothing")
                .contains("did not say which draft");
        browser.findElement(By.cssSelector("label[for=accept-0]")).click();
        browser.findElement(By.id("why")).sendKeys("The fee is £2.11 a week for 52 weeks, rounded down");
        submit(By.id("publish-paper"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Published version 1 of Proposed rates and charges " + year);
        open("/papers/rates/" + start + "-04");
        assertThat(browser.findElement(By.id("table-rates")).getText()).contains("Administration fee for self-funders flat rate 106.91 109.80 +2.7% Pay award 2.8% Its basis gives 109.90");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Proposed, for decision", "fee, Rate disagrees: Administration fee for self-funders is proposed at 109.80; its basis (Pay award 2.8%) gives 109.90");
        open("/rates/" + year);

        browser.findElement(By.id("decision")).sendKeys(decision);
        browser.findElement(By.id("effective-day")).sendKeys("9");
        browser.findElement(By.id("effective-month")).sendKeys("4");
        browser.findElement(By.id("effective-year")).sendKeys(Integer.toString(start));
        submit(By.id("approve"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).as("the reason comes first").contains("Say why Administration fee for self-funders");
        browser.findElement(By.id("reason-fee")).sendKeys("Rounded to £2.11 a week for 52 weeks");
        submit(By.id("approve"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Decision " + decision + " has not been taken");
        assertThat(browser.findElement(By.id("reason-fee")).getAttribute("value")).as("what was typed is kept").isEqualTo("Rounded to £2.11 a week for 52 weeks");

        jdbc.sql("update decision set status = 'TAKEN', taken_on = :t where number = :n").param("t", java.time.LocalDate.of(start, 3, 20)).param("n", decision).update();
        submit(By.id("approve"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Approved");
        assertThat(browser.findElement(By.id("effective-from")).getText()).isEqualTo("9 April " + start);
        assertThat(browser.findElement(By.id("rate-fee")).getText()).contains("Approved as proposed because: Rounded to £2.11 a week for 52 weeks");
        assertThat(browser.findElements(By.id("approval"))).as("an approved schedule has no forms").isEmpty();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/rates-approved.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // The decision's page links to the rates once governance has followed the approval, after its commit.
        await().until(() -> jdbc.sql("select count(*) from decision_outcome o join decision d on d.id = o.decision_id where d.number = :n")
                .param("n", decision).query(Integer.class).single() == 1);
        submit(By.id("decision-link"));
        assertThat(browser.findElement(By.id("outcomes")).getText()).contains("Rates and charges " + year + ", taking effect on 9 April " + start);
        open("/rates/" + year);
        submit(By.id("paper-link"));
        submit(By.id("publish-paper"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Published version 2 of Rates and charges " + year);
        assertThat(browser.findElement(By.tagName("main")).getText()).as("what changed from the proposal")
                .contains("status The schedule: status proposed → approved by decision " + decision + "; takes effect when approved → 9 April " + start);

        browser.manage().deleteAllCookies();
        open("/decisions/" + decision);
        assertThat(browser.findElement(By.id("outcomes")).findElement(By.tagName("a")).getText()).as("the public reads what the decision approved, as published")
                .startsWith("Rates and charges " + year);
        open("/papers/rates/" + start + "-04");
        String paper = browser.findElement(By.tagName("body")).getText();
        assertThat(paper).contains("Published:", "Approved by decision " + decision + ". The rates take effect from 9 April " + start,
                "the pay award of 2.8% (Confirmed by the council in February)", "Approved as proposed; its basis gives 109.90. Why: Rounded to £2.11 a week for 52 weeks");
        assertThat(browser.findElement(By.id("table-rates")).getText()).as("item, unit, the year before, approved, change, basis")
                .contains("Meals and snacks per meal 5.05 5.15 +2.0% Formula: meal + 1 (meal: Meal charge)", "PFI scheme per week 15.58 15.96 +2.4% CPI 2.4%, rounded to a multiple of 0.02");
        Files.write(Path.of("target/screenshots/rates-paper.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        HttpClient anyone = HttpClient.newHttpClient();
        HttpResponse<String> table = anyone.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/papers/rates/" + start + "-04/v2/tables/rates.csv"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).contains("Administration fee for self-funders,flat rate,106.91,109.80,", "2.7%", "Why: Rounded to £2.11 a week for 52 weeks");
        HttpResponse<byte[]> pdf = anyone.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/papers/rates/" + start + "-04.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
