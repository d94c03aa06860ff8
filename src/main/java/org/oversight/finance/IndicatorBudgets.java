package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The budget position beside the indicators that measure the same activity: an activity budget names
 * its indicator by ref, and a page that shows the indicator shows its budget with it. For staff only,
 * as every budget page is.
 */
@Service
public class IndicatorBudgets {

    /** An activity budget of {@code month} (the latest at or before the month asked) beside the indicator it names. */
    public record Beside(String indicatorRef, String service, YearMonth month, BigDecimal affordable, BigDecimal actual, BigDecimal forecast,
                         BigDecimal totalVariance) {
    }

    private final ActivityBudgets activity;

    IndicatorBudgets(ActivityBudgets activity) {
        this.activity = activity;
    }

    /** The month's activity budgets that name an indicator, in service order. */
    public List<Beside> of(YearMonth month) {
        return activity.latestMonth(month).map(m -> activity.of(m).stream().filter(a -> a.indicatorRef() != null)
                .map(a -> new Beside(a.indicatorRef(), a.service(), m, a.affordableUnits(), a.actualUnits(), a.forecastUnits(), a.totalVariance())).toList())
                .orElse(List.of());
    }
}
