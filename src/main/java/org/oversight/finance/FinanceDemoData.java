package org.oversight.finance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import org.oversight.shared.FinancialYear;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The budget monitoring of September 2017 as the Cabinet paper of 11 December 2017 gives it: the
 * revenue position (Table 1) and its breakdown by service line (Appendix 1), the capital position (Table 3), the reserves
 * (Appendix 4 and the schools' reserves of section 3.5) and the activity of Appendix 2's sheets (classpath demo/finance/, see demo/SOURCES.md), loaded through
 * the same checks as any month's files; and the 2019-20 adult social care rates and charges of the committee paper of 12 March 2019
 * (demo/rates/). On first start only.
 */
@Component
class FinanceDemoData implements SmartInitializingSingleton {

    static final YearMonth MONTH = YearMonth.of(2017, 9);

    private final boolean enabled;
    private final BudgetImport imports;
    private final BudgetBookRepository books;
    private final RateScheduleRepository schedules;
    private final TransactionTemplate transaction;

    private final RateScheduleImport rateFiles;
    private final RatesUplift uplift;

    FinanceDemoData(@Value("${oversight.demo:true}") boolean enabled, BudgetImport imports, BudgetBookRepository books, RateScheduleRepository schedules,
                    RateScheduleImport rateFiles, RatesUplift uplift, PlatformTransactionManager transactions) {
        this.rateFiles = rateFiles;
        this.uplift = uplift;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.imports = imports;
        this.books = books;
        this.schedules = schedules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && books.countHeadings() == 0) {
            // All the month's files or none, so that a start interrupted half way loads them again.
            transaction.executeWithoutResult(t -> load());
        }
        if (enabled && schedules.countSchedules() == 0) {
            transaction.executeWithoutResult(t -> rates());
        }
    }

    /**
     * The 2019-20 adult social care rates and charges proposed to the committee of 12 March 2019 (its Appendix 1), with the pay award
     * and CPI its section 1.4 gives; proposed, not approved, as decision 18/00067 had not yet been taken.
     */
    private void rates() {
        FinancialYear year = new FinancialYear(2019);
        rateFiles.load(year, file("/demo/rates/asc-2019-20.csv"), null, "demo");
        uplift.save(year, new BigDecimal("2.8"), "the council's pay award for 2019-20, confirmed by Kent County Council on 13 February 2019",
                new BigDecimal("2.4"), "the Consumer Price Index (CPI) as at September 2018", null, "demo");
    }

    private void load() {
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, table1(), true, null, "demo");
        // The paper's headline is its "TOTAL (excl Schools)": the schools' delegated budgets are reported outside it.
        Optional.ofNullable(books.headingIds().get(BudgetBookRepository.key(null, "Schools (CYP&E Directorate)")))
                .ifPresent(id -> books.setOutsideHeadline(id, true));
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, file("/demo/finance/service-lines-2017-09.csv"), false, null, "demo");
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, file("/demo/finance/capital-2017-09.csv"), false, null, "demo");
        imports.load(MONTH, BudgetImport.Unit.MILLIONS, file("/demo/finance/reserves-2017-09.csv"), false, null, "demo");
        imports.load(MONTH, BudgetImport.Unit.POUNDS, file("/demo/finance/activity-2017-09.csv"), false, null, "demo");
    }

    static byte[] table1() {
        return file("/demo/finance/revenue-2017-09.csv");
    }

    static byte[] file(String name) {
        try (InputStream in = FinanceDemoData.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
