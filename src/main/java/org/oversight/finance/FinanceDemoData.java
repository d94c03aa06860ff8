package org.oversight.finance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The budget monitoring of September 2017 as the Cabinet paper of 11 December 2017 gives it: the
 * revenue position (Table 1) and its breakdown by service line (Appendix 1), the capital position (Table 3), the reserves
 * (Appendix 4 and the schools' reserves of section 3.5) and the activity of Appendix 2's sheets (classpath demo/finance/, see demo/SOURCES.md), loaded through
 * the same checks as any month's files. On first start only.
 */
@Component
class FinanceDemoData implements SmartInitializingSingleton {

    static final YearMonth MONTH = YearMonth.of(2017, 9);

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final BudgetImport imports;
    private final FinanceStore store;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    FinanceDemoData(@Value("${oversight.demo:true}") boolean enabled, JdbcClient jdbc, BudgetImport imports, FinanceStore store,
                    org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.imports = imports;
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && jdbc.sql("select count(*) from budget_heading").query(Integer.class).single() == 0) {
            // All the month's files or none, so that a start interrupted half way loads them again.
            transaction.executeWithoutResult(t -> load());
        }
    }

    private void load() {
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, table1(), true, null, "demo");
        // The paper's headline is its "TOTAL (excl Schools)": the schools' delegated budgets are reported outside it.
        java.util.Optional.ofNullable(store.headingIds().get(FinanceStore.key(null, "Schools (CYP&E Directorate)")))
                .ifPresent(id -> store.setOutsideHeadline(id, true));
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, file("service-lines-2017-09.csv"), false, null, "demo");
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, file("capital-2017-09.csv"), false, null, "demo");
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, file("reserves-2017-09.csv"), false, null, "demo");
        imports.load(MONTH, BudgetImport.Unit.POUNDS, file("activity-2017-09.csv"), false, null, "demo");
    }

    static byte[] table1() {
        return file("revenue-2017-09.csv");
    }

    static byte[] file(String name) {
        try (InputStream in = FinanceDemoData.class.getResourceAsStream("/demo/finance/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
