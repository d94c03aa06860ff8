package org.oversight.finance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Activity against affordable levels as loaded: a month's, the latest month that has any, and each service's three years. */
@Service
class ActivityBudgets {

    private final ActivityBudgetRepository activityBudgets;
    private final Budgets budgets;

    ActivityBudgets(ActivityBudgetRepository activityBudgets, Budgets budgets) {
        this.activityBudgets = activityBudgets;
        this.budgets = budgets;
    }

    /** The latest month at or before {@code month} with activity budgets. */
    Optional<YearMonth> latestMonth(YearMonth month) {
        return budgets.kept("activity month", month, null, () -> activityBudgets.activityMonth(month));
    }

    List<ActivityBudget> of(YearMonth month) {
        return budgets.kept("activity", month, null, () -> activityBudgets.activity(month));
    }

    /** Each service's activity over the three years to {@code month} (36 months), for its chart of actual against affordable. */
    Map<String, Map<YearMonth, ActivityBudget>> history(YearMonth month) {
        return budgets.kept("activity history", month, null, () -> activityBudgets.activityHistory(month.minusMonths(35), month));
    }
}
