package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;

/** A month's capital programme as loaded and typed, worked out with its movements from the month before. */
@Service
class CapitalProgrammes {

    private final CapitalSchemeRepository capitalSchemes;
    private final Budgets budgets;

    CapitalProgrammes(CapitalSchemeRepository capitalSchemes, Budgets budgets) {
        this.capitalSchemes = capitalSchemes;
        this.budgets = budgets;
    }

    /** The month's capital programme, movements from the month before when it is stored. */
    CapitalProgramme of(YearMonth month, BigDecimal realThreshold, BigDecimal rephasingThreshold) {
        // Movements run within a financial year, as the revenue's do.
        return budgets.kept("capital", month, List.of(realThreshold, rephasingThreshold), () -> new CapitalProgramme(capitalSchemes.capital(month),
                month.getMonthValue() == 4 ? List.of() : capitalSchemes.capital(month.minusMonths(1)), realThreshold, rephasingThreshold));
    }
}
