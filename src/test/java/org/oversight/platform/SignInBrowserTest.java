package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in, the first password, the lock after failed attempts, and an administrator managing users. */
@OversightTest
class SignInBrowserTest {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired TestUsers users;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Clicks a button that submits a form and waits for the next page. */
    private void submit(By button) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("sign-in"));
    }

    @Test
    void thePublicIsSentToSignInForDraftsAndSeesOnlyPublishedDashboards() {
        open("/indicators");
        assertThat(browser.getCurrentUrl()).contains("/login");
        open("/dashboard?month=2019-01");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("has not been published yet");
    }

    @Test
    void aNewUserChoosesTheirOwnPasswordAtFirstSignIn() {
        String name = "newcomer-" + System.nanoTime() % 100000;
        accounts.create(name, "New Comer", "temporary-password-1", java.util.Set.of(Role.MEMBER), java.util.Set.of(), java.util.Set.of());
        signIn(name, "temporary-password-1");
        assertThat(browser.findElement(By.id("first-password")).getText()).contains("one-time password");
        open("/indicators");
        assertThat(browser.getCurrentUrl()).as("nowhere else until the password is changed").contains("/account/password");
        browser.findElement(By.id("current")).sendKeys("temporary-password-1");
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("confirm")).sendKeys("short");
        submit(By.id("change-password"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("at least 12 characters");
        browser.findElement(By.id("current")).sendKeys("temporary-password-1");
        browser.findElement(By.id("password")).sendKeys("my own long password");
        browser.findElement(By.id("confirm")).sendKeys("my own long password");
        submit(By.id("change-password"));
        open("/indicators");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indicators");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String name = "target-" + System.nanoTime() % 100000;
        accounts.create(name, "Target", "temporary-password-2", java.util.Set.of(Role.MEMBER), java.util.Set.of(), java.util.Set.of());
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            signIn(name, "guess-" + i);
            assertThat(browser.findElement(By.id("login-error")).isDisplayed()).isTrue();
        }
        signIn(name, "temporary-password-2");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("locked");
        assertThat(accounts.byUsername(name).orElseThrow().locked()).isTrue();
    }

    @Test
    void anAdministratorAddsAUserAndDisablesThem() {
        String admin = users.with(Role.ADMIN);
        signIn(admin, TestUsers.PASSWORD);
        open("/admin/users/new");
        String name = "clerk-" + System.nanoTime() % 100000;
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("displayName")).sendKeys("A Clerk");
        browser.findElement(By.id("password")).sendKeys("temporary-password-3");
        browser.findElement(By.id("role-CLERK")).click();
        submit(By.id("save-user"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        browser.findElement(By.id("enabled")).click();
        submit(By.id("save-user"));
        assertThat(accounts.byUsername(name).orElseThrow().enabled()).isFalse();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("User " + name + " created", "User " + name + " changed");

        browser.manage().deleteAllCookies();
        signIn(name, "temporary-password-3");
        assertThat(browser.findElement(By.id("login-error")).isDisplayed()).isTrue();
    }

    @Test
    void singleSignOnMapsTheProvidersGroupsToRoles() {
        org.oversight.SingleSignOnProvider.nextSignIn("pat.jones", "Pat Jones", java.util.List.of("perf-team", "staff"));
        open("/login");
        submit(By.id("sso-council"));
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        open("/import");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Upload a scorecard");
        Account pat = accounts.byUsername("pat.jones").orElseThrow();
        assertThat(pat.roles()).containsExactly(Role.PERFORMANCE);
        assertThat(pat.singleSignOn()).isTrue();

        browser.manage().deleteAllCookies();
        org.oversight.SingleSignOnProvider.nextSignIn("cllr.smith", "Cllr Smith", java.util.List.of("councillors"));
        open("/login");
        submit(By.id("sso-council"));
        open("/indicators");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indicators");
        open("/import");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Upload a scorecard (CSV or XLSX");
    }
}
