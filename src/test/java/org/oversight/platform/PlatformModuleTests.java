package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.TestUsers;
import org.oversight.shared.Audited;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The platform module started alone: any module's recorded change lands in the audit trail. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = "oversight.admin-password=" + TestUsers.PASSWORD)
class PlatformModuleTests {

    @Autowired ApplicationEventPublisher events;
    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate tx;

    @Test
    void aRecordedChangeIsWrittenToTheAuditTrail() {
        String id = "module-" + System.nanoTime();
        tx.executeWithoutResult(s -> events.publishEvent(new Audited(Audited.Action.UPDATE, "module-test", id, "Changed in a module test",
                Map.of("v", 1), Map.of("v", 2))));
        assertThat(audit.search(null, null, null, "module-test", id, 10)).singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo("Changed in a module test"));
    }
}
