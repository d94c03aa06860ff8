package org.oversight.performance;

import org.junit.jupiter.api.AfterEach;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.publishing.TestPublications;
import org.oversight.shared.FinancialYear;
import org.springframework.security.core.context.SecurityContextHolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;

@OversightTest
class FiguresStoreTest {

    private static final YearMonth DEC_18 = YearMonth.of(2018, 12);

    @Autowired TestIndicators test;
    @Autowired TestPublications publications;
    @Autowired Figures figures;
    @Autowired ObservationRepository observations;
    @Autowired Catalogue catalogue;
    @Autowired Dashboards dashboards;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Figures as(String user) {
        TestUsers.actAs(user, Role.PERFORMANCE);
        return figures;
    }

    private static ObservationRepository.Edit edit(Indicator i, String value, Integer version) {
        return new ObservationRepository.Edit(i.id(), DEC_18, new BigDecimal(value), null, null, false, "note " + value, null, version);
    }

    @Test
    void aChangedFigureKeepsTheOldOneAsARevision() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        as("alice").saveAll(List.of(edit(i, "80.0", null)));
        as("bob").saveAll(List.of(edit(i, "86.0", 0)));
        Observation now = observations.find(i.id(), DEC_18).orElseThrow();
        assertThat(now.value()).isEqualByComparingTo("86.0");
        assertThat(now.enteredBy()).isEqualTo("bob");
        assertThat(observations.revisions(i.id())).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualByComparingTo("80.0");
            assertThat(r.enteredBy()).isEqualTo("alice");
            assertThat(r.replacedBy()).isEqualTo("bob");
        });
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndNothingIsLost() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        as("alice").saveAll(List.of(edit(i, "80.0", null)));
        as("alice").saveAll(List.of(edit(i, "81.0", 0)));
        assertThatThrownBy(() -> as("bob").saveAll(List.of(edit(i, "99.0", 0))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("alice saved 81.0");
        assertThat(observations.find(i.id(), DEC_18).orElseThrow().value()).isEqualByComparingTo("81.0");
        assertThat(observations.revisions(i.id())).hasSize(1);
    }

    @Test
    void aConflictOnOneFigureSavesNoneOfThePage() {
        Indicator a = test.higherIsBetter("85.0", "76.5");
        Indicator b = test.higherIsBetter("85.0", "76.5");
        as("alice").saveAll(List.of(edit(b, "70.0", null)));
        assertThatThrownBy(() -> as("bob").saveAll(List.of(edit(a, "90.0", null), edit(b, "71.0", 5))))
                .isInstanceOf(ConflictException.class);
        assertThat(observations.find(a.id(), DEC_18)).isEmpty();
    }

    @Test
    void theRatingFollowsTheFigureEntered() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        as("alice").saveAll(List.of(edit(i, "76.4", null)));
        assertThat(rag(i)).isEqualTo(Rag.RED);
        as("alice").saveAll(List.of(edit(i, "76.5", 0)));
        assertThat(rag(i)).isEqualTo(Rag.AMBER);
        as("alice").saveAll(List.of(edit(i, "85", 1)));
        assertThat(rag(i)).isEqualTo(Rag.GREEN);
    }

    private Rag rag(Indicator i) {
        return dashboards.build(DEC_18, null, i.division()).lines().get(0).rating().rag();
    }

    @Test
    void catalogueRulesGiveClearErrors() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        assertThatThrownBy(() -> catalogue.create(i)).isInstanceOf(InputException.class)
                .hasMessageContaining("already exists").extracting("field").isEqualTo("ref");
        assertThatThrownBy(() -> catalogue.savePhase(i.id(), new FinancialYear(2018),
                new Targets.Phase(YearMonth.of(2019, 5), YearMonth.of(2019, 5), BigDecimal.TEN, null)))
                .isInstanceOf(InputException.class).hasMessageContaining("outside the financial year 2018-19");
        assertThatThrownBy(() -> catalogue.saveYear(i.id(), new Targets.Year(2019, BigDecimal.TEN, BigDecimal.valueOf(20), null, null, 0), null))
                .isInstanceOf(InputException.class).hasMessageContaining("must be below the target");
    }

    @Test
    void publishingFreezesRatingsAndALaterRevisionShowsAsARestatement() {
        Indicator i = test.higherIsBetter("85.0", "76.5");
        YearMonth month = YearMonth.of(2018, 11);
        as("alice").saveAll(List.of(new ObservationRepository.Edit(i.id(), month, new BigDecimal("90.0"), null, null, false, null, null, null)));
        publications.publish(month, "Test directorate", "clerk");
        as("alice").saveAll(List.of(new ObservationRepository.Edit(i.id(), month, new BigDecimal("70.0"), null, null, false, null, null, 0)));
        Dashboard.Line line = dashboards.build(month, "Test directorate", null).lines().stream()
                .filter(l -> l.indicator().id().equals(i.id())).findFirst().orElseThrow();
        assertThat(line.frozen().rag()).isEqualTo(Rag.GREEN);
        assertThat(line.shownRag()).isEqualTo(Rag.GREEN);
        assertThat(line.rating().rag()).isEqualTo(Rag.RED);
        assertThat(line.restated()).isTrue();
        // Published again, the month is restated: the revision is what the public reads.
        publications.publish(month, "Test directorate", "clerk");
        Dashboard.Line restated = dashboards.build(month, "Test directorate", null).lines().stream()
                .filter(l -> l.indicator().id().equals(i.id())).findFirst().orElseThrow();
        assertThat(restated.frozen().rag()).isEqualTo(Rag.RED);
        assertThat(restated.restated()).isFalse();
    }
}
