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
 * The revenue position of September 2017 as Table 1 of the Cabinet paper of 11 December 2017 gives
 * it (classpath demo/finance/, see demo/SOURCES.md), loaded through the same checks as any month's
 * file. On first start only.
 */
@Component
class FinanceDemoData implements SmartInitializingSingleton {

    static final YearMonth MONTH = YearMonth.of(2017, 9);

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final BudgetImport imports;

    FinanceDemoData(@Value("${oversight.demo:true}") boolean enabled, JdbcClient jdbc, BudgetImport imports) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.imports = imports;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && jdbc.sql("select count(*) from budget_heading").query(Integer.class).single() == 0) {
            imports.load(MONTH, BudgetImport.Unit.MILLIONS, table1(), true, null, "demo");
        }
    }

    static byte[] table1() {
        try (InputStream in = FinanceDemoData.class.getResourceAsStream("/demo/finance/revenue-2017-09.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
