package org.oversight.finance;

import java.math.BigDecimal;
import java.util.List;

/**
 * A revenue reserve's year as at a month: its balance at the start of the year, the movements
 * forecast (− a drawdown), and the balance projected at the year end. The movements take the one to
 * the other, to the rounding of the figures written.
 */
record ReserveLine(int row, String group, String reserve, BigDecimal opening, BigDecimal projected, List<Movement> movements) {

    record Movement(int row, String description, BigDecimal amount) {
    }

    /** The projected balance less the opening one. */
    BigDecimal movement() {
        return opening == null || projected == null ? null : projected.subtract(opening);
    }

    /** True when the movements listed do not take the opening balance to the projected one, by the rule for every written total (one unit in its last digit). */
    boolean unbalanced() {
        return !movements.isEmpty() && opening != null && RevenueBook.differs(projected, opening.add(listed()));
    }

    BigDecimal listed() {
        return movements.stream().map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
