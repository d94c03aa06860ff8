package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** A month's reserves as loaded, those of a group gathered under it. */
@Service
class Reserves {

    private final ReserveRepository reserves;
    private final Budgets budgets;

    Reserves(ReserveRepository reserves, Budgets budgets) {
        this.reserves = reserves;
        this.budgets = budgets;
    }

    /** A reserve, or a group of reserves (its balances the sum of theirs), with its movements. */
    record Row(String name, BigDecimal opening, BigDecimal projected, BigDecimal movement, List<ReserveLine.Movement> movements, List<Row> parts) {
    }

    /** The month's reserves in the order loaded, those of a group gathered under it. */
    List<Row> of(YearMonth month) {
        return budgets.kept("reserves", month, null, () -> grouped(month));
    }

    private List<Row> grouped(YearMonth month) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (ReserveLine r : reserves.reserves(month)) {
            // A reserve outside any group is a group of its own, keyed so that no group's name can be the same.
            groups.computeIfAbsent(r.group() == null ? "\u0000" + r.reserve() : r.group(), k -> new ArrayList<>())
                    .add(new Row(r.reserve(), r.opening(), r.projected(), r.movement(), r.movements(), List.of()));
        }
        return groups.entrySet().stream().map(e -> e.getKey().startsWith("\u0000") ? e.getValue().get(0) : new Row(e.getKey(),
                e.getValue().stream().map(Row::opening).reduce(BigDecimal.ZERO, BigDecimal::add),
                e.getValue().stream().map(Row::projected).reduce(BigDecimal.ZERO, BigDecimal::add),
                e.getValue().stream().map(Row::movement).reduce(BigDecimal.ZERO, BigDecimal::add), List.of(), e.getValue())).toList();
    }
}
