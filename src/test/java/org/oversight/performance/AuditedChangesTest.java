package org.oversight.performance;

import java.time.LocalDate;
import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.platform.LocalPostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.AuditTrail;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@OversightTest
class AuditedChangesTest {

    @Autowired TestIndicators test;
    @Autowired Figures figures;
    @Autowired ScorecardImport imports;
    @Autowired ObservationRepository observations;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyChangeRecordsWhoWhenWhatAndTheValuesBeforeAndAfter() {
        Indicator i = test.higherIsBetter("85.0", null);
        TestUsers.actAs("carol", Role.PERFORMANCE);
        YearMonth m = YearMonth.of(2019, 1);
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), m, new BigDecimal("70.5"), null, null, false, null, null, null)));
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), m, new BigDecimal("71.5"), null, null, false, null, null, 0)));

        List<AuditTrail.Entry> history = audit.search(null, null, null, null, String.valueOf(i.id()), 50);
        // Newest first: the indicator, its 2018-19 target, the figure, the figure's change.
        assertThat(history).extracting(e -> e.action() + " " + e.recordType())
                .containsExactly("UPDATE observation", "CREATE observation", "CREATE target", "CREATE indicator");
        AuditTrail.Entry last = history.get(0);
        assertThat(last.actor()).isEqualTo("carol");
        assertThat(last.recordType()).isEqualTo("observation");
        assertThat(last.recordId()).isEqualTo(i.id() + ":2019-01");
        assertThat(last.before()).contains("70.5");
        assertThat(last.after()).contains("71.5");
        assertThat(audit.search("carol", LocalDate.now(), LocalDate.now(), "observation", null, 50)).isNotEmpty();
    }

    @Test
    void anImportIsOneEventWithItsFileNameSizeAndHash() {
        Indicator a = test.higherIsBetter("85.0", null);
        Indicator b = test.higherIsBetter("85.0", null);
        TestUsers.actAs("dave", Role.PERFORMANCE);
        byte[] file = ("ref,title,value\n" + a.ref() + ",A,80\n" + b.ref() + ",B,90\n").getBytes(StandardCharsets.UTF_8);
        int before = jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
        imports.commit(YearMonth.of(2018, 10), file, "october.csv", null);
        List<AuditTrail.Entry> added = audit.search("dave", null, null, null, null, 10);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Integer.class).single()).isEqualTo(before + 1);
        assertThat(added.get(0).action()).isEqualTo("IMPORT");
        assertThat(added.get(0).after()).contains("\"file\": \"october.csv\"", "\"bytes\": " + file.length,
                "\"sha256\": \"" + DigestUtils.sha256Hex(file) + "\"", a.ref(), b.ref());
    }

    /** The app's own database role may only add to the trail; even the owner is stopped by the trigger. */
    @Autowired LocalPostgres database;

    @Test
    void theTrailCannotBeAlteredOrDeleted() throws Exception {
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'nobody'").update()).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update()).hasStackTraceContaining("must be owner");
        try (var c = database.ownerConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("update audit_event set actor = 'nobody'")).hasMessageContaining("cannot be altered");
            assertThatThrownBy(() -> s.execute("delete from audit_event")).hasMessageContaining("cannot be altered");
            assertThatThrownBy(() -> s.execute("truncate audit_event")).hasMessageContaining("cannot be altered");
        }
    }

    /** Fifty people save the same figure at once, each from the version they read. */
    @Test
    void fiftyConcurrentWritersLoseNoUpdate() throws Exception {
        Indicator i = test.higherIsBetter("85.0", null);
        YearMonth m = YearMonth.of(2018, 9);
        TestUsers.actAs("setup", Role.PERFORMANCE);
        figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), m, BigDecimal.ZERO, null, null, false, null, null, null)));
        int writers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        List<BigDecimal> committed = Collections.synchronizedList(new ArrayList<>());
        for (int w = 1; w <= writers; w++) {
            BigDecimal mine = BigDecimal.valueOf(w);
            String name = "writer-" + w;
            results.add(pool.submit(() -> {
                TestUsers.actAs(name, Role.PERFORMANCE);
                int seen = observations.find(i.id(), m).orElseThrow().version();
                ready.countDown();
                start.await();
                try {
                    figures.saveAll(List.of(new ObservationRepository.Edit(i.id(), m, mine, null, null, false, null, null, seen)));
                    committed.add(mine);
                    return true;
                } catch (ConflictException e) {
                    return false;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        // Everyone has read the figure before anyone writes.
        ready.await();
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        Observation last = observations.find(i.id(), m).orElseThrow();
        // Every writer read version 0: exactly one can commit, the other 49 are told of the conflict.
        assertThat(ok).isEqualTo(1);
        assertThat(committed).containsExactly(last.value());
        assertThat(last.version()).isEqualTo(1);
        assertThat(observations.revisions(i.id())).hasSize(1);
        assertThat(audit.search(null, null, null, "observation", i.id() + ":" + m, 100)).hasSize(2);
    }
}
