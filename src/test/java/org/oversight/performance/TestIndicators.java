package org.oversight.performance;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** Fresh indicators for tests that write, so they never disturb the demo data others read. */
@Component
class TestIndicators {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Catalogue catalogue;
    private final IndicatorRepository indicators;

    private final org.oversight.TestUnits units;

    TestIndicators(Catalogue catalogue, IndicatorRepository indicators, org.oversight.TestUnits units) {
        this.units = units;
        this.catalogue = catalogue;
        this.indicators = indicators;
    }

    /** A monthly KPI, higher is better, with a 2018-19 target and floor. */
    Indicator higherIsBetter(String target, String floor) {
        return higherIsBetter(target, floor, "Test directorate");
    }

    /** A monthly KPI, lower is better, counted per 100,000 (a rate, not a percentage). */
    Indicator perHundredThousand() {
        String ref = "TEST-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        units.division("Test division " + ref, "Test directorate");
        long id = catalogue.create(new Indicator(null, ref, "Test rate " + ref, null, "Tests", Indicator.Kind.KPI, Polarity.LOWER,
                "per 100,000", 1, "Month", Indicator.Frequency.MONTHLY, null, null, null, "Test portfolio", "Test directorate",
                "Test division " + ref, false, false, true, 0));
        return indicators.get(id);
    }

    /** The same, in a directorate of its own choosing (a test that publishes one keeps others out of it). */
    Indicator higherIsBetter(String target, String floor, String directorate) {
        String ref = "TEST-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        units.division("Test division " + ref, directorate);
        long id = catalogue.create(new Indicator(null, ref, "Test indicator " + ref, null, "Tests", Indicator.Kind.KPI, Polarity.HIGHER,
                "%", 1, "Month", Indicator.Frequency.MONTHLY, null, null, null, "Test portfolio", directorate,
                "Test division " + ref, false, false, true, 0));
        catalogue.saveYear(id, new Targets.Year(2018, new BigDecimal(target), floor == null ? null : new BigDecimal(floor), null, null, 0), null);
        return indicators.get(id);
    }
}
