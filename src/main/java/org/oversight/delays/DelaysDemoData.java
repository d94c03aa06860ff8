package org.oversight.delays;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delayed transfers of care as the papers give them (classpath demo/delays/, see demo/SOURCES.md): the hospital sites' months of June
 * to November 2017 of the December 2017 Cabinet paper, the trusts' January 2019 of the March 2019 committee paper, and the Better Care
 * Fund targets the papers state, loaded through the same checks as any file. On first start only; no population is given by either
 * paper, so the rates per 100,000 wait for one.
 */
@Component
class DelaysDemoData implements SmartInitializingSingleton {

    private final boolean enabled;
    private final DelayedDaysRepository delayedDays;
    private final Delays delays;
    private final TransactionTemplate transaction;

    DelaysDemoData(@Value("${oversight.demo:true}") boolean enabled, DelayedDaysRepository delayedDays, Delays delays,
                   PlatformTransactionManager transactions) {
        this.enabled = enabled;
        this.delayedDays = delayedDays;
        this.delays = delays;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && delayedDays.countOrganisations() == 0) {
            transaction.executeWithoutResult(t -> {
                delays.load(file("sites-2017.csv"), "demo");
                delays.load(file("trusts-2019-01.csv"), "demo");
                // September 2017's target by body, as the Cabinet paper breaks it down (its "BCF Target Breakdown", Kent totals).
                delays.saveTargets(YearMonth.of(2017, 9), Map.of("total", new BigDecimal(3399), "nhs", new BigDecimal(2010), "social_care", new BigDecimal(950),
                        "both", new BigDecimal(439)), "demo");
                // January 2019's: "The Kent target is 3,201 delayed days" (the committee paper, 3.3).
                delays.saveTargets(YearMonth.of(2019, 1), Map.of("total", new BigDecimal(3201)), "demo");
            });
        }
    }

    static byte[] file(String name) {
        try (InputStream in = DelaysDemoData.class.getResourceAsStream("/demo/delays/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
