package org.oversight.finance;

import java.math.BigDecimal;
import java.util.Locale;

import org.oversight.shared.Audited;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A year's pay award and CPI, each with its source: what the proposal is worked out from, until the schedule is approved. */
@Service
class RatesUplift {

    private final RateScheduleRepository schedules;
    private final RatesAndCharges rates;
    private final ApplicationEventPublisher events;

    RatesUplift(RateScheduleRepository schedules, RatesAndCharges rates, ApplicationEventPublisher events) {
        this.schedules = schedules;
        this.rates = rates;
        this.events = events;
    }

    /** The year's pay award and CPI for a schedule loaded, each with its source: both or neither of a figure and its source. */
    @Transactional
    void save(FinancialYear year, BigDecimal pay, String paySource, BigDecimal cpi, String cpiSource, Integer version, String user) {
        String ps = figure("pay", pay, "paySource", paySource, "the pay award");
        String cs = figure("cpi", cpi, "cpiSource", cpiSource, "CPI");
        RatesAndCharges.Schedule held = rates.lockedFor(year, version).orElseThrow(() -> new InputException("file", "There is no schedule for " + year.label()
                + ": load its rates first, then give the pay award and CPI"));
        try {
            RateSchedule.keepable(held.rates().uplift(pay, cpi, true));
        } catch (InputException e) {
            throw new InputException(pay != null ? "pay" : "cpi", "With these figures, rate " + e.row() + " of the schedule cannot be worked out: " + e.problem());
        }
        schedules.saveUplift(year, pay, ps, cpi, cs, user);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "rate_schedule", year.label(), "Pay award and CPI for " + year.label() + " saved",
                held.upliftAudited(), rates.schedule(year).orElseThrow().upliftAudited()));
    }

    private static String figure(String field, BigDecimal value, String sourceField, String source, String what) {
        String s = RatesAndCharges.said(source);
        if (value == null && s == null) {
            return null;
        }
        if (value == null) {
            throw new InputException(field, "Give " + what + " as a percentage, such as 2.8, or leave its source blank too");
        }
        if (value.abs().compareTo(new BigDecimal("100")) >= 0 || value.stripTrailingZeros().scale() > 3) {
            throw new InputException(field, what.substring(0, 1).toUpperCase(Locale.UK) + what.substring(1)
                    + " is a percentage between -100 and 100, to at most three decimal places, such as 2.8");
        }
        if (s == null) {
            throw new InputException(sourceField, "Say where " + what + " comes from, such as 'confirmed by the council on 13 February 2019'");
        }
        if (s.length() > 500 || s.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InputException(sourceField, "Write the source on one line, in 500 characters or fewer");
        }
        return s;
    }
}
