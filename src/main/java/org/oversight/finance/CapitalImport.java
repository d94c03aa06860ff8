package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** A month's capital programme, replaced whole. Run by {@link BudgetImport}, in its transaction. */
@Service
class CapitalImport {

    private final CapitalSchemeRepository capitalSchemes;
    private final ApplicationEventPublisher events;

    CapitalImport(CapitalSchemeRepository capitalSchemes, ApplicationEventPublisher events) {
        this.capitalSchemes = capitalSchemes;
        this.events = events;
    }

    /**
     * A month's capital programme, replaced whole: each variance is real + rephasing, a Total line the sum
     * of the lines above it, and no scheme has spent beyond its approved cost without the approval recorded.
     */
    BudgetImport.Result load(YearMonth month, List<CapitalLine> written, BudgetImport.Unit unit, String user) {
        if (written.isEmpty()) {
            throw new InputException("file", "The file has no schemes");
        }
        written.forEach(l -> {
            CapitalLine.FIGURES.forEach((column, figure) -> unit.fits(l.row(), column, figure.apply(l)));
            l.funding().forEach(f -> unit.fits(l.row(), "funding", f.amount()));
        });
        for (int i = 0; i < written.size(); i++) {
            CapitalLine l = written.get(i);
            String name = "'" + (l.scheme() == null ? l.directorate() : l.scheme()) + "': ";
            if (l.variance() != null && l.real() != null && l.rephasing() != null && RevenueBook.differs(l.variance(), l.real().add(l.rephasing()))) {
                throw new InputException(l.row(), "variance", name + "the variance is real + rephasing, " + l.real().add(l.rephasing()).toPlainString() + ", not "
                        + l.variance().toPlainString() + ": nothing was loaded");
            }
            checkMovement(l, name, "real_movement", l.realMovement(), l.real(), l.lastReal(), "real_variance − last_real");
            checkMovement(l, name, "rephasing_movement", l.rephasingMovement(), l.rephasing(), l.lastRephasing(), "rephasing_variance − last_rephasing");
            if (l.total()) {
                List<CapitalLine> above = written.subList(0, i).stream().filter(x -> !x.total()).toList();
                for (Map.Entry<String, Function<CapitalLine, BigDecimal>> f : CapitalLine.FIGURES.entrySet()) {
                    BigDecimal stated = f.getValue().apply(l);
                    List<BigDecimal> parts = above.stream().map(f.getValue()).filter(x -> x != null).toList();
                    BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (!parts.isEmpty() && RevenueBook.differs(stated, sum)) {
                        throw new InputException(l.row(), f.getKey(), name + stated.toPlainString() + " is written, but the lines above add up to " + sum.toPlainString()
                                + ": nothing was loaded");
                    }
                }
            } else if (l.spentBeyondApproval() && l.approval() == null) {
                throw new InputException(l.row(), "spend_to_date", name + "spend so far (" + plainOf(l.previousSpend()) + " in earlier years and " + plainOf(l.spendToDate())
                        + " this year) is more than the approved cost, " + l.approvedCost().toPlainString() + ": record the approval of the overspend (the decision) "
                        + "in the approval column, or correct the figures: nothing was loaded");
            }
        }
        Map<Long, Integer> versions = capitalSchemes.clearCapital(month);
        List<CapitalLine> lines = written.stream().filter(l -> !l.total()).toList();
        lines.forEach(l -> capitalSchemes.saveCapital(month, inPounds(l, unit), versions, user));
        events.publishEvent(new Audited(Audited.Action.IMPORT, "capital", month.toString(), "Capital monitoring for " + month + " loaded: " + lines.size()
                + " lines", null, Map.of("month", month.toString(), "unit", unit.words(), "lines", lines.size())));
        return new BudgetImport.Result(month, BudgetCsv.Kind.CAPITAL, lines.size());
    }

    /** A movement as a paper prints it, checked against the variance less the one last reported. */
    private static void checkMovement(CapitalLine l, String name, String column, BigDecimal written, BigDecimal now, BigDecimal last, String rule) {
        if (written != null && now != null && last != null && RevenueBook.differs(written, now.subtract(last))) {
            throw new InputException(l.row(), column, name + "the movement is " + rule + ", " + now.subtract(last).toPlainString() + ", not "
                    + written.toPlainString() + ": nothing was loaded");
        }
    }

    private static String plainOf(BigDecimal x) {
        return x == null ? "0" : x.toPlainString();
    }

    private static CapitalLine inPounds(CapitalLine l, BudgetImport.Unit u) {
        return new CapitalLine(l.row(), l.directorate(), l.scheme(), u.inPounds(l.approvedCost()), l.approval(), u.inPounds(l.previousSpend()), u.inPounds(l.budget()),
                u.inPounds(l.laterYears()), u.inPounds(l.spendToDate()), u.inPounds(l.variance()), u.inPounds(l.real()), u.inPounds(l.rephasing()),
                u.inPounds(l.lastReal()), u.inPounds(l.lastRephasing()), null, null, l.delayed(), l.funding().stream().map(f -> new CapitalLine.Funding(f.source(),
                u.inPounds(f.amount()))).toList(), Text.orNull(l.comment()), null);
    }
}
