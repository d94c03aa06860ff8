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

    /**
     * True when the movements listed do not take the opening balance to the projected one: more apart
     * than half a unit in the last written digit for each figure added, the most their rounding explains.
     */
    boolean unbalanced() {
        if (movements.isEmpty() || movement() == null) {
            return false;
        }
        BigDecimal listed = movements.stream().map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int scale = Math.max(Math.max(opening.scale(), projected.scale()), movements.stream().mapToInt(m -> m.amount().scale()).max().orElse(0));
        BigDecimal slack = new BigDecimal("0.5").scaleByPowerOfTen(-scale).multiply(BigDecimal.valueOf(movements.size() + 2L));
        return listed.subtract(movement()).abs().compareTo(slack) > 0;
    }

    BigDecimal listed() {
        return movements.stream().map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
