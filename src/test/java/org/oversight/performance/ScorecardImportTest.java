package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@OversightTest
@RecordApplicationEvents
class ScorecardImportTest {

    private static final YearMonth DEC_18 = YearMonth.of(2018, 12);

    @Autowired ApplicationEvents events;
    @Autowired TestIndicators test;
    @Autowired ScorecardImport imports;
    @Autowired Dashboards dashboards;
    @Autowired ObservationRepository observations;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        TestUsers.actAs("alice", Role.PERFORMANCE);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private int stored() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from observation").query(Integer.class).single();
    }

    @Test
    void aLoadedScorecardIsAnnouncedWithItsFileCountsAndEachChange() {
        Indicator a = test.higherIsBetter("85.0", null);
        byte[] file = ("ref,title,value,target\n" + a.ref() + ",A,80.0,90\n").getBytes(StandardCharsets.UTF_8);
        imports.commit(DEC_18, file, "loaded.csv", null);
        assertThat(events.stream(ScorecardLoaded.class)).singleElement().satisfies(e -> {
            assertThat(e.month()).isEqualTo(DEC_18);
            assertThat(e.file()).isEqualTo("loaded.csv");
            assertThat(e.bytes()).isEqualTo(file.length);
            assertThat(e.created()).isEqualTo(1);
            assertThat(e.figures()).containsExactly(new ScorecardLoaded.Change(a.ref(), "null", "80.0"));
            assertThat(e.targets()).containsExactly(new ScorecardLoaded.Change(a.ref(), "85.0", "90"));
        });
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

    @Autowired Figures figures;
    @Autowired Catalogue catalogue;

    /** Someone saves a figure, or changes a target, between the preview and its confirmation. */
    @Test
    void aConfirmationAfterSomeoneElseSavedAFigureOrATargetIsRefusedNamingItAndStoresNothing() {
        Indicator a = test.higherIsBetter("85.0", null);
        Indicator b = test.higherIsBetter("85.0", null);
        byte[] file = ("ref,title,value,target\n" + a.ref() + ",A,80.0,\n" + b.ref() + ",B,70.0,90\n").getBytes(StandardCharsets.UTF_8);
        ScorecardImport.Preview preview = imports.preview(DEC_18, file);

        TestUsers.actAs("bob", Role.PERFORMANCE);
        figures.saveAll(List.of(new ObservationRepository.Edit(a.id(), DEC_18, new BigDecimal("99.0"), null, null, false,
                "Bob's figure", null, null)));
        catalogue.savePhase(b.id(), FinancialYear.of(DEC_18), new Targets.Phase(DEC_18, DEC_18, new BigDecimal("88"), null));
        TestUsers.actAs("alice", Role.PERFORMANCE);

        int before = stored();
        assertThatThrownBy(() -> imports.commit(DEC_18, file, "scorecard.csv", preview.seen()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("the figure for " + a.ref() + " was saved by bob as 99.0")
                .hasMessageContaining("the target of " + b.ref() + " was changed from 85 to 88")
                .hasMessageContaining("Nothing was loaded");
        assertThat(stored()).isEqualTo(before);
        assertThat(observations.find(a.id(), DEC_18).orElseThrow().value()).isEqualByComparingTo("99.0");
        assertThat(observations.find(b.id(), DEC_18)).isEmpty();

        // Confirmed against what is there now, it goes through, and the target it changes is in the import's audit record.
        ScorecardImport.Preview again = imports.preview(DEC_18, file);
        imports.commit(DEC_18, file, "scorecard.csv", again.seen());
        assertThat(observations.find(a.id(), DEC_18).orElseThrow().value()).isEqualByComparingTo("80.0");
        String audit = jdbc.sql("select after::text from audit_event where action = 'IMPORT' and record_type = 'scorecard' order by id desc limit 1")
                .query(String.class).single();
        assertThat(audit).contains("\"targets\"", b.ref(), "\"before\": \"88\"", "\"after\": \"90\"");
    }

    @Test
    void aScorecardOfTwentyOrFourHundredRowsIsPreviewedAndLoadedInAboutTheSameFewRoundTrips() {
        long twenty = roundTrips(20);
        long fourHundred = roundTrips(400);
        assertThat(twenty).as("round trips for 20 rows").isPositive();
        // Not one per row (that was 12 a row): the driver only splits a large batch to keep its buffers bounded.
        assertThat(fourHundred).as("round trips for 400 rows").isBetween(twenty, twenty + 5);
    }

    /**
     * Previews and loads a scorecard of {@code rows} indicators, half with a figure already stored
     * and every one with a new target, and counts the round trips (the driver's Sync messages) it took.
     */
    private long roundTrips(int rows) {
        StringBuilder csv = new StringBuilder("ref,title,value,target\n");
        for (int n = 0; n < rows; n++) {
            Indicator i = test.higherIsBetter("85.0", null);
            if (n % 2 == 0) {
                figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), DEC_18, new BigDecimal("70.0"), null, null, false, null, null, null)));
            }
            csv.append(i.ref()).append(",T,").append(80 + n % 10).append(".0,90\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        Level level = driver.getLevel();
        AtomicInteger syncs = new AtomicInteger();
        Thread me = Thread.currentThread();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (Thread.currentThread() == me && " FE=> Sync".equals(r.getMessage())) {
                    syncs.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driver.setLevel(Level.FINEST);
        driver.setUseParentHandlers(false);
        driver.addHandler(counter);
        try {
            ScorecardImport.Preview p = imports.preview(DEC_18, file);
            ScorecardImport.Preview done = imports.commit(DEC_18, file, "scorecard.csv", p.seen());
            assertThat(done.count(ScorecardImport.Action.NEW)).isEqualTo(rows / 2);
            assertThat(done.count(ScorecardImport.Action.CHANGED)).isEqualTo(rows / 2);
        } finally {
            driver.removeHandler(counter);
            driver.setUseParentHandlers(true);
            driver.setLevel(level);
        }
        return syncs.get();
    }
}
