package org.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core (vendored, src/test/resources/axe) on the pages each kind of user sees, signed out and
 * as each role, forms with their errors, at a desktop width and a phone's: WCAG 2.2 AA, no violation.
 */
@OversightTest
class AccessibilityBrowserTest extends BrowserTest {

    private static final String AXE = axe();
    private static final List<Dimension> WIDTHS = List.of(new Dimension(1280, 900), new Dimension(390, 844));

    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private final List<String> found = new ArrayList<>();
    private int states;

    @Test
    void everyPageStateHasNoWcag22AaViolationAtDesktopAndPhoneWidths() throws Exception {
        // Chromium puts axe (half a megabyte) into every page this test opens, instead of the driver sending it to each page
        // again (that took longer than the page's own load); taken out again for the run's other classes.
        Object script = ((HasCdp) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE)).get("identifier");
        try {
            everyPageState();
        } finally {
            ((HasCdp) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
            browser.manage().window().setSize(DESKTOP);
        }
    }

    private void everyPageState() throws Exception {
        // The rated indicator with the most figures in the year to January 2019: its 13-month grid is the widest.
        String indicator = jdbc.sql("""
                select i.id::text from indicator i where i.kind = 'KPI' and i.polarity is not null
                order by (select count(*) from observation o where o.indicator_id = i.id and o.period between '2018-01-01' and '2019-01-01') desc, i.id
                limit 1""").query(String.class).single();
        String user = jdbc.sql("select min(id)::text from app_user").query(String.class).single();

        browser.manage().deleteAllCookies();
        for (String page : List.of("/", "/login", "/login?error", "/dashboard?month=2019-01", "/nothing-here", "/glossary", "/api-guide", "/papers")) {
            check("the public", page);
        }
        as(Role.PERFORMANCE);
        for (String page : List.of("/", "/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health", "/indicators",
                "/indicators/" + indicator + "?month=2019-01", "/indicators/new", "/entry?month=2019-01", "/import", "/import/figures",
                "/audit", "/account", "/dashboard/publish?month=2019-01&directorate=Adult+Social+Care+and+Health", "/delays?month=2019-01",
                "/delays?month=2017-09", "/delays/upload", "/delays/weeks")) {
            check("the performance team", page);
        }
        open("/indicators/new");
        browser.findElement(By.id("save")).click();
        check("the performance team", null);
        check("the performance team", "/papers/dashboard/2019-01/versions?directorate=Adult+Social+Care+and+Health");
        // The papers themselves, as the web shows them, and the pages that prepare them.
        for (String page : List.of("/papers", "/papers/qpr/2018-12/versions", "/papers/qpr/2018-12/draft", "/papers/exceptions/2019-01/versions",
                "/papers/dashboard/2019-01/draft?scope=Adult+Social+Care+and+Health")) {
            check("the performance team", page);
        }
        // A published month, for the public's pages of an indicator.
        open("/dashboard/publish?month=2018-08&directorate=Adult+Social+Care+and+Health");
        // The paper's checks: each finding accepted with a reason, as the one act of publishing asks.
        browser.findElements(By.cssSelector("label[for^='accept-']")).forEach(WebElement::click);
        browser.findElements(By.id("why")).forEach(w -> w.sendKeys("Accepted for the test"));
        submit(By.id("confirm-publish"));
        browser.manage().deleteAllCookies();
        for (String page : List.of("/dashboard?month=2018-08&directorate=Adult+Social+Care+and+Health", "/indicators/" + indicator + "?month=2018-08")) {
            check("the public", page);
        }
        as(Role.RISK_TEAM);
        for (String page : List.of("/risks", "/risks/registers/ASCH", "/risks/CRR0001", "/risks/registers/ASCH/new",
                "/papers/risks/2017-12/versions?scope=CORPORATE", "/papers/risks/2017-12/draft?scope=CORPORATE")) {
            check("the risk team", page);
        }
        open("/risks/registers/ASCH/new");
        browser.findElement(By.id("create-risk")).click();
        check("the risk team", null);
        as(Role.CLERK);
        String meeting = jdbc.sql("select min(meeting_id)::text from agenda_item where number = 7").query(String.class).single();
        for (String page : List.of("/committees", "/committees/adult-social-care-cabinet-committee", "/meetings/" + meeting,
                "/meetings/" + meeting + "/items/7", "/decisions", "/decisions/18/00067", "/committees/adult-social-care-cabinet-committee/work-programme")) {
            check("a committee clerk", page);
        }
        open("/meetings/" + meeting);
        browser.findElement(By.id("add-item-button")).click();
        check("a committee clerk", null);
        browser.manage().deleteAllCookies();
        for (String page : List.of("/committees/adult-social-care-cabinet-committee", "/meetings/" + meeting, "/decisions")) {
            check("the public", page);
        }
        as(Role.FINANCE_OFFICER);
        java.nio.file.Path book = java.nio.file.Files.createTempFile("budget", ".csv");
        java.nio.file.Files.writeString(book, """
                heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,adjustment,last_reported,comment
                Adult Social Care (a11y),,,,,,-3.2,,
                Corporate Director's adjustment (a11y),Adult Social Care (a11y),,,,,-3.2,,Updates after the managers' forecasts
                Older People (a11y),Adult Social Care (a11y),172.5,-91.5,81.0,4.0,,3.3,More nursing placements
                Learning Disability (a11y),Adult Social Care (a11y),163.9,-13.2,150.6,1.6,,1.8,
                """);
        open("/budget/upload");
        submit(By.id("load-budget"));
        check("a finance officer", null);
        browser.findElement(By.id("month")).sendKeys("2033-09");
        browser.findElement(By.id("file")).sendKeys(book.toString());
        browser.findElement(By.cssSelector("label[for=setsBook]")).click();
        submit(By.id("load-budget"));
        String heading = jdbc.sql("select id::text from budget_heading where name = 'Older People (a11y)'").query(String.class).single();
        String directorate = jdbc.sql("select id::text from budget_heading where name = 'Adult Social Care and Health' and parent_id is null").query(String.class)
                .optional().orElse(heading);
        String scheme = jdbc.sql("select min(id)::text from capital_scheme").query(String.class).optional().orElse("0");
        for (String page : List.of("/budget?month=2033-09", "/budget/headings/" + heading + "?month=2033-09", "/budget/variances?month=2033-09",
                "/budget/capital/schemes/" + scheme + "?month=2017-09", "/budget/capital/schemes/" + scheme + "?month=2017-10",
                "/budget/activity?month=2033-09", "/budget/headings/" + directorate + "?month=2017-09", "/budget/capital?month=2017-09",
                "/budget/reserves?month=2017-09", "/budget/services?month=2017-09", "/budget/activity?month=2017-09", "/papers/budget/2017-09/versions",
                "/rates", "/rates/2019-20", "/papers/rates/2019-04/versions")) {
            check("a finance officer", page);
        }
        // The approval refused (no decision, no date, no reasons), each error at its box.
        open("/rates/2019-20");
        submit(By.id("approve"));
        check("a finance officer", null);
        as(Role.ADMIN);
        for (String page : List.of("/admin/users", "/admin/users/new", "/admin/users/" + user, "/entry")) {
            check("an administrator", page);
        }
        System.out.printf("accessibility: %d page states at %d widths (%d checks) with axe-core%n", states / WIDTHS.size(), WIDTHS.size(), states);
        assertThat(found).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
        assertThat(states / WIDTHS.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void atPhoneWidthTheNavigationFoldsUnderAMenuButton() {
        as(Role.PERFORMANCE);
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/indicators");
        try {
            assertThat(browser.findElement(By.id("menu-toggle")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("navigation")).isDisplayed()).as("folded until asked for").isFalse();
            browser.findElement(By.id("menu-toggle")).click();
            assertThat(browser.findElement(By.id("navigation")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("menu-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    private void as(Role role) {
        browser.manage().deleteAllCookies();
        signIn(users.with(role), TestUsers.PASSWORD);
    }

    /**
     * Runs axe on the page (or, with no page, on the one showing) at each width: the page is loaded
     * (axe in it) at the first width, then the window narrowed (the server sends the same page to any
     * width), and widened to the first width again for what the test does next.
     */
    private void check(String who, String page) {
        if (!WIDTHS.get(0).equals(browser.manage().window().getSize())) {
            browser.manage().window().setSize(WIDTHS.get(0));
        }
        if (page != null) {
            open(page);
        }
        String where = who + " " + (page == null ? browser.getCurrentUrl() : page);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(AXE);
        }
        for (Dimension width : WIDTHS) {
            if (width != WIDTHS.get(0)) {
                browser.manage().window().setSize(width);
            }
            Object result = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                      .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                      .catch(e => done(['axe failed: ' + e]));""");
            for (Object v : (List<?>) result) {
                found.add(where + " at " + width.getWidth() + " px: " + v);
            }
            if (width.getWidth() >= 1280) {
                Object clipped = js.executeScript("""
                        return Array.from(document.querySelectorAll('.oversight-table-wrap')).filter(w => w.scrollWidth > w.clientWidth + 1)
                          .map(w => w.getAttribute('aria-label') + ' needs ' + (w.scrollWidth - w.clientWidth) + ' px more')
                          .concat(Array.from(document.querySelectorAll('svg.oversight-chart text')).filter(t => {
                            const s = t.closest('svg').getBoundingClientRect(), b = t.getBoundingClientRect();
                            return b.right > s.right + 1 || b.left < s.left - 1; }).map(t => 'the chart label ' + t.textContent + ' is cut off'));""");
                for (Object c : (List<?>) clipped) {
                    found.add(where + " at " + width.getWidth() + " px: " + c);
                }
            }
            long wide = (Long) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (wide > 0) {
                found.add(where + " at " + width.getWidth() + " px: the page scrolls sideways by " + wide + " px");
            }
            states++;
        }
        browser.manage().window().setSize(WIDTHS.get(0));
    }

    private static String axe() {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
