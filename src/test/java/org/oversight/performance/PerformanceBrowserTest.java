package org.oversight.performance;

import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.support.ui.Select;
import org.oversight.BrowserTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;
import org.oversight.OversightTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What a performance officer does in the browser, in headless Chromium. */
@OversightTest
class PerformanceBrowserTest extends BrowserTest {


    @Autowired TestIndicators test;
    @Autowired JdbcClient jdbc;
    @Autowired ObservationRepository observations;
    @Autowired TestUsers users;
    static boolean signedIn;

    /** The whole class works as a member of the performance team, signed in once through the form. */
    @BeforeEach
    void signInOnce() {
        if (!signedIn) {
            String username = users.with(Role.PERFORMANCE);
            signIn(username, TestUsers.PASSWORD);
            assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();
            signedIn = true;
        }
    }





    @Test
    void theDashboardShowsTheMonthsRatingsAndFlagsAContradictedRating() {
        open("/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("January 2019");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("20 measures", "applies to 13");
        WebElement seven = browser.findElement(By.cssSelector("#scorecard tr[data-ref='7']"));
        assertThat(seven.findElement(By.cssSelector(".rag")).getText()).isEqualTo("Amber");
        browser.findElement(By.cssSelector("footer a[href$='/glossary']")).click();
        assertThat(browser.findElement(By.id("floor")).getText()).contains("Floor standard", "Red");
        open("/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health");
        seven = browser.findElement(By.cssSelector("#scorecard tr[data-ref='7']"));
        assertThat(seven.findElement(By.cssSelector(".mismatch")).getText()).isEqualTo("The council's paper rated it Green; its figures give Amber.");
    }

    @Test
    void anIndicatorPageShowsThirteenMonthsAChartAndCommentary() {
        open("/dashboard?month=2019-01");
        browser.findElement(By.cssSelector("#scorecard tr[data-ref='8'] a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("permanent residential care");
        assertThat(browser.findElement(By.cssSelector(".govuk-breadcrumbs")).getText()).contains("Home", "Indicators", "8");
        List<WebElement> months = browser.findElements(By.cssSelector("#grid thead th"));
        assertThat(months).hasSize(13);
        assertThat(months.get(12).getText()).isEqualTo("Jan-19");
        assertThat(browser.findElement(By.cssSelector("#chart svg title")).getAttribute("textContent")).contains("trend");
        List<String> chartText = browser.findElements(By.cssSelector("#chart svg text")).stream().map(t -> t.getAttribute("textContent")).toList();
        assertThat(chartText).as("each figure's rating as a letter").containsAnyOf("G", "A", "R");
        assertThat(browser.findElement(By.cssSelector("#chart svg text[transform]")).getAttribute("textContent")).as("the unit up the axis").isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".commentary"))).isNotEmpty();
    }

    @Test
    void fromTheDashboardStaffOpenItsPaperAsADraft() {
        open("/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health");
        assertThat(browser.findElement(By.id("paper-pdf")).getAttribute("href")).endsWith("/papers/dashboard/2019-01/draft.pdf?directorate=Adult%20Social%20Care%20and%20Health");
        browser.findElement(By.id("paper-html")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Adult Social Care and Health performance dashboard, January 2019");
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).startsWith("Draft: not published");
        assertThat(browser.findElements(By.cssSelector(".toc li"))).hasSizeGreaterThan(10);
    }

