package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.FinancialYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A dashboard is built once and reused until something it shows changes: every kind of change,
 * however it is written, is on the next dashboard; and a large one is shown a page at a time.
 */
@OversightTest
class DashboardReuseTest {

    private static final YearMonth MONTH = YearMonth.of(2018, 10);

    @LocalServerPort int port;
    @Autowired TestIndicators test;
    @Autowired Figures figures;
    @Autowired Catalogue catalogue;
    @Autowired Dashboards dashboards;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;

    @BeforeEach
    void signIn() {
        TestUsers.actAs("alice", Role.PERFORMANCE);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Dashboard.Line line(Indicator i) {
        return dashboards.build(MONTH, i.directorate(), null).lines().stream().filter(l -> l.indicator().id().equals(i.id())).findFirst().orElseThrow();
    }

    @Test
    void aFigureATargetOrAWriteFromOutsideTheAppIsOnTheNextDashboard() {
        Indicator i = test.higherIsBetter("85.0", "70.0", "Reuse directorate " + System.nanoTime());
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), MONTH, new BigDecimal("80.0"), null, null, false, null, null, null)));
        assertThat(line(i).rating().rag()).isEqualTo(Rag.AMBER);
        assertThat(dashboards.build(MONTH, i.directorate(), null)).as("built once, then reused").isSameAs(dashboards.build(MONTH, i.directorate(), null));

        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), MONTH, new BigDecimal("60.0"), null, null, false, null, null, 0)));
        assertThat(line(i).rating().rag()).as("a figure saved").isEqualTo(Rag.RED);

        catalogue.savePhase(i.id(), FinancialYear.of(MONTH), new Targets.Phase(MONTH, MONTH, new BigDecimal("55.0"), null));
        assertThat(line(i).rating().rag()).as("a phased target set").isEqualTo(Rag.GREEN);

        // Another instance of the app, or an operator, writing to the same database.
        jdbc.sql("update observation set value = 50.0 where indicator_id = :i and period = :p").param("i", i.id()).param("p", MONTH.atDay(1)).update();
        assertThat(line(i).value()).as("a write from outside this app").isEqualByComparingTo("50.0");
    }

    @Test
    void aDashboardOfMoreThanAHundredLinesIsShownAPageAtATimeWithItsCountsForAll() throws Exception {
        String directorate = "Paged directorate " + System.nanoTime();
        Indicator firstIndicator = test.higherIsBetter("85.0", null, directorate);
        for (int n = 1; n < DashboardController.PAGE + 5; n++) {
            test.higherIsBetter("85.0", null, directorate);
        }
        String query = "/dashboard?month=" + MONTH + "&directorate=" + URLEncoder.encode(directorate, StandardCharsets.UTF_8);
        String first = page(query);
        assertThat(rows(first)).isEqualTo(DashboardController.PAGE);
        assertThat(first).contains("1 to 100 of 105", "id=\"summary\"").containsPattern("<span>105</span>\\s*measures");
        String second = page(query + "&page=2");
        assertThat(rows(second)).isEqualTo(5);
        assertThat(second).contains("101 to 105 of 105", "aria-current=\"page\"");
        assertThat(rows(page(query + "&page=99"))).as("past the end: the last page").isEqualTo(5);

        TestUsers.actAs("alice", Role.PERFORMANCE);
        figures.saveAll(List.of(new ObservationRepository.Edit(firstIndicator.id(), MONTH, new BigDecimal("97.5"), null, null, false, null, null, null)));
        assertThat(page(query)).as("the page, rendered once, is rendered again after a change").contains("97.5%");
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = users.signedIn(port, Role.PERFORMANCE).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static int rows(String html) {
        return html.split("data-ref=\"").length - 1;
    }
}
