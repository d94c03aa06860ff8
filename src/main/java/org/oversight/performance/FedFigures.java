package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * An indicator's monthly figures as another module works them out and writes them (the delays feed two indicators): that module
 * decides which figures it may replace, so it reads the figure held before it writes; it records its own audit entry, saying
 * what the figure was worked out from.
 */
@Service
public class FedFigures {

    /** An indicator a module may feed, archived or not: its unit says what it measures (a percentage, a rate). */
    public record Fed(long id, String ref, String title, String unit, String directorate) {
    }

    /** The figure held for a month: {@code value} none when only its numerator and denominator were given. */
    public record Held(BigDecimal value, String commentary, int version) {
    }

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;

    FedFigures(IndicatorRepository indicators, ObservationRepository observations) {
        this.indicators = indicators;
        this.observations = observations;
    }

    public Optional<Fed> indicator(long id) {
        return indicators.findById(id).map(i -> new Fed(i.id(), i.ref(), i.title(), i.unit(), i.directorate()));
    }

    public Optional<Held> held(long indicator, YearMonth month) {
        return observations.find(indicator, month).map(o -> new Held(o.value(), o.commentary(), o.version()));
    }

    /**
     * The month's figure, written as any correction is: a figure {@code held} replaced (its revision kept, its commentary kept),
     * refused as stale when it has changed since it was read. Not checked against the user's indicators: the feeding module's
     * own role lets it write.
     */
    public void write(long indicator, YearMonth month, BigDecimal value, Optional<Held> held, String user) {
        Indicator i = indicators.get(indicator);
        observations.saveAll(List.of(Figures.complete(i, new ObservationRepository.Edit(indicator, month, value, null, null, false,
                held.map(Held::commentary).orElse(null), null, held.map(Held::version).orElse(null)))), user);
    }
}
