package org.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.TestUsers;
import org.oversight.finance.RatesAndCharges;
import org.oversight.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

/** The risk module started with only what it depends on (performance, for the indicators it links, and what that needs): a reviewed risk is announced with its direction. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "oversight.admin-password=" + TestUsers.PASSWORD)
class RiskModuleTests {

    @Autowired RegisterRepository registers;
    @Autowired RiskRepository risks;
    @Autowired RegisterImport imports;
    @Autowired RiskReviews reviews;
    /** Finance approves rates only after governance's check, and governance is not started here: none is approved in this test. */
    @MockitoBean RatesAndCharges.DecisionCheck decisions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReviewThatLowersTheScoreIsAnnouncedAsDecreased(Scenario scenario) {
        TestUsers.actAs("risk-lead", EnumSet.of(Role.RISK_TEAM));
        String[] h = RiskRegisterTest.hierarchy(registers);
        String code = "MOD" + System.nanoTime() % 100000;
        imports.load(h[1], ("id,title,owner,current_likelihood,current_impact\n" + code + ",Module risk,admin,4,4\n").getBytes(StandardCharsets.UTF_8),
                "module.csv");
        Risk r = risks.get(code);
        scenario.stimulate(() -> reviews.review(code, new ReviewForm(2, 4, null, null, "Controls in place", null, false, r.version())))
                .andWaitForEventOfType(RiskReviewed.class)
                .matching(e -> e.code().equals(code))
                .toArriveAndVerify(e -> {
                    assertThat(e.previousScore()).isEqualTo(16);
                    assertThat(e.score()).isEqualTo(8);
                    assertThat(e.direction()).isEqualTo(RiskDirection.DECREASED);
                });
    }
}
