package org.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Oversight by keyboard alone: signing in, skipping to the content, reaching every control of a
 * page in order with a visible focus indicator and no trap, opening the phone menu, sorting a table.
 */
@OversightTest
class KeyboardBrowserTest extends BrowserTest {

    @Autowired TestUsers users;

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** Keys to whatever has focus, as a keyboard sends them (not as an element's value: a file box would take Tab for a file name). */
    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private String focused() {
        return (String) js().executeScript("""
                const e = document.activeElement;
                return e === document.body || e === null ? 'body' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + (e.name || e.textContent.trim().slice(0, 40));""");
    }

    @Test
    void aUserSignsInAndSkipsToTheContentWithTheKeyboardAlone() {
        String name = users.with(Role.PERFORMANCE);
        open("/login");
        press(Keys.TAB);
        assertThat(focused()).as("the first stop").startsWith("a:Skip to main content");
        browser.findElement(By.id("username")).click();
        press(name);
        press(Keys.TAB);
        assertThat(focused()).startsWith("input#password");
        press(TestUsers.PASSWORD + Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("sign-out")).isEmpty());
        open("/indicators");
        press(Keys.TAB);
        press(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main-content");
        press(Keys.TAB);
        assertThat((Boolean) js().executeScript("return document.getElementById('main-content').contains(document.activeElement)"))
                .as("the next stop after skipping is in the page's content, not the navigation").isTrue();
    }

    @Test
    void everyControlOfEachRolesPagesIsReachedInTurnAndShowsWhereFocusIs() {
        tabThrough("the public", null, "/dashboard?month=2019-01", "/glossary");
        tabThrough("the performance team", Role.PERFORMANCE, "/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health",
                "/entry?month=2019-01&division=Older+People+and+Physical+Disability", "/import");
        tabThrough("the risk team", Role.RISK_TEAM, "/risks/registers/ASCH", "/risks/AH0001");
        tabThrough("an administrator", Role.ADMIN, "/admin/users/new");
    }

    /** Tabs from the top of each page to its end: every visible control is reached once, each with a focus indicator. */
    private void tabThrough(String who, Role role, String... pages) {
        browser.manage().deleteAllCookies();
        if (role != null) {
            signIn(users.with(role), TestUsers.PASSWORD);
        }
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            open(page);
            @SuppressWarnings("unchecked")
            List<String> controls = (List<String>) js().executeScript("""
                    return Array.from(document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex="0"]'))
                      .filter(e => e.checkVisibility({visibilityProperty: true}))
                      .filter(e => e.type !== 'radio' || e.checked)
                      .map((e, n) => { e.dataset.keyboardId = String(n); return String(n); });""");
            js().executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
            Set<String> reached = new LinkedHashSet<>();
            String last = null;
            for (int n = 0; n < controls.size() * 2 + 10; n++) {
                press(Keys.TAB);
                String id = (String) js().executeScript("""
                        const e = document.activeElement;
                        if (!e || e === document.body) { return null; }
                        const s = getComputedStyle(e);
                        const shown = s.outlineStyle !== 'none' && s.outlineWidth !== '0px' || s.boxShadow !== 'none'
                          || s.backgroundColor === 'rgb(255, 221, 0)';
                        return (e.dataset.keyboardId ?? '?' + e.tagName) + (shown ? '' : ' (no visible focus)');""");
                if (id != null && id.equals(last)) {
                    continue; // a month box's month and year parts are stops of one control
                }
                if (id == null || reached.contains(id)) {
                    break;
                }
                reached.add(id);
                last = id;
            }
            reached.stream().filter(r -> r.endsWith("(no visible focus)") || r.startsWith("?"))
                    .forEach(r -> problems.add(page + ": " + describe(r)));
            List<String> missed = controls.stream().filter(c -> !reached.contains(c)).toList();
            missed.forEach(c -> problems.add(page + ": never reached by Tab: " + describe(c)));
        }
        assertThat(problems).as(who).isEmpty();
    }

    private String describe(String keyboardId) {
        String n = keyboardId.replace(" (no visible focus)", "");
        Object html = js().executeScript("const e = document.querySelector('[data-keyboard-id=\"' + arguments[0] + '\"]'); return e ? e.outerHTML.slice(0, 160) : arguments[0];", n);
        return keyboardId + " " + html;
    }

    @Test
    void onAPhoneTheMenuOpensFromTheKeyboard() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/dashboard?month=2019-01");
            assertThat(browser.findElement(By.id("navigation")).isDisplayed()).isFalse();
            browser.findElement(By.id("menu-toggle")).sendKeys(Keys.ENTER);
            assertThat(browser.findElement(By.id("navigation")).isDisplayed()).isTrue();
            browser.findElement(By.id("menu-toggle")).sendKeys(Keys.SPACE);
            assertThat(browser.findElement(By.id("navigation")).isDisplayed()).isFalse();
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }
}
