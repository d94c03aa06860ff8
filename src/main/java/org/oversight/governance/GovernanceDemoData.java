package org.oversight.governance;

import java.time.LocalDateTime;

import org.oversight.shared.CsvTable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Adult Social Care Cabinet Committee as its agenda of 12 March 2019 gives it (classpath
 * demo/governance/, see demo/SOURCES.md): its members and that meeting's agenda, with the
 * directorate's risk register and January 2019 dashboard as standing items. On first start only.
 */
@Component
class GovernanceDemoData implements SmartInitializingSingleton {

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final GovernanceStore store;
    private final TransactionTemplate transaction;
    private final Decisions decisions;

    GovernanceDemoData(@Value("${oversight.demo:true}") boolean enabled, JdbcClient jdbc, GovernanceStore store, TransactionTemplate transaction,
                       Decisions decisions) {
        this.decisions = decisions;
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && jdbc.sql("select count(*) from committee").query(Integer.class).single() == 0) {
            transaction.executeWithoutResult(s -> load());
        }
    }

    private void load() {
        long committee = store.insertCommittee("adult-social-care-cabinet-committee", "Adult Social Care Cabinet Committee",
                Committee.Kind.CABINET_COMMITTEE, null);
        for (CsvTable.Row r : CsvTable.resource("demo/governance/members.csv")) {
            store.insertMember(committee, store.person(r.required("name"), r.required("party")), Committee.Role.valueOf(r.required("role")), null, null);
        }
        // Both "to committee" on 12 March 2019, key decisions that affect more than two electoral divisions (DASH lines 560-562, 777-779).
        String member = "Cabinet Member for Adult Social Care and Public Health";
        decisions.load("18/00067", "Proposed Revision of Rates Payable and Charges Levied for Adult Services in 2019-20", Decision.Maker.CABINET_MEMBER,
                member, true, Decision.Status.TO_COMMITTEE, committee);
        decisions.load("19/00011", "Partnership Arrangements for the Provision of Mental Health Social Care and Health Services in Kent",
                Decision.Maker.CABINET_MEMBER, member, true, Decision.Status.TO_COMMITTEE, committee);
        long meeting = store.insertMeeting(committee, LocalDateTime.of(2019, 3, 12, 10, 0), null, "Darent Room - Sessions House", null,
                Committee.Status.HELD);
        for (CsvTable.Row r : CsvTable.resource("demo/governance/agenda.csv")) {
            String standing = r.text("standing");
            store.insertItem(meeting, Integer.parseInt(r.required("number")), Committee.Section.valueOf(r.required("section")), r.required("title"),
                    r.text("description").isEmpty() ? null : r.text("description"), false,
                    standing.isEmpty() ? null : standing.split("\\|")[0], standing.isEmpty() ? "" : standing.split("\\|")[1]);
        }
    }
}
