package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.oversight.TestUsers;
import org.oversight.finance.RatesAndCharges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.modulith.test.Scenario;

/** The performance module started with only what it depends on (platform, shared): a figures file loads and is announced. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = "oversight.admin-password=" + TestUsers.PASSWORD)
class PerformanceModuleTests {

    @Autowired HistoryImports history;
    @Autowired TestIndicators test;
    /** Finance approves rates only after governance's check, and governance is not started here: none is approved in this test. */
    @MockitoBean RatesAndCharges.DecisionCheck decisions;

    @Test
    void aFiguresFileLoadsAndIsAnnouncedOnceWithItsCounts(Scenario scenario) {
        Indicator i = test.higherIsBetter("85.0", "80.0");
        byte[] file = ("ref,period,value\n" + i.ref() + ",2018-06,81.0\n" + i.ref() + ",2018-07,86.5\n").getBytes(StandardCharsets.UTF_8);
        scenario.stimulate(() -> history.load(new ByteArrayInputStream(file), "module.csv", false, null))
                .andWaitForEventOfType(FiguresLoaded.class)
                .matching(e -> e.file().equals("module.csv"))
                .toArriveAndVerify(e -> {
                    assertThat(e.rows()).isEqualTo(2);
                    assertThat(e.created()).isEqualTo(2);
                    assertThat(e.bytes()).isEqualTo(file.length);
                });
    }
}
