package org.oversight.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.oversight.shared.InputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entering figures: each save keeps the figure it replaces as a revision, all or nothing. */
@Service
class Figures {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;

    Figures(IndicatorRepository indicators, ObservationRepository observations) {
        this.indicators = indicators;
        this.observations = observations;
    }

    /** Saves every edit or none: a conflict or bad figure on any one rolls back them all. */
    @Transactional
    void saveAll(List<ObservationRepository.Edit> edits, String user) {
        for (ObservationRepository.Edit e : edits) {
            observations.save(complete(indicators.get(e.indicatorId()), e), user);
        }
    }

    /** Checks the edit and, when numerator and denominator are both given, computes the value from them. */
    static ObservationRepository.Edit complete(Indicator i, ObservationRepository.Edit e) {
        if (e.period().isAfter(YearMonth.now())) {
            throw new InputException("period", e.period() + " has not happened yet: figures can be entered up to the current month");
        }
        if ((e.numerator() == null) != (e.denominator() == null)) {
            throw new InputException(e.numerator() == null ? "numerator" : "denominator",
                    "give both the numerator and the denominator, or neither");
        }
        if (e.numerator() == null) {
            return e;
        }
        if (e.denominator().signum() == 0) {
            throw new InputException("denominator", "the denominator must not be zero");
        }
        BigDecimal rate = e.numerator().multiply(multiplier(i.unit())).divide(e.denominator(), i.decimals(), RoundingMode.HALF_UP);
        return new ObservationRepository.Edit(e.indicatorId(), e.period(), rate, e.numerator(), e.denominator(), e.provisional(),
                e.commentary(), e.publishedRag(), e.expectedVersion());
    }

    /** "%" is per 100; "per 10,000" and the like are read from the unit. */
    static BigDecimal multiplier(String unit) {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT).replace(",", "").strip();
        if (u.equals("%")) {
            return BigDecimal.valueOf(100);
        }
        var m = java.util.regex.Pattern.compile("(?:rate )?per (\\d+)").matcher(u);
        return m.matches() ? new BigDecimal(m.group(1)) : BigDecimal.ONE;
    }
}
