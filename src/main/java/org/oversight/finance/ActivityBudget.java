package org.oversight.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A high-risk budget measured in activity (weeks of nursing care, hours of home care): the
 * affordable level (budget ÷ budgeted unit cost) against the forecast, its variance split into
 * volume and price, in pounds to the nearest pound; the activity actually seen to date; and the
 * indicator (by ref) that measures the same activity. A figure not given leaves its variances empty.
 */
record ActivityBudget(int row, String service, BigDecimal affordableUnits, BigDecimal forecastUnits, BigDecimal budgetUnitCost,
                      BigDecimal forecastUnitCost, BigDecimal actualUnits, String indicatorRef) {

    /** (forecast units − affordable units) × forecast unit cost. */
    BigDecimal volumeVariance() {
        return affordableUnits == null || forecastUnits == null || forecastUnitCost == null ? null
                : pounds(forecastUnits.subtract(affordableUnits).multiply(forecastUnitCost));
    }

    /** (forecast unit cost − budgeted unit cost) × affordable units. */
    BigDecimal priceVariance() {
        return affordableUnits == null || budgetUnitCost == null || forecastUnitCost == null ? null
                : pounds(forecastUnitCost.subtract(budgetUnitCost).multiply(affordableUnits));
    }

    /** Volume + price, each rounded first, so the three figures printed add up. */
    BigDecimal totalVariance() {
        BigDecimal v = volumeVariance(), p = priceVariance();
        return v == null || p == null ? null : v.add(p);
    }

    private static BigDecimal pounds(BigDecimal x) {
        return x.setScale(0, RoundingMode.HALF_UP);
    }
}
