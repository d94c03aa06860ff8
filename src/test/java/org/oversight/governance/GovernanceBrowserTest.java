package org.oversight.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/** A clerk sets up a committee, seats its members, schedules a meeting and builds its agenda; the public reads it without the exempt item. */
@OversightTest
class GovernanceBrowserTest extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired org.oversight.TestUnits units;
    @Autowired JdbcClient jdbc;

    private String api(String method, String path, String json) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Authorization", users.bearer(Role.PERFORMANCE))
                .header("Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return r.body();
    }

    @Test
    void aClerkBuildsACommitteesAgendaAndThePublicReadsItWithoutTheExemptItem() throws Exception {
        String name = "Health Reform Panel " + System.nanoTime() % 100000;
        // A dashboard the performance team has published, for the agenda's standing item.
        String directorate = units.directorate("Panel papers " + System.nanoTime());
        long indicator = tools.jackson.databind.json.JsonMapper.builder().build().readTree(api("POST", "/api/indicators", """
                {"ref": "PP-%d", "title": "Reviews completed on time", "kind": "KPI", "polarity": "HIGHER", "unit": "%%", "decimals": 1,
                 "frequency": "MONTHLY", "directorate": "%s", "active": true}""".formatted(System.nanoTime() % 100000, directorate))).get("id").asLong();
        api("PUT", "/api/indicators/" + indicator + "/targets/2018-19", "{\"target\": 90.0, \"floor\": 80.0}");
        api("PUT", "/api/indicators/" + indicator + "/observations/2019-01", "{\"value\": 91.0}");
        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        open("/papers/dashboard/2019-01/versions?scope=" + java.net.URLEncoder.encode(directorate, java.nio.charset.StandardCharsets.UTF_8));
        submit(By.id("publish-paper"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Published version 1");
        // Governance hears of the paper once its publication is committed: then a standing item can carry it.
        await().until(() -> jdbc.sql("select count(*) from published_paper where kind = 'dashboard' and scope = :s").param("s", directorate)
                .query(Integer.class).single() == 1);
        browser.manage().deleteAllCookies();

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
        new Select(browser.findElement(By.id("section"))).selectByValue("D");
        browser.findElement(By.id("title")).sendKeys("Performance dashboard");
        new Select(browser.findElement(By.id("standing"))).selectByVisibleText("Performance dashboard, " + directorate);
        submit(By.id("add-item-button"));
        assertThat(browser.findElement(By.id("agenda")).findElement(By.xpath("following-sibling::ol")).getText())
                .contains("1 Apologies and Substitutes", "2 Sale of the Old Mill site", "Exempt: not shown to the public",
                        "3 Performance dashboard", "Standing item: " + directorate + " performance dashboard, January 2019 (version 1)");

        browser.findElement(By.linkText("1 Apologies and Substitutes")).click();
        browser.findElement(By.id("from")).sendKeys("Benjamin Watts, General Counsel");
        // The decision is chosen from those on the forward plan, never typed.
        new Select(browser.findElement(By.id("decisionNo"))).selectByValue("19/00011");
        browser.findElement(By.id("summary")).sendKeys("To receive apologies for absence and notification of any substitutes present.");
        submit(By.id("save-report"));
        assertThat(browser.findElement(By.id("cover-sheet")).getText()).contains("Benjamin Watts, General Counsel", "19/00011");
        browser.get(meeting);
        submit(By.id("publish-pack-button"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Published the agenda pack (version 1");

        browser.findElement(By.id("present")).sendKeys("Mrs P T Cole (Chairman)");
        submit(By.id("save-attendance"));
        browser.findElement(By.id("minuteTitle")).sendKeys("Apologies and Substitutes");
        browser.findElement(By.id("resolved")).sendKeys("That no apologies were received.");
        submit(By.id("add-minute-button"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("RESOLVED that");
        browser.findElement(By.id("resolved")).clear();
        browser.findElement(By.id("resolved")).sendKeys("RESOLVED that no apologies were received.");
        submit(By.id("add-minute-button"));
        assertThat(browser.findElement(By.id("minute-list")).getText()).contains("1. Apologies and Substitutes", "RESOLVED that no apologies were received.");
        assertThat(browser.findElement(By.id("minutes-status")).getText()).contains("Draft: to be approved at the next meeting");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/agenda-clerk.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.manage().deleteAllCookies();
        browser.get(meeting);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 Apologies and Substitutes", "RESOLVED that no apologies were received.",
                "Mrs P T Cole (Chairman)").doesNotContain("Old Mill");
        String id = meeting.substring(meeting.lastIndexOf('/') + 1);
        java.net.http.HttpResponse<byte[]> pack = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/meetings/" + id + "/pack.pdf")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pack.statusCode()).as("the public reads the pack").isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pack.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("1 Apologies and Substitutes (Page 2)", "Benjamin Watts, General Counsel",
                    directorate + " performance dashboard, January 2019").doesNotContain("Old Mill");
            assertThat(text).contains("Pack page 1 of " + pdf.getNumberOfPages());
            java.util.List<String> bookmarks = new java.util.ArrayList<>();
            pdf.getDocumentCatalog().getDocumentOutline().children().forEach(b -> bookmarks.add(b.getTitle()));
            assertThat(bookmarks).containsExactly("Agenda", "1 Apologies and Substitutes", "3 Performance dashboard");
            // The dashboard's pages follow the report's: the agenda names where it starts.
            assertThat(text).containsPattern("3 Performance dashboard \\(Pages 3 - " + pdf.getNumberOfPages() + "\\)");
        }
        assertThat(browser.findElements(By.id("add-item"))).as("the public cannot change the agenda").isEmpty();
        open("/committees");
        assertThat(browser.findElement(By.id("committee-list")).getText()).contains(name);
    }

    @Test
    void aClerkPutsAKeyDecisionOnThePlanRecordsItTakenUnderUrgencyAndPublishesItsRecordForThePublic() throws Exception {
        signIn(users.with(Role.CLERK), TestUsers.PASSWORD);
        open("/decisions");
        String subject = "Emergency repairs to Broadmeadow care home " + System.nanoTime() % 100000;
        browser.findElement(By.id("title")).sendKeys(subject);
        browser.findElement(By.id("spend")).sendKeys("£1,250,000");
        submit(By.id("plan-decision"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("is on the forward plan as a key decision");
        String number = browser.findElement(By.cssSelector(".govuk-caption-l")).getText().replace("Key decision ", "");

        browser.findElement(By.id("takenOn")).sendKeys(java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("d M yyyy")));
        submit(By.id("record-taken"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).as("no notice, no urgency").contains("or its urgency recorded");
        browser.findElement(By.id("urgency")).sendKeys("The roof failed in a storm and residents could not stay.");
        submit(By.id("record-taken"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Taken");
        browser.findElement(By.id("decision")).sendKeys("Repair the roof at once.");
        browser.findElement(By.id("reasons")).sendKeys("The residents' safety.");
        browser.findElement(By.id("signedBy")).sendKeys("Mr P Oakford");
        browser.findElement(By.id("signedOn")).sendKeys(java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("d M yyyy")));
        submit(By.id("publish-record-button"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Record of decision published");

        browser.manage().deleteAllCookies();
        open("/decisions");
        assertThat(browser.findElement(By.id("taken-table")).getText()).as("with the decisions taken, not those ahead").contains(number + " " + subject);
        browser.findElement(By.linkText(number)).click();
        assertThat(browser.findElement(By.id("record")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Repair the roof at once.", "The residents' safety.",
                "The roof failed in a storm and residents could not stay.", "Mr P Oakford");
        assertThat(browser.findElements(By.id("publish-record"))).isEmpty();
    }
}
