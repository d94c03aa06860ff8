package org.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages the README shows, as a user sees them at 1280 px, and the dashboard as Chromium prints
 * it (A4 landscape, rendered to PNG by pdftoppm). Written to target/screenshots, or with
 * -Dscreenshots=docs/screenshots to the README's copies.
 */
@OversightTest
class ScreenshotsBrowserTest extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private final Path out = Path.of(System.getProperty("screenshots", "target/screenshots"));

    @Test
    void theDashboardPrintsOnA4LandscapeWithItsRatingsAndWithoutTheSitesNavigation() throws Exception {
        Files.createDirectories(out);
        browser.manage().deleteAllCookies();
        signIn(users.with(Role.PERFORMANCE), TestUsers.PASSWORD);
        browser.manage().window().setSize(new Dimension(1280, 1600));
        String dashboard = "/dashboard?month=2019-01&directorate=Adult+Social+Care+and+Health";
        // The KPI with the longest run of figures in the year to January 2019: the chart shows the most.
        String indicator = jdbc.sql("""
                select i.id::text from indicator i where i.kind = 'KPI' and i.polarity is not null
                order by (select count(*) from observation o where o.indicator_id = i.id and o.period between '2018-01-01' and '2019-01-01') desc, i.id
                limit 1""").query(String.class).single();
        shoot(dashboard, "dashboard.png");
        shoot("/indicators/" + indicator + "?month=2019-01", "indicator.png");
        shoot("/entry?month=2019-01", "entry.png");

        open(dashboard);
        PrintOptions print = new PrintOptions();
        print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        print.setPageSize(new PageSize(21.0, 29.7));
        print.setBackground(true);
        Path pdf = out.resolve("dashboard-print.pdf");
        Files.write(pdf, Base64.getDecoder().decode(((PrintsPage) browser).print(print).getContent()));
        Process text = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
        String printed = new String(text.getInputStream().readAllBytes());
        assertThat(text.waitFor()).isZero();
        assertThat(printed).contains("Performance dashboard", "January 2019", "Amber", "Green")
                .doesNotContain("Sign out", "Skip to main content", "Publish this dashboard");
        Process png = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                out.resolve("dashboard-print").toString()).redirectErrorStream(true).start();
        assertThat(png.waitFor()).isZero();
        Files.delete(pdf);

        browser.manage().deleteAllCookies();
        signIn(users.with(Role.RISK_TEAM), TestUsers.PASSWORD);
        shoot("/risks/registers/ASCH", "risk-register.png");
        String risk = jdbc.sql("select r.code from risk r join risk_review v on v.risk_id = r.id order by r.code limit 1").query(String.class)
                .optional().orElseGet(() -> jdbc.sql("select min(code) from risk").query(String.class).single());
        shoot("/risks/" + risk, "risk.png");
        browser.manage().window().setSize(DESKTOP);
        for (String f : List.of("dashboard.png", "indicator.png", "entry.png", "risk-register.png", "risk.png", "dashboard-print.png")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
    }

    private void shoot(String page, String file) throws Exception {
        open(page);
        browser.findElement(By.tagName("footer"));
        Files.write(out.resolve(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
