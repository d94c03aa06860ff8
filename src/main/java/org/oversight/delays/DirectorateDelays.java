package org.oversight.delays;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.oversight.performance.FedFigures;
import org.oversight.performance.IndicatorChoices;
import org.springframework.stereotype.Service;

/** The delays on a directorate's sheet: those of the latest month, for a directorate that reports them. */
@Service
public class DirectorateDelays {

    /** Delayed transfers of care in the latest month with figures: days delayed, the target for them, fewer than the month before (+1) or more (−1). */
    public record Month(YearMonth month, BigDecimal days, BigDecimal target, Integer direction) {
    }

    private final Delays delays;
    private final IndicatorChoices indicators;
    private final FedFigures figures;

    DirectorateDelays(Delays delays, IndicatorChoices indicators, FedFigures figures) {
        this.delays = delays;
        this.indicators = indicators;
        this.figures = figures;
    }

    /**
     * The delays in the latest month with figures, when the directorate reports them (an indicator of its is fed by them); for
     * staff, as the delays pages are. The directorate is matched as the open indicators name it, under any of its names.
     */
    public Optional<Month> latest(Collection<String> names) {
        Map<String, Long> feeds = delays.feeds();
        List<YearMonth> months = delays.months();
        if (feeds.isEmpty() || months.isEmpty()) {
            return Optional.empty();
        }
        List<String> fed = feeds.values().stream().map(figures::indicator).flatMap(Optional::stream).map(FedFigures.Fed::directorate)
                .filter(Objects::nonNull).toList();
        // Most directorates report no delays: known at once, before the catalogue is read for the name its indicators give this one.
        if (fed.stream().noneMatch(d -> names.stream().anyMatch(d::equalsIgnoreCase))) {
            return Optional.empty();
        }
        Optional<String> named = indicators.open().stream().map(IndicatorChoices.Choice::directorate).filter(Objects::nonNull).sorted()
                .filter(d -> names.stream().anyMatch(d::equalsIgnoreCase)).findFirst();
        if (named.isEmpty() || !fed.contains(named.get())) {
            return Optional.empty();
        }
        YearMonth last = months.stream().max(YearMonth::compareTo).orElseThrow();
        Delays.Position p = delays.month(last);
        return Optional.of(new Month(last, p.total().total(), p.targets().get("total"), p.direction()));
    }
}