    @Test
    void enteringAFigureChangesTheRating() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        open("/entry?month=2018-12&division=" + i.division().replace(" ", "+"));
        assertThat(browser.findElement(By.cssSelector("label[for=numerator-" + i.id() + "]")).isDisplayed()).as("a visible label").isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for=denominator-" + i.id() + "]")).getText()).startsWith("Denominator");
        assertThat(browser.findElement(By.id("commentary-" + i.id())).getAttribute("rows")).isEqualTo("5");
        WebElement value = browser.findElement(By.id("value-" + i.id()));
        value.sendKeys("70.0");
        submit(By.id("save-figures"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Saved 1 figure for December 2018.");
        assertThat(browser.findElement(By.cssSelector("#entry-" + i.id() + " .rag")).getText()).isEqualTo("Red");

        value = browser.findElement(By.id("value-" + i.id()));
        value.clear();
        value.sendKeys("85.0");
        submit(By.id("save-figures"));
        assertThat(browser.findElement(By.cssSelector("#entry-" + i.id() + " .rag")).getText()).isEqualTo("Green");
    }

    @Test
    void aNonNumberInTheFormIsAnErrorOnThatField() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        open("/entry?month=2018-12&division=" + i.division().replace(" ", "+"));
        browser.findElement(By.id("value-" + i.id())).sendKeys("lots");
        submit(By.id("save-figures"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains(i.ref() + " figure: 'lots' is not a number");
        assertThat(browser.findElement(By.id("value-" + i.id())).getAttribute("value")).isEqualTo("lots");
    }

    @Test
    void uploadingACsvWithABadCellShowsTheRowAndColumnAndLoadsNothing() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        Path csv = Files.createTempFile("scorecard", ".csv");
        Files.writeString(csv, "ref,title,value\n" + i.ref() + ",Test,80.0\n" + i.ref() + "-X,Other,n0pe\n");
        open("/import");
        browser.findElement(By.id("import-month")).sendKeys("");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("preview-button"));
        assertThat(browser.findElement(By.id("import-error")).getText()).isEqualTo("Row 3, column value: 'n0pe' is not a number");
        assertThat(browser.findElements(By.id("commit-button"))).as("nothing to confirm").isEmpty();
        assertThat(jdbc.sql("select count(*) from observation where indicator_id = :i").param("i", i.id()).query(Integer.class).single())
                .as("the good row 2 was not stored either").isZero();
    }

    @Test
    void aFiguresFileOfSeveralMonthsIsCheckedThenLoaded() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        Path csv = Files.createTempFile("figures", ".csv");
        Files.writeString(csv, "ref,period,value\n" + i.ref() + ",2018-04,80.0\n" + i.ref() + ",2018-05,81.0\n" + i.ref() + ",2018-06,\n");
        open("/import");
        browser.findElement(By.id("figures-link")).click();
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("preview-button"));
        assertThat(browser.findElement(By.id("new")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("skipped")).getText()).isEqualTo("1");
        assertThat(jdbc.sql("select count(*) from observation where indicator_id = :i").param("i", i.id()).query(Integer.class).single())
                .as("checking stores nothing").isZero();
        submit(By.id("commit-button"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("2 new");
        assertThat(jdbc.sql("select count(*) from observation where indicator_id = :i").param("i", i.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aLargeFileShowsHowMuchHasBeenSentThenTheRowsItRead() throws Exception {
        StringBuilder rows = new StringBuilder("ref,period,value,commentary\n");
        String words = "Figures checked against the case-management system extract. ".repeat(12);
        for (int n = 0; n < 3; n++) {
            Indicator i = test.higherIsBetter("85.0", null);
            for (YearMonth m = YearMonth.of(1990, 1); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
                rows.append(i.ref()).append(',').append(m).append(",80.0,").append(words).append('\n');
            }
        }
        Path csv = Files.createTempFile("figures", ".csv");
        Files.writeString(csv, rows);
        open("/import/figures");
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput(300 * 1024);
        slow.setDownloadThroughput(10 * 1024 * 1024);
        ((HasNetworkConditions) browser).setNetworkConditions(slow);
        try {
            browser.findElement(By.id("file")).sendKeys(csv.toString());
            browser.findElement(By.id("preview-button")).click();
            WebElement status = browser.findElement(By.id("upload-status"));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> status.getText().matches("Uploading figures.*\\.csv: [0-9]+% of [0-9]+ KB"));
            assertThat(browser.findElement(By.id("preview-button")).isEnabled()).as("not sent twice").isFalse();
        } finally {
            ((HasNetworkConditions) browser).deleteNetworkConditions();
        }
        WebElement read = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("rows")));
        assertThat(read.getText()).isEqualTo("1,296");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Check before loading");
    }

    @Test
    void uploadingAGoodCsvPreviewsThenLoadsIt() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        Path csv = Files.createTempFile("scorecard", ".csv");
        Files.writeString(csv, "ref,title,value\n" + i.ref() + ",Test,88.0\n");
        open("/import?month=2018-12");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("preview-button"));
        assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("1 new");
        submit(By.id("commit-button"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("December 2018");
        open("/dashboard?month=2018-12&division=" + i.division().replace(" ", "+"));
        assertThat(browser.findElement(By.cssSelector("#scorecard tr[data-ref='" + i.ref() + "'] .rag")).getText()).isEqualTo("Green");

        Files.writeString(csv, "ref,title,value\n" + i.ref() + ",Test,80.0\n");
        open("/import?month=2018-12");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(By.id("preview-button"));
        assertThat(browser.findElement(By.cssSelector(".rating-change")).getText()).as("how the rating would change").isEqualTo("Green → Amber");
    }

    @Test
    void anOfficerDefinesAnIndicatorWithATargetAndAFloorAsAPercentage() {
        open("/indicators");
        browser.findElement(By.id("new-indicator")).click();
        browser.findElement(By.id("ref")).sendKeys("2");
        browser.findElement(By.id("title")).sendKeys("A duplicate reference");
        submit(By.id("save"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("already exists");

        String ref = "BRW-" + System.nanoTime() % 1_000_000;
        WebElement refBox = browser.findElement(By.id("ref"));
        refBox.clear();
        refBox.sendKeys(ref);
        browser.findElement(By.id("unit")).clear();
        browser.findElement(By.id("unit")).sendKeys("%");
        new Select(browser.findElement(By.id("polarity"))).selectByValue("HIGHER");
        submit(By.id("save"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("A duplicate reference");

        browser.findElement(By.id("year")).clear();
        browser.findElement(By.id("year")).sendKeys("2018-19");
        browser.findElement(By.id("target")).sendKeys("85.0");
        browser.findElement(By.id("floorPercent")).sendKeys("90");
        submit(By.cssSelector("#target-form button"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Targets for 2018-19 saved");
        open("/indicators?archived=false");
        assertThat(browser.findElement(By.id("catalogue")).getText()).contains(ref);
    }

    @Test
    void aPhasedTargetOutsideTheFinancialYearIsRefused() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        open("/indicators/" + i.id() + "?month=2019-01");
        browser.findElement(By.id("phaseYear")).clear();
        browser.findElement(By.id("phaseYear")).sendKeys("2018-19");
        browser.findElement(By.id("period")).sendKeys("2019-06");
        browser.findElement(By.id("phaseTarget")).sendKeys("80");
        submit(By.cssSelector("#phase-form button"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("outside the financial year 2018-19");
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedWithAClearMessage() throws Exception {
        Path big = Files.createTempFile("too-big", ".csv");
        Files.write(big, new byte[11 * 1024 * 1024]);
        open("/import?month=2018-12");
        browser.findElement(By.id("file")).sendKeys(big.toString());
        submit(By.id("preview-button"));
        assertThat(browser.findElement(By.id("import-error")).getText()).contains("11.0 MB", "at most 10 MB");
    }

    @Test
    void theIndicatorFormListsEveryErrorAtOnceAndKeepsWhatWasTyped() {
        open("/indicators/new");
        browser.findElement(By.id("decimals")).clear();
        browser.findElement(By.id("decimals")).sendKeys("two");
        browser.findElement(By.id("unit")).clear();
        submit(By.id("save"));
        assertThat(browser.findElement(By.id("error-summary")).findElements(By.tagName("li"))).extracting(WebElement::getText)
                .containsExactly("Enter a reference", "Enter a title", "Enter the unit, such as count or %",
                        "Decimal places: 'two' is not a whole number");
        assertThat(browser.findElement(By.id("decimals")).getAttribute("value")).isEqualTo("two");
    }

    @Test
    void theIndicatorFormsTickBoxesShowTheirStateAndUntickingActiveArchives() {
        Indicator i = test.higherIsBetter("85.0", null);
        open("/indicators/" + i.id() + "/edit");
        WebElement active = browser.findElement(By.id("active"));
        assertThat(active.isSelected()).as("an active indicator's box is ticked").isTrue();
        assertThat(browser.findElement(By.id("inQpr")).isSelected()).isFalse();
        // GOV.UK draws the tick from the box's own label, which must follow it directly.
        for (String box : List.of("active", "inQpr", "inDivmt")) {
            assertThat(browser.findElement(By.cssSelector("#" + box + " + label")).getAttribute("for")).isEqualTo(box);
        }
        browser.findElement(By.cssSelector("label[for=inQpr]")).click();
        browser.findElement(By.cssSelector("label[for=active]")).click();
        submit(By.id("save"));
        Indicator saved = jdbc.sql("select * from indicator where id = :id").param("id", i.id()).query(IndicatorRepository::map).single();
        assertThat(saved.inQpr()).isTrue();
        assertThat(saved.active()).as("unticking Active archives it").isFalse();
        open("/indicators/" + i.id() + "/edit");
        assertThat(browser.findElement(By.id("active")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("inQpr")).isSelected()).isTrue();
    }

    @Test
    void aMonthIsReadAsStaffWriteItAndAnUnreadableOneIsNamed() {
        open("/dashboard?month=January+2019&directorate=Adult+Social+Care+and+Health");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("January 2019");
        open("/dashboard?month=garbage");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("'garbage' is not a month: write it as January 2019 or 2019-01");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("There is a problem");
        assertThat(browser.getTitle()).isEqualTo("There is a problem – Oversight");
    }

    @Test
    void sendingTheEntryPageBackUnchangedSavesNothingEvenWithCommentaryOnSeveralLines() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        observations.saveAll(List.of(new ObservationRepository.Edit(i.id(), YearMonth.of(2018, 12), new BigDecimal("80.0"), null, null,
                false, "First line.\nSecond line.", null, null)), "Kent County Council (published paper)");
        open("/entry?month=2018-12&division=" + i.division().replace(" ", "+"));
        submit(By.id("save-figures"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Nothing had changed, so nothing was saved.");
        assertThat(observations.find(i.id(), YearMonth.of(2018, 12)).orElseThrow().version()).isZero();
    }

    @Test
    void aTargetFormWithAMistakeShowsItAtTheBoxAndKeepsWhatWasTyped() {
        Indicator i = test.higherIsBetter("85.0", null);
        open("/indicators/" + i.id() + "?month=2019-01");
        browser.findElement(By.id("target")).sendKeys("eighty");
        browser.findElement(By.id("floor")).sendKeys("70");
        submit(By.cssSelector("#target-form button"));
        assertThat(browser.findElement(By.id("target-error")).getText()).contains("'eighty' is not a number");
        assertThat(browser.findElement(By.id("target")).getAttribute("value")).isEqualTo("eighty");
        assertThat(browser.findElement(By.id("floor")).getAttribute("value")).isEqualTo("70");
    }

    @Test
    void publishingAsksFirstShowingTheCountsAndTheRedsNobodyHasExplained() {
        String directorate = "Publishing test " + System.nanoTime();
        Indicator i = test.higherIsBetter("85.0", "80.0", directorate);
        observations.saveAll(List.of(new ObservationRepository.Edit(i.id(), YearMonth.of(2018, 12), new BigDecimal("70.0"), null, null,
                false, null, null, null)), "test");
        open("/dashboard?month=2018-12&directorate=" + directorate.replace(" ", "+"));
        submit(By.id("publish"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Publish the December 2018 dashboard for " + directorate);
        assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("0 Green, 0 Amber, 1 Red, 0 not rated");
        assertThat(browser.findElement(By.id("unexplained")).getText()).contains("1 Red indicator has no commentary", i.ref());
        assertThat(jdbc.sql("select count(*) from publication where directorate = :d").param("d", directorate).query(Long.class).single())
                .as("nothing is published by asking").isZero();
        // The paper's checks: each finding accepted with a reason, as the one act of publishing asks.
        browser.findElements(By.cssSelector("label[for^='accept-']")).forEach(WebElement::click);
        browser.findElements(By.id("why")).forEach(w -> w.sendKeys("Accepted for the test"));
        submit(By.id("confirm-publish"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("December 2018 dashboard is published");
        assertThat(browser.findElement(By.id("published")).getText()).contains("the ratings shown are those published");

        // Signed out, the public follows the indicator from the published dashboard to its page and chart.
        browser.manage().deleteAllCookies();
        signedIn = false;
        open("/dashboard?month=2018-12&directorate=" + directorate.replace(" ", "+"));
        browser.findElement(By.cssSelector("#scorecard tr[data-ref='" + i.ref() + "'] a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(i.title());
        assertThat(browser.findElement(By.cssSelector("#published tbody")).getText()).contains("December 2018", "70.0%", "85.0%", "80.0%", "Red",
                "70.0% is below the floor 80.0%");
        assertThat(browser.findElements(By.cssSelector("#chart svg circle[r='5']")).stream().map(c -> c.getAttribute("fill")).toList())
                .as("the figure drawn in its rating's colour").containsExactly("#d4351c");
    }

    @Test
    void theCatalogueFindsIndicatorsByWordsDirectorateKindAndReport() {
        open("/indicators");
        int all = browser.findElements(By.cssSelector("#catalogue tbody tr")).size();
        browser.findElement(By.id("q")).sendKeys("delayed transfers");
        submit(By.id("apply-filter"));
        List<String> found = browser.findElements(By.cssSelector("#catalogue tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
        assertThat(found).isNotEmpty().allMatch(t -> t.toLowerCase().contains("delayed transfers"));
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("Showing " + found.size() + " of " + all + " indicators");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("delayed transfers");
        open("/indicators?kind=ACTIVITY&directorate=Adult+Social+Care+and+Health");
        assertThat(browser.findElements(By.cssSelector("#catalogue tbody tr td:nth-child(3)"))).isNotEmpty()
                .allMatch(td -> td.getText().equals("Activity"));
        open("/indicators?qpr=true");
        int inQpr = browser.findElements(By.cssSelector("#catalogue tbody tr")).size();
        assertThat(inQpr).isPositive().isLessThan(all);
    }

    @Test
    void theDashboardNarrowsToARatingOrToTheQprKeepingTheWholeScopesCounts() {
        open("/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health");
        String counts = browser.findElement(By.id("summary")).getText();
        new Select(browser.findElement(By.id("rag"))).selectByValue("AMBER");
        submit(By.id("show"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#scorecard tbody tr"));
        assertThat(rows).isNotEmpty().allMatch(tr -> tr.findElement(By.cssSelector(".rag")).getText().equals("Amber"));
        assertThat(browser.findElement(By.id("narrowed")).getText()).isEqualTo(": " + rows.size() + " of 20");
        assertThat(browser.findElement(By.id("summary")).getText()).as("the counts stay the whole scope's").isEqualTo(counts);
        open("/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health&qpr=true");
        assertThat(browser.findElements(By.cssSelector("#scorecard tbody tr"))).isNotEmpty()
                .allMatch(tr -> tr.findElements(By.tagName("td")).get(3).getText().equals("Y"));
    }
}
