package org.oversight.finance;

import java.io.StringReader;
import java.util.Optional;

import org.oversight.shared.Audited;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A year's schedule loaded from a rates file (spec/rates-csv.md), all or nothing, replacing the rates held for it until it is approved. */
@Service
class RateScheduleImport {

    private final RateScheduleRepository schedules;
    private final RatesAndCharges rates;
    private final ApplicationEventPublisher events;

    RateScheduleImport(RateScheduleRepository schedules, RatesAndCharges rates, ApplicationEventPublisher events) {
        this.schedules = schedules;
        this.rates = rates;
        this.events = events;
    }

    /** What loading a schedule did: its rates, and how many of the published figures do not follow from their basis. */
    record Loaded(int rates, long differing) {
    }

    /**
     * Loads the year's schedule from a rates file, replacing the rates held for it (not the pay award and CPI): all or nothing. An
     * approved schedule is not replaced. With {@code version}, refused if the schedule changed since it was read.
     */
    @Transactional
    Loaded load(FinancialYear year, byte[] csv, Integer version, String user) {
        if (csv.length > 3 && csv[0] == 'P' && csv[1] == 'K' && csv[2] == 3 && csv[3] == 4) {
            throw new InputException("file", "The file is a spreadsheet workbook (XLSX), not CSV: in the spreadsheet, save it as CSV UTF-8 and load that");
        }
        String text = Text.utf8(csv);
        RateSchedule read = RateSchedule.read(new StringReader(text));
        for (RateSchedule.Rate r : read.rates()) {
            RateSchedule.bounded(r.row(), "current", r.current());
            RateSchedule.bounded(r.row(), "proposed", r.proposed());
            RateSchedule.bounded(r.row(), "multiple", r.multiple());
        }
        Optional<RatesAndCharges.Schedule> held = rates.lockedFor(year, version);
        if (held.isPresent() && version == null) {
            throw new InputException("year", "There is a " + year.label() + " schedule already: to replace its rates, load the file on its page, "
                    + "so that a change made since you read it is not lost");
        }
        // The formulas are checked now (unknown ids, circles), and the figures where the pay award and CPI are known.
        RateSchedule.keepable(read.uplift(held.map(RatesAndCharges.Schedule::pay).orElse(null), held.map(RatesAndCharges.Schedule::cpi).orElse(null), true));
        if (held.isEmpty()) {
            schedules.insert(year, user);
        } else {
            schedules.markReloaded(year, user);
        }
        schedules.replaceRates(year, read.rates());
        RatesAndCharges.Schedule after = rates.schedule(year).orElseThrow();
        events.publishEvent(new Audited(held.isPresent() ? Audited.Action.IMPORT : Audited.Action.CREATE, "rate_schedule", year.label(),
                "Rates and charges " + year.label() + " loaded: " + read.rates().size() + " rates", held.map(RatesAndCharges.Schedule::audited).orElse(null), after.audited()));
        return new Loaded(read.rates().size(), rates.proposal(after).stream().filter(RatesAndCharges.Proposed::differs).count());
    }
}
