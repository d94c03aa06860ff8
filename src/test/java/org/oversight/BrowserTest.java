package org.oversight;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headless Debian Chromium driving the running app. One browser serves the whole run (a start costs
 * seconds); each class begins signed out, at the desktop size. No implicit wait: a check that
 * something is absent answers at once, and a page is read only once it has loaded ({@link #open},
 * {@link #submit}, or Chromium's own wait for a navigation a click started).
 */
@ExtendWith(BrowserTest.SharedChromium.class)
public abstract class BrowserTest {

    protected static final Dimension DESKTOP = new Dimension(1400, 1000);
    private static WebDriver shared;
    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    /**
     * Starts the run's browser once and quits it when the run ends, through JUnit's root store: quit
     * from a JVM shutdown hook instead, it held the fork past surefire's 30 s wait for it to exit.
     */
    static final class SharedChromium implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(SharedChromium.class, k -> {
                shared = chromium(true);
                return (AutoCloseable) shared::quit;
            });
        }
    }

    @BeforeAll
    static void startBrowser() {
        browser = shared;
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(DESKTOP);
    }

    /** Headless Chromium; with {@code script} false, JavaScript is switched off as a user or council policy might. */
    protected static WebDriver chromium(boolean script) {
        ChromeOptions options = new ChromeOptions();
        if (!script) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    /** A class's own browser (one without script, say) is closed with the class; the shared one lives for the run. */
    @AfterAll
    static void stopOwnBrowser() {
        if (browser != shared) {
            browser.quit();
        }
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Clicks a button that submits a form and waits for the next page, so no element of the old one is read. */
    protected void submit(By button) {
        WebElement page = browser.findElement(By.tagName("body"));
        browser.findElement(button).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // Gone from the document: Chromium says so either as a stale element or as a node that "does not belong to the document".
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        // The next page, loaded whole: a redirect after the post can otherwise be caught half-way.
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                && !d.findElements(By.tagName("footer")).isEmpty());
    }

    protected void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("sign-in"));
    }
}
