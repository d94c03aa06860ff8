package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.shared.Audited;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** A month's position by service line (Appendix 1), replaced whole. Run by {@link BudgetImport}, in its transaction. */
@Service
class ServiceLineImport {

    private final ServiceLineRepository serviceLines;
    private final Budgets budgets;
    private final ServiceLines analyses;
    private final ApplicationEventPublisher events;

    ServiceLineImport(ServiceLineRepository serviceLines, Budgets budgets, ServiceLines analyses, ApplicationEventPublisher events) {
        this.serviceLines = serviceLines;
        this.budgets = budgets;
        this.analyses = analyses;
        this.events = events;
    }

    /**
     * A month's position by service line, replaced whole: each net is gross + income and each total line the sum of the lines
     * above it that it covers, to the rounding of the figures written; each line's directorate is one of the month's budget book,
     * and its movement its variance less the month before's, when that month has the line.
     */
    BudgetImport.Result load(YearMonth month, List<ServiceLine> written, BudgetImport.Unit unit, String user) {
        if (written.stream().noneMatch(l -> !l.total())) {
            throw new InputException("file", "The file has no service lines");
        }
        written.forEach(l -> ServiceLine.FIGURES.forEach((column, figure) -> unit.fits(l.row(), column, figure.apply(l))));
        Set<String> directorates = budgets.of(month).positions().stream().map(p -> p.heading().name()).collect(Collectors.toSet());
        Map<String, ServiceLine> before = month.getMonthValue() == 4 ? Map.of() : serviceLines.serviceLines(month.minusMonths(1)).stream()
                .collect(Collectors.toMap(ServiceLine::key, l -> l, (a, b) -> a));
        for (int i = 0; i < written.size(); i++) {
            ServiceLine l = written.get(i);
            // A line's net is its gross + income; a total's figures are each checked against its lines below, which carry the rounding of them all.
            if (!l.total() && l.net() != null && l.gross() != null && l.income() != null
                    && DecimalCell.beyondRounding(l.net(), l.gross().add(l.income()), 2)) {
                throw new InputException(l.row(), "cash_limit_net", "'" + l.name() + "': the net is gross + income, " + l.gross().add(l.income()).toPlainString()
                        + ", not " + l.net().toPlainString() + ": nothing was loaded");
            }
            if (l.directorate() != null && !directorates.contains(l.directorate())) {
                throw new InputException(l.row(), "directorate", "There is no directorate '" + l.directorate() + "' in the " + FinancialYear.of(month).label()
                        + " budget book" + (directorates.isEmpty() ? ": load the year's budget book (a revenue file) first"
                        : ": a service line belongs to one of its directorates, " + String.join("; ", directorates.stream().sorted().limit(12).toList())
                          + (directorates.size() > 12 ? "; …" : "")));
            }
            if (!l.total() && l.net() == null && (l.gross() == null || l.income() == null)) {
                throw new InputException(l.row(), "cash_limit_net", "'" + l.name() + "': give the line's budget, its net cash limit (or gross and income)");
            }
            if (l.total()) {
                List<ServiceLine> parts = written.subList(0, i).stream().filter(l::covers).toList();
                if (parts.isEmpty()) {
                    throw new InputException(l.row(), "service_line", "'" + l.name() + "' is a total, but no line above it is "
                            + (l.division() != null ? "in " + l.division() + " of " + l.directorate() : l.directorate() != null ? "in " + l.directorate() : "there")
                            + ": a total comes after the lines it adds up");
                }
                for (Map.Entry<String, Function<ServiceLine, BigDecimal>> f : ServiceLine.FIGURES.entrySet()) {
                    BigDecimal stated = f.getValue().apply(l);
                    List<BigDecimal> given = parts.stream().map(f.getValue()).filter(x -> x != null).toList();
                    BigDecimal sum = given.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (stated != null && !given.isEmpty() && DecimalCell.beyondRounding(stated, sum, given.size())) {
                        throw new InputException(l.row(), f.getKey(), "'" + l.name() + "': " + stated.toPlainString() + " is written, but the " + given.size()
                                + " lines it adds up come to " + sum.toPlainString() + ", more than their rounding explains: nothing was loaded");
                    }
                }
                continue;
            }
            ServiceLine last = before.get(l.key());
            BigDecimal lastVariance = last == null || last.variance() == null ? null : last.variance().divide(unit.pounds);
            if (l.movement() != null && l.variance() != null && lastVariance != null
                    && DecimalCell.beyondRounding(l.movement(), l.variance().subtract(lastVariance), 2)) {
                throw new InputException(l.row(), "movement", "'" + l.name() + "': the movement is the variance less " + month.minusMonths(1) + "'s, "
                        + l.variance().subtract(lastVariance).stripTrailingZeros().toPlainString() + ", not " + l.movement().toPlainString() + ": nothing was loaded");
            }
        }
        BigDecimal roundedTo = ServiceLine.roundedTo(written, unit.pounds);
        List<ServiceLine> lines = written.stream().filter(l -> !l.total()).map(l -> new ServiceLine(l.row(), l.directorate(), l.division(), l.name(),
                unit.inPounds(l.gross()), unit.inPounds(l.income()), unit.inPounds(l.net() != null || l.gross() == null || l.income() == null ? l.net() : l.gross().add(l.income())),
                unit.inPounds(l.variance()), unit.inPounds(l.movement()),
                roundedTo)).toList();
        serviceLines.saveServiceLines(month, lines, user);
        events.publishEvent(new Audited(Audited.Action.IMPORT, "service_lines", month.toString(), "The position by service line for " + month + " loaded: "
                + lines.size() + " lines", null, Map.of("month", month.toString(), "unit", unit.words(), "lines", lines.size())));
        return new BudgetImport.Result(month, BudgetCsv.Kind.SERVICE_LINES, lines.size(), 0, 0, analyses.disagreements(month));
    }
}
