package org.oversight.platform;

import java.util.List;
import java.util.Set;
import org.oversight.BrowserTest;
import org.oversight.SingleSignOnProvider;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in, the first password, the lock after failed attempts, and an administrator managing users. */
@OversightTest
class SignInBrowserTest extends BrowserTest {


    @Autowired Accounts accounts;
    @Autowired TestUsers users;



    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
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
        accounts.create(name, "New Comer", "temporary-password-1", Set.of(Role.MEMBER), Set.of(), Set.of());
        signIn(name, "temporary-password-1");
        assertThat(browser.findElement(By.id("first-password")).getText()).contains("one-time password");
        open("/indicators");
        assertThat(browser.getCurrentUrl()).as("nowhere else until the password is changed").contains("/account/password");
        browser.findElement(By.id("current")).sendKeys("not-the-password");
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("confirm")).sendKeys("shirt");
        submit(By.id("change-password"));
        assertThat(browser.findElements(By.cssSelector("#error-summary li"))).as("every mistake at once").hasSize(3);
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("current password is not right", "at least 12 characters",
                "do not match");
        assertThat(browser.findElement(By.id("first-password")).getText()).as("still says why").contains("one-time password");
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
        accounts.create(name, "Target", "temporary-password-2", Set.of(Role.MEMBER), Set.of(), Set.of());
        for (int i = 0; i < Lockout.MAX_FAILED_LOGINS; i++) {
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
    void anAdministratorAddsADivisionToTheStructureAndGivesItToADataOwnerByTickingIt() {
        signIn(users.with(Role.ADMIN), TestUsers.PASSWORD);
        String division = "Coroners Service " + System.nanoTime() % 100000;
        open("/structure/new");
        browser.findElement(By.id("kind-DIVISION")).click();
        browser.findElement(By.id("name")).sendKeys(division);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("parent"))).selectByValue("Adult Social Care and Health");
        browser.findElement(By.id("aliases")).sendKeys(division.toUpperCase() + " (CS)");
        submit(By.id("save-unit"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains(division + "” is part of the council's structure");
        assertThat(browser.findElement(By.id("aliases")).getText()).contains(division.toUpperCase() + " (CS)");

        open("/admin/users/new");
        List<WebElement> known = browser.findElements(By.cssSelector("#division-boxes input[name=divisions]"));
        assertThat(known).extracting(e -> e.getAttribute("value")).as("the structure's divisions are offered")
                .contains("Older People and Physical Disability", division).doesNotContain("OPPD / DCLDMH");
        String name = "owner-" + System.nanoTime() % 100000;
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys("temporary-password-4");
        browser.findElement(By.id("role-DATA_OWNER")).click();
        for (WebElement box : known) {
            if (box.getAttribute("value").equals(division) || box.getAttribute("value").equals("Older People and Physical Disability")) {
                browser.findElement(By.cssSelector("label[for=" + box.getAttribute("id") + "]")).click();
            }
        }
        submit(By.id("save-user"));
        assertThat(accounts.byUsername(name).orElseThrow().divisions()).containsExactlyInAnyOrder("Older People and Physical Disability", division);
        List<String> tickedNow = browser.findElements(By.cssSelector("#division-boxes input:checked")).stream().map(e -> e.getAttribute("value")).toList();
        assertThat(tickedNow).containsExactlyInAnyOrder("Older People and Physical Disability", division);
    }

    @Test
    void singleSignOnMapsTheProvidersGroupsToRoles() {
        SingleSignOnProvider.nextSignIn("pat.jones", "Pat Jones", List.of("perf-team", "staff"));
        open("/login");
        submit(By.id("sso-council"));
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        open("/import");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Upload a scorecard");
        Account pat = accounts.byUsername("pat.jones").orElseThrow();
        assertThat(pat.roles()).containsExactly(Role.PERFORMANCE);
        assertThat(pat.singleSignOn()).isTrue();

        browser.manage().deleteAllCookies();
        SingleSignOnProvider.nextSignIn("cllr.smith", "Cllr Smith", List.of("councillors"));
        open("/login");
        submit(By.id("sso-council"));
        open("/indicators");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indicators");
        open("/import");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this page");
        assertThat(browser.findElements(By.id("file"))).as("no upload form").isEmpty();
    }

    @Test
    void anAdministratorIsOfferedOnlyWhatTheyMayUseAndToldPlainlyWhenARoleIsMissingOrAPageDoesNotExist() {
        signIn(users.with(Role.ADMIN), TestUsers.PASSWORD);
        open("/");
        List<String> offered = browser.findElements(By.cssSelector("main a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(offered).anyMatch(h -> h.endsWith("/admin/users")).noneMatch(h -> h.endsWith("/entry") || h.endsWith("/import"));
        open("/entry");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this page");
        assertThat(browser.getTitle()).isEqualTo("You do not have access to this page – Oversight");
        assertThat(browser.findElement(By.id("no-access")).getText()).contains("ask an administrator");
        open("/nothing-here");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }

    @Test
    void theApiLinkLeadsToAPageListingEveryEndpointNotRawJson() {
        open("/");
        browser.findElement(By.linkText("API")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The Oversight API");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("/api/dashboards/{month}", "A month's dashboard", "/api/risks/{code}/reviews", "Authorization: Bearer");
    }
}
