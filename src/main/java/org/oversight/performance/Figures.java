package org.oversight.performance;

import java.util.regex.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.shared.Audited;
import org.oversight.shared.Dates;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.Text;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entering figures: each save keeps the figure it replaces as a revision, all or nothing. */
@Service
class Figures {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final ApplicationEventPublisher events;
    private final CurrentUser user;

    Figures(IndicatorRepository indicators, ObservationRepository observations, ApplicationEventPublisher events, CurrentUser user) {
        this.indicators = indicators;
        this.observations = observations;
        this.events = events;
        this.user = user;
    }

    /**
     * Saves every edit or none: a conflict, a bad figure or a figure the user may not enter
     * rolls back them all. Each change goes to the audit trail with its before and after.
     */
    @Transactional
    void saveAll(List<ObservationRepository.Edit> edits) {
        for (ObservationRepository.Edit e : edits) {
            Indicator i = indicators.get(e.indicatorId());
            Observation before = observations.find(e.indicatorId(), e.period()).orElse(null);
            apply(i, e);
            events.publishEvent(new Audited(before == null ? Audited.Action.CREATE : Audited.Action.UPDATE, "observation",
                    i.id() + ":" + e.period(), "Figure for " + i.ref() + " " + e.period(), before,
                    observations.find(e.indicatorId(), e.period()).orElse(null)));
        }
    }

    /** Saves one edit without its own audit record: an import is audited once, as a whole. */
    void apply(Indicator i, ObservationRepository.Edit e) {
        applyAll(Map.of(i, e));
    }

    /** Saves many edits in a few batched statements, each checked as {@link #apply} checks one. */
    void applyAll(Map<Indicator, ObservationRepository.Edit> edits) {
        List<ObservationRepository.Edit> checked = new ArrayList<>();
        edits.forEach((i, e) -> {
            if (!user.mayEnterFigures(i.division(), i.ref())) {
                throw new AccessDeniedException("You may not enter figures for " + i.ref() + ": it is not among the indicators you look after.");
            }
            checked.add(complete(i, e));
        });
        observations.saveAll(checked, user.name());
    }

    /** Checks the edit and, when numerator and denominator are both given, computes the value from them. */
    static ObservationRepository.Edit complete(Indicator i, ObservationRepository.Edit e) {
        if (e.period().isAfter(YearMonth.now())) {
            throw new InputException("period", e.period() + " has not happened yet: figures can be entered up to the current month");
        }
        if (e.period().isBefore(Dates.FIRST_MONTH)) {
            throw new InputException("period", e.period() + " is too early: Oversight keeps figures from " + Dates.FIRST_MONTH + " on");
        }
        DecimalCell.check("value", e.value());
        DecimalCell.check("numerator", e.numerator());
        DecimalCell.check("denominator", e.denominator());
        Text.bounded("commentary", e.commentary(), Text.LONG);
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
        if (e.value() != null && e.value().compareTo(rate) != 0) {
            throw new InputException("value", e.value().toPlainString() + " disagrees with numerator " + e.numerator().toPlainString()
                    + " and denominator " + e.denominator().toPlainString() + ", which give " + rate.toPlainString()
                    + ": correct one of them, or clear the figure to have it worked out");
        }
        return new ObservationRepository.Edit(e.indicatorId(), e.period(), rate, e.numerator(), e.denominator(), e.provisional(),
                e.commentary(), e.publishedRag(), e.expectedVersion());
    }

    /** '%' is per 100; 'per 10,000' and the like are read from the unit. */
    static BigDecimal multiplier(String unit) {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT).replace(",", "").strip();
        if (u.equals("%")) {
            return BigDecimal.valueOf(100);
        }
        var m = Pattern.compile("(?:rate )?per (\\d+)").matcher(u);
        return m.matches() ? new BigDecimal(m.group(1)) : BigDecimal.ONE;
    }
}
