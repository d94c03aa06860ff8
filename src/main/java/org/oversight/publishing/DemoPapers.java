package org.oversight.publishing;

import java.time.YearMonth;

import org.oversight.finance.BudgetPapers;
import org.oversight.finance.RatesAndCharges;
import org.oversight.performance.DashboardPapers;
import org.oversight.shared.FinancialYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start with the demo data, the papers the council published are published again from
 * it, as they were, so the public reads real papers at once: the Adult Social Care and Health
 * dashboard of January 2019 (its committee pack of 12 March 2019), the Corporate Risk Register of
 * December 2017 (the Cabinet pack of 11 December 2017), the directorate's register (March
 * 2019), the budget monitoring report of September 2017 (the Cabinet pack of 11 December 2017) and the 2019-20 rates
 * and charges as proposed (the appendix of the March 2019 pack). The checks' findings on them are the council's own and go out accepted, saying so. Runs
 * before the web server opens.
 */
@Component
class DemoPapers implements SmartLifecycle {

    static final String ASCH = "Adult Social Care and Health";
    static final String WHY = "Published as the council published it (demo data from its own papers): these findings are in the original.";
    private static final Logger log = LoggerFactory.getLogger(DemoPapers.class);

    private final boolean enabled;
    private final Papers papers;
    private final DashboardPapers dashboards;
    private final BudgetPapers budgets;
    private final RatesAndCharges rates;
    private final TransactionTemplate transaction;
    private volatile boolean running;

    DemoPapers(@Value("${oversight.demo:true}") boolean demo, @Value("${oversight.demo-papers:true}") boolean papers, Papers paperService,
               DashboardPapers dashboards, BudgetPapers budgets, RatesAndCharges rates, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.enabled = demo && papers;
        this.papers = paperService;
        this.dashboards = dashboards;
        this.budgets = budgets;
        this.rates = rates;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled || !papers.published().isEmpty() || !dashboards.directorates().contains(ASCH)) {
            return;
        }
        // All or none, so that the next start tries again; a demo that cannot be published does not stop the app.
        try {
            transaction.executeWithoutResult(status -> {
                publish("dashboard", YearMonth.of(2019, 1), ASCH);
                publish("risks", YearMonth.of(2017, 12), "CORPORATE");
                publish("risks", YearMonth.of(2019, 3), "ASCH");
                if (!budgets.report(YearMonth.of(2017, 9)).empty()) {
                    publish("budget", YearMonth.of(2017, 9), "");
                }
                // The appendix of the committee paper of 12 March 2019: the 2019-20 rates and charges as proposed, six of them not as their basis gives.
                if (rates.proposed(new FinancialYear(2019)).isPresent()) {
                    publish("rates", YearMonth.of(2019, 4), "");
                }
            });
        } catch (RuntimeException e) {
            log.error("The demo papers were not published", e);
        }
    }

    private void publish(String kind, YearMonth period, String scope) {
        log.info("Published the demo paper: {}", papers.publish(kind, period, scope, "demo", true, WHY, null).title());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts in a later phase), after every demo loader (which run as singletons are made). */
    @Override
    public int getPhase() {
        return 0;
    }
}
