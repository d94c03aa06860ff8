package org.oversight.finance;

import java.math.BigDecimal;

import org.oversight.shared.DecimalCell;
import org.oversight.shared.InputException;

/** Amounts as finance officers type and read them on a page: in £000s. */
final class Thousands {

    private static final BigDecimal MOST = new BigDecimal("1E12");

    private Thousands() {
    }

    /** An amount typed in £000s (blank is none), in pounds; refused at its box ({@code field}) when it is not one Oversight keeps. */
    static BigDecimal read(String field, String typed) {
        try {
            BigDecimal k = DecimalCell.parse(typed);
            if (k != null && k.abs().compareTo(MOST) >= 0) {
                throw new InputException(field, "'" + typed.strip() + "' (£000s) is more than Oversight keeps: amounts are up to £999,999,999,999,999");
            }
            return k == null ? null : k.multiply(BudgetImport.Unit.THOUSANDS.pounds);
        } catch (NumberFormatException e) {
            throw new InputException(field, e.getMessage() + ": write it in £000s, such as 250 or -1,200");
        }
    }

    /** Pounds in £000s, as a box shows them: 1,250,000 as 1250. */
    static String written(BigDecimal pounds) {
        return BudgetImport.Unit.THOUSANDS.written(pounds);
    }
}
