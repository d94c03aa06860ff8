package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OversightTest
class ScorecardImportTest {

    private static final YearMonth DEC_18 = YearMonth.of(2018, 12);

    @Autowired TestIndicators test;
    @Autowired ScorecardImport imports;
    @Autowired Dashboards dashboards;
    @Autowired ObservationRepository observations;
    @Autowired JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.oversight.TestUsers.actAs("alice", org.oversight.platform.Role.PERFORMANCE);
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    private int stored() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from observation").query(Integer.class).single();
    }

    @Test
    void aBadCellNamesRowAndColumnAndStoresNothing() {
        Indicator a = test.higherIsBetter("85.0", null);
        Indicator b = test.higherIsBetter("85.0", null);
        String csv = "ref,title,value\n" + a.ref() + ",A,80.0\n" + b.ref() + ",B,eighty\n";
        int before = stored();
        assertThatThrownBy(() -> imports.commit(DEC_18, csv.getBytes(StandardCharsets.UTF_8), "scorecard.csv", null))
                .isInstanceOf(InputException.class).hasMessage("Row 3, column value: 'eighty' is not a number");
        assertThat(stored()).isEqualTo(before);
        assertThat(observations.find(a.id(), DEC_18)).isEmpty();
    }

    @Test
    void anUnknownIndicatorIsNamedAndNothingIsStored() {
        Indicator a = test.higherIsBetter("85.0", null);
        String csv = "ref,title,value\n" + a.ref() + ",A,80.0\nNOPE,B,1\n";
        int before = stored();
        assertThatThrownBy(() -> imports.commit(DEC_18, csv.getBytes(StandardCharsets.UTF_8), "scorecard.csv", null))
                .isInstanceOf(InputException.class).hasMessageStartingWith("Row 3, column ref: there is no indicator 'NOPE'");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void previewShowsEachChangeAndCommitAppliesThemAll() {
        Indicator a = test.higherIsBetter("85.0", null);
        Indicator b = test.higherIsBetter("85.0", null);
        String csv = "ref,title,value,target\n" + a.ref() + ",A,80.0,\n" + b.ref() + ",B,90.0,88\n";
        ScorecardImport.Preview p = imports.preview(DEC_18, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(p.changes()).extracting(ScorecardImport.Change::action)
                .containsExactly(ScorecardImport.Action.NEW, ScorecardImport.Action.NEW);
        assertThat(observations.find(a.id(), DEC_18)).isEmpty();
        imports.commit(DEC_18, csv.getBytes(StandardCharsets.UTF_8), "scorecard.csv", null);
        assertThat(observations.find(a.id(), DEC_18).orElseThrow().value()).isEqualByComparingTo("80.0");
        Dashboard.Line bLine = dashboards.build(DEC_18, null, b.division()).lines().get(0);
        assertThat(bLine.standard().target()).isEqualByComparingTo("88");
        assertThat(bLine.standard().phased()).isTrue();
    }

    @Test
    void anExportedDashboardReadsBackWithNoChangesAsCsvAndAsXlsx() {
        YearMonth jan19 = YearMonth.of(2019, 1);
        Dashboard d = dashboards.build(jan19, "Adult Social Care and Health", null);
        StringBuilder csv = new StringBuilder();
        ScorecardCsv.write(Dashboards.scorecard(d), csv);
        ScorecardImport.Preview p = imports.preview(jan19, csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(p.changes()).hasSize(20).allMatch(c -> c.action() == ScorecardImport.Action.UNCHANGED);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ScorecardXlsx.write(Dashboards.scorecard(d), xlsx);
        assertThat(imports.preview(jan19, xlsx.toByteArray()).changes()).allMatch(c -> c.action() == ScorecardImport.Action.UNCHANGED);
    }
}
