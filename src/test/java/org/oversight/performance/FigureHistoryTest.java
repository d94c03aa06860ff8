package org.oversight.performance;

import java.math.BigDecimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
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
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The figures file (docs/formats/figures-csv.md): years of figures at once, all or nothing. */
@OversightTest
class FigureHistoryTest {

    @LocalServerPort int port;
    @Autowired HistoryImports imports;
    @Autowired TestIndicators test;
    @Autowired Figures figures;
    @Autowired ObservationRepository observations;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;

    @BeforeEach
    void signIn() {
        TestUsers.actAs("loader", Role.PERFORMANCE);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private FigureHistory.Result load(String csv, boolean dryRun) {
        return imports.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "history.csv", dryRun, null);
    }

    private int stored() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from observation").query(Integer.class).single();
    }

    @Test
    void aFileOfManyMonthsIsCountedThenStoredKeepingEachReplacedFigureAsARevision() {
        Indicator a = test.higherIsBetter("85.0", null);
        Indicator b = test.higherIsBetter("85.0", null);
        figures.saveAll(List.of(new ObservationRepository.Edit(a.id(), YearMonth.of(2018, 4), new BigDecimal("70.0"), null, null, false,
                "as entered", null, null), new ObservationRepository.Edit(a.id(), YearMonth.of(2018, 5), new BigDecimal("71.0"), null, null,
                false, null, null, null)));
        String csv = "ref,period,value,numerator,denominator,provisional,commentary,source\n"
                + a.ref() + ",2018-04,72.0,,,N,corrected\n"        // changed
                + a.ref() + ",2018-05,71,,,,\n"                    // the same figure: unchanged
                + a.ref() + ",2018-06,,36,48,Y,\n"                 // computed: 36 / 48 x 100 = 75.0
                + b.ref() + ",2018-04,\"1,254.5\",,,,\n"           // new
                + b.ref() + ",2018-05,,,,,\n";                     // nothing given: skipped

        int before = stored();
        FigureHistory.Result dry = load(csv, true);
        assertThat(dry.counts()).isEqualTo("2/1/1/1");
        assertThat(dry.stored()).isFalse();
        assertThat(dry.warnings()).containsExactly("Unknown column 'source' ignored");
        assertThat(stored()).as("a dry run stores nothing").isEqualTo(before);

        FigureHistory.Result r = load(csv, false);
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.counts()).isEqualTo("2/1/1/1");
        assertThat(observations.find(a.id(), YearMonth.of(2018, 4)).orElseThrow().value()).isEqualByComparingTo("72.0");
        assertThat(observations.find(a.id(), YearMonth.of(2018, 4)).orElseThrow().commentary()).isEqualTo("corrected");
        assertThat(observations.find(a.id(), YearMonth.of(2018, 6)).orElseThrow().value()).isEqualByComparingTo("75.0");
        assertThat(observations.find(a.id(), YearMonth.of(2018, 6)).orElseThrow().provisional()).isTrue();
        assertThat(observations.find(b.id(), YearMonth.of(2018, 4)).orElseThrow().value()).isEqualByComparingTo("1254.5");
        assertThat(observations.revisions(a.id())).singleElement().satisfies(rev -> {
            assertThat(rev.value()).isEqualByComparingTo("70.0");
            assertThat(rev.commentary()).isEqualTo("as entered");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT' and record_type = 'figures' and after->>'sha256' = :s")
                .param("s", r.sha256()).query(Integer.class).single()).as("one audit event for the file").isEqualTo(1);

        assertThat(load(csv, false).counts()).as("loaded again, nothing changes").isEqualTo("0/0/4/1");
    }

    @Test
    void eachKindOfBadRowIsNamedByRowAndColumnAndNothingOfTheFileIsStored() {
        Indicator a = test.higherIsBetter("85.0", null);
        String good = "ref,period,value,numerator,denominator\n" + a.ref() + ",2018-04,70.0,,\n";
        int before = stored();
        for (var bad : List.of(
                List.of(good + "NO-SUCH-REF,2018-05,1,,\n", "Row 3, column ref: there is no indicator 'NO-SUCH-REF'"),
                List.of(good + a.ref() + ",May,1,,\n", "Row 3, column period: 'May' is not a month: write it as January 2019 or 2019-01"),
                List.of(good + a.ref() + ",2099-01,1,,\n", "Row 3, column period: 2099-01 is outside the months"),
                List.of(good + a.ref() + ",2018-05,lots,,\n", "Row 3, column value: 'lots' is not a number"),
                List.of(good + a.ref() + ",2018-05,81.2,12,15\n", "Row 3, column value: 81.2 disagrees with numerator 12 and denominator 15, which give 80.0"),
                List.of(good + a.ref() + ",2018-05,,12,\n", "Row 3, column denominator: give both"),
                List.of(good + a.ref() + ",2018-05,1,,\n" + a.ref() + ",2018-04,2,,\n", "Row 4, column period: the same ref and period 2018-04 is already in row 2"))) {
            assertThatThrownBy(() -> load(bad.get(0), false)).isInstanceOf(InputException.class).hasMessageStartingWith(bad.get(1));
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theApiTakesTheSameFileStreamedAndAnswersTheSameCounts() throws Exception {
        Indicator a = test.higherIsBetter("85.0", null);
        String csv = "ref,period,value\n" + a.ref() + ",2018-04,70.0\n" + a.ref() + ",2018-05,71.0\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/figures?fileName=api.csv"))
                .header("Authorization", users.bearer(Role.PERFORMANCE)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"new\":2", "\"stored\":true", "\"file\":\"api.csv\"");
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/figures"))
                .header("Authorization", users.bearer(Role.PERFORMANCE)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("ref,period,value\n" + a.ref() + ",2018-06,x\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"row\":2", "\"field\":\"value\"");
    }
}
