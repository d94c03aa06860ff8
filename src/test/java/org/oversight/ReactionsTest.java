package org.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oversight.structure.Unit;
import org.oversight.structure.UnitRenamed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.support.TransactionTemplate;

/** A module's reaction to another's event runs after the act commits, never for an act rolled back, and survives a crash. */
@OversightTest
class ReactionsTest {

    /** Spring's id for the performance module's reaction to a rename: its method, as the registry keeps it. */
    private static final String INDICATORS_FOLLOW_A_RENAME = "org.oversight.performance.Catalogue.on(org.oversight.structure.UnitRenamed)";

    @Autowired ApplicationEventPublisher events;
    @Autowired EventPublicationRegistry registry;
    @Autowired IncompleteEventPublications incomplete;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void aRenameWhoseReactionACrashInterruptedIsCarriedWhenTheRegistryRepublishesIt() {
        long n = System.nanoTime();
        String ref = indicatorOf("Crashed before renaming " + n);
        UnitRenamed renamed = new UnitRenamed(Unit.Kind.DIRECTORATE, "Crashed before renaming " + n, "Renamed after the restart " + n, LocalDate.now());
        // What a crash leaves: the publication stored with the act, its reaction never run.
        tx.executeWithoutResult(s -> registry.store(renamed, Stream.of(PublicationTargetIdentifier.of(INDICATORS_FOLLOW_A_RENAME))));
        assertThat(directorateOf(ref)).isEqualTo(renamed.before());

        incomplete.resubmitIncompletePublications(p -> renamed.equals(p.getEvent()));

        await().untilAsserted(() -> assertThat(directorateOf(ref)).isEqualTo(renamed.after()));
        await().untilAsserted(() -> assertThat(registry.findIncompletePublications()).noneMatch(p -> renamed.equals(p.getEvent())));
    }

    @Test
    void aReactionRunsOnceItsActIsCommittedAndNeverForAnActRolledBack() {
        long n = System.nanoTime();
        String ref = indicatorOf("Renamed once " + n);
        UnitRenamed undone = new UnitRenamed(Unit.Kind.DIRECTORATE, "Renamed once " + n, "Rolled back " + n, LocalDate.now());
        tx.executeWithoutResult(s -> {
            events.publishEvent(undone);
            assertThat(directorateOf(ref)).as("not within the act's transaction").isEqualTo(undone.before());
            s.setRollbackOnly();
        });
        assertThat(publications(undone.after())).as("nothing kept of an act rolled back").isZero();

        UnitRenamed done = new UnitRenamed(Unit.Kind.DIRECTORATE, "Renamed once " + n, "Committed " + n, LocalDate.now());
        tx.executeWithoutResult(s -> events.publishEvent(done));
        await().untilAsserted(() -> assertThat(directorateOf(ref)).isEqualTo(done.after()));
        // Each module's reaction done, its row goes: the registry holds only what is still to run.
        await().untilAsserted(() -> assertThat(publications(done.after())).isZero());
    }

    private String indicatorOf(String directorate) {
        String ref = "RX" + System.nanoTime() % 100000;
        jdbc.sql("insert into indicator (ref, title, kind, unit, decimals, frequency, directorate) values (:r, 'Reaction', 'KPI', '%', 0, 'MONTHLY', :d)")
                .param("r", ref).param("d", directorate).update();
        return ref;
    }

    private String directorateOf(String ref) {
        return jdbc.sql("select directorate from indicator where ref = :r").param("r", ref).query(String.class).single();
    }

    private int publications(String named) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :n").param("n", "%" + named + "%").query(Integer.class).single();
    }
}
