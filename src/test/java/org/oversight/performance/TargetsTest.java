package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final YearMonth JAN_19 = YearMonth.of(2019, 1);

    @Test
    void aPhasedTargetOverridesTheAnnualOneOnlyForItsMonths() {
        Targets t = new Targets(Map.of(2018, new Targets.Year(2018, new BigDecimal("2026"), new BigDecimal("2200"), null, null, 0)),
                List.of(new Targets.Phase(JAN_19, JAN_19, new BigDecimal("2049"), null)), List.of());
        assertThat(t.forMonth(JAN_19).target()).isEqualByComparingTo("2049");
        assertThat(t.forMonth(JAN_19).phased()).isTrue();
        assertThat(t.forMonth(JAN_19).floor()).isNull();
        assertThat(t.forMonth(YearMonth.of(2019, 2)).target()).isEqualByComparingTo("2026");
        assertThat(t.forMonth(YearMonth.of(2019, 2)).floor()).isEqualByComparingTo("2200");
        assertThat(t.forMonth(YearMonth.of(2019, 4)).target()).isNull();
    }

    @Test
    void aFloorAsAPercentageOfTargetFollowsTheTargetInForce() {
        // "Green 85% and above, Amber from 76.5% to 85%, Red below 76.5%": a floor at 90% of target.
        Targets t = new Targets(Map.of(2018, new Targets.Year(2018, new BigDecimal("85.0"), null, new BigDecimal("90"), null, 0)),
                List.of(new Targets.Phase(JAN_19, JAN_19, new BigDecimal("80"), null)), List.of());
        assertThat(t.forMonth(YearMonth.of(2018, 12)).floor()).isEqualByComparingTo("76.5");
        assertThat(t.forMonth(JAN_19).floor()).isEqualByComparingTo("72");
        assertThat(RagRule.rag(Polarity.HIGHER, new BigDecimal("76.5"), t.forMonth(YearMonth.of(2018, 12)).target(),
                t.forMonth(YearMonth.of(2018, 12)).floor(), null)).isEqualTo(Rag.AMBER);
    }

    @Test
    void aQuarterPhaseCoversItsThreeMonths() {
        Targets t = new Targets(Map.of(), List.of(new Targets.Phase(YearMonth.of(2018, 10), YearMonth.of(2018, 12), BigDecimal.TEN, BigDecimal.ONE)), List.of());
        assertThat(t.forMonth(YearMonth.of(2018, 9)).target()).isNull();
        assertThat(t.forMonth(YearMonth.of(2018, 10)).target()).isEqualByComparingTo("10");
        assertThat(t.forMonth(YearMonth.of(2018, 12)).floor()).isEqualByComparingTo("1");
        assertThat(t.forMonth(YearMonth.of(2019, 1)).target()).isNull();
    }

    @Test
    void activityThresholdsAreFoundByFinancialQuarter() {
        Targets t = new Targets(Map.of(), List.of(), List.of(new Targets.Threshold(2017, 4, BigDecimal.ONE, BigDecimal.TEN)));
        assertThat(t.thresholdFor(YearMonth.of(2018, 2))).isNotNull();
        assertThat(t.thresholdFor(YearMonth.of(2018, 4))).isNull();
    }
}
