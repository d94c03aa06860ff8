package org.oversight.finance;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A portfolio's narrative for the month, as its finance officer writes it for the report: saved optimistic-locked and audited. */
@Service
class Narratives {

    private final NarrativeRepository narratives;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;

    Narratives(NarrativeRepository narratives, Budgets budgets, ApplicationEventPublisher events) {
        this.narratives = narratives;
        this.budgets = budgets;
        this.events = events;
    }

    Optional<NarrativeRepository.Narrative> of(long heading, YearMonth month) {
        return narratives.narrative(heading, month);
    }

    /** A portfolio's narrative for the month, as typed; each part up to 8,000 characters; {@code version} as read, -1 when there was none. */
    @Transactional
    void save(Budget.Heading h, YearMonth month, String reasons, String actions, String mtfp, String rollForwards, int version, String user) {
        budgets.requireInBook(h, month);
        String[] parts = {Text.orNull(reasons), Text.orNull(actions), Text.orNull(mtfp), Text.orNull(rollForwards)};
        String[] fields = {"reasons", "actions", "mtfp", "rollForwards"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null && parts[i].length() > 8_000) {
                throw new InputException(fields[i], "Each part of the narrative is 8,000 characters or fewer; this is " + String.format("%,d", parts[i].length()));
            }
        }
        if (Arrays.stream(parts).allMatch(Objects::isNull)) {
            throw new InputException("reasons", "Write at least the main reasons for the variance");
        }
        NarrativeRepository.Narrative before = narratives.narrative(h.id(), month).orElse(null);
        NarrativeRepository.Narrative after = new NarrativeRepository.Narrative(parts[0], parts[1], parts[2], parts[3], version);
        if (!narratives.saveNarrative(h.id(), month, after, user)) {
            throw new ConflictException("Someone saved this narrative while you were writing: nothing was saved. Read theirs, then write yours again.");
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "budget_narrative", h.id() + ":" + month,
                "Narrative for " + h.name() + ", " + month, before, after));
    }
}
