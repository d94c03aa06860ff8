package org.oversight.finance;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** A month's activity budgets, each service's figures for the month, replaced whole. Run by {@link BudgetImport}, in its transaction. */
@Service
class ActivityImport {

    private final ActivityBudgetRepository activityBudgets;
    private final ApplicationEventPublisher events;

    ActivityImport(ActivityBudgetRepository activityBudgets, ApplicationEventPublisher events) {
        this.activityBudgets = activityBudgets;
        this.events = events;
    }

    /** A month's activity budgets (the file has a service column): each service's figures for the month, replaced whole. */
    BudgetImport.Result load(YearMonth month, List<ActivityBudget> services, String user) {
        if (services.isEmpty()) {
            throw new InputException("file", "The file has no services");
        }
        Set<String> seen = new HashSet<>();
        for (ActivityBudget a : services) {
            if (!seen.add(a.service())) {
                throw new InputException(a.row(), "service", "'" + a.service() + "' is on an earlier line too: each service is one line");
            }
        }
        services.forEach(a -> activityBudgets.saveActivity(month, a, user));
        events.publishEvent(new Audited(Audited.Action.IMPORT, "activity_budget", month.toString(), "Activity budgets for " + month + " loaded: "
                + services.size() + " services", null, Map.of("month", month.toString(), "services", services.size())));
        return new BudgetImport.Result(month, BudgetCsv.Kind.ACTIVITY, services.size());
    }
}
