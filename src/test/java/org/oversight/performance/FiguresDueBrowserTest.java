package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.BrowserTest;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** A data owner's list of the figures still due from them, and the way from it to the entry form. */
@OversightTest
class FiguresDueBrowserTest extends BrowserTest {

    @Autowired TestIndicators test;
    @Autowired TestUsers users;
    @Autowired ObservationRepository observations;

    @Test
    void aDataOwnerSeesWhichOfTheirFiguresAreMissingAndGoesStraightToEnterOne() {
        Indicator i = test.higherIsBetter("85.0", null);
        YearMonth last = YearMonth.now().minusMonths(1);
        observations.saveAll(List.of(new ObservationRepository.Edit(i.id(), last, new BigDecimal("86.0"), null, null, false, null, null, null)), "test");
        browser.manage().deleteAllCookies();
        signIn(users.with(Role.DATA_OWNER, i.division()), TestUsers.PASSWORD);
        open("/");
        submit(By.id("figures-due-link"));
        assertThat(browser.findElement(By.id("due-summary")).getText()).startsWith("5 figures are missing from the 1 indicators you look after");
        assertThat(browser.findElement(By.cssSelector("#missing tr[data-ref='" + i.ref() + "']")).getText())
                .contains(DisplayFormat.monthName(last.minusMonths(1))).doesNotContain(DisplayFormat.monthName(last));
        submit(By.cssSelector("#missing tr[data-ref='" + i.ref() + "'] a[href*='/entry']"));
        assertThat(browser.findElement(By.id("value-" + i.id())).isDisplayed()).isTrue();
    }
}
