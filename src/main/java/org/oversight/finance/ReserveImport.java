package org.oversight.finance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** A month's reserves, replaced whole. Run by {@link BudgetImport}, in its transaction. */
@Service
class ReserveImport {

    private final ReserveRepository reserves;
    private final ApplicationEventPublisher events;

    ReserveImport(ReserveRepository reserves, ApplicationEventPublisher events) {
        this.reserves = reserves;
        this.events = events;
    }

    /** A month's reserves, replaced whole: each reserve's movements take its opening balance to the projected one. */
    BudgetImport.Result load(YearMonth month, List<ReserveLine> written, BudgetImport.Unit unit, String user) {
        if (written.isEmpty()) {
            throw new InputException("file", "The file has no reserves");
        }
        written.forEach(r -> {
            unit.fits(r.row(), "balance_start", r.opening());
            unit.fits(r.row(), "balance_end", r.projected());
            r.movements().forEach(m -> unit.fits(m.row(), "movement", m.amount()));
        });
        for (ReserveLine r : written) {
            if (r.unbalanced()) {
                throw new InputException(r.row(), "balance_end", "'" + r.reserve() + "': " + r.opening().toPlainString() + " at the start and movements of "
                        + r.listed().toPlainString() + " make " + r.opening().add(r.listed()).toPlainString() + ", not the " + r.projected().toPlainString()
                        + " projected: nothing was loaded");
            }
            if (r.group() != null && written.stream().anyMatch(x -> x.reserve().equals(r.group()))) {
                throw new InputException(r.row(), "group", "'" + r.group() + "' is a reserve of the file: a group's balances are the sum of its reserves, not a line");
            }
        }
        reserves.clearReserves(month);
        for (ReserveLine r : written) {
            reserves.saveReserve(month, new ReserveLine(r.row(), r.group(), r.reserve(), unit.inPounds(r.opening()), unit.inPounds(r.projected()), r.movements().stream()
                    .map(m -> new ReserveLine.Movement(m.row(), m.description(), unit.inPounds(m.amount()))).toList()), user);
        }
        events.publishEvent(new Audited(Audited.Action.IMPORT, "reserves", month.toString(), "Reserves for " + month + " loaded: " + written.size() + " reserves",
                null, Map.of("month", month.toString(), "unit", unit.words(), "reserves", written.size())));
        return new BudgetImport.Result(month, BudgetCsv.Kind.RESERVES, written.size());
    }
}
