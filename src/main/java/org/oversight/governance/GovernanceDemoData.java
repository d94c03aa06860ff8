package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.oversight.shared.CsvTable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
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
    private final CommitteeRepository committees;
    private final MeetingRepository meetings;
    private final DecisionRepository decisionRepository;
    private final MinutesRepository minutes;
    private final WorkRequestRepository requests;
    private final TransactionTemplate transaction;
    private final Decisions decisions;

    GovernanceDemoData(@Value("${oversight.demo:true}") boolean enabled, CommitteeRepository committees, MeetingRepository meetings,
                       DecisionRepository decisionRepository, MinutesRepository minutes, WorkRequestRepository requests, TransactionTemplate transaction,
                       Decisions decisions) {
        this.decisions = decisions;
        this.enabled = enabled;
        this.committees = committees;
        this.meetings = meetings;
        this.decisionRepository = decisionRepository;
        this.minutes = minutes;
        this.requests = requests;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && committees.none()) {
            transaction.executeWithoutResult(s -> load());
        }
    }

    private void load() {
        long committee = committees.insertCommittee("adult-social-care-cabinet-committee", "Adult Social Care Cabinet Committee",
                Committee.Kind.CABINET_COMMITTEE, null);
        committees.setCommitteeUnit(committee, "Adult Social Care and Health");
        for (CsvTable.Row r : CsvTable.resource("demo/governance/members.csv")) {
            committees.insertMember(committee, committees.person(r.required("name"), r.required("party")), Committee.Role.valueOf(r.required("role")), null, null);
        }
        // Both "to committee" on 12 March 2019, key decisions that affect more than two electoral divisions (DASH lines 560-562, 777-779).
        String member = "Cabinet Member for Adult Social Care and Public Health";
        decisions.load("18/00067", "Proposed Revision of Rates Payable and Charges Levied for Adult Services in 2019-20", Decision.Maker.CABINET_MEMBER,
                member, true, Decision.Status.TO_COMMITTEE, committee);
        decisions.load("19/00011", "Partnership Arrangements for the Provision of Mental Health Social Care and Health Services in Kent",
                Decision.Maker.CABINET_MEMBER, member, true, Decision.Status.TO_COMMITTEE, committee);
        String room = "Darent Room - Sessions House";
        // The minutes give the January meeting's date and place, not its time.
        long january = meetings.insertMeeting(committee, LocalDate.of(2019, 1, 22).atStartOfDay(), false, null, room, null, Committee.Status.HELD);
        minutes(january);
        long meeting = meetings.insertMeeting(committee, LocalDateTime.of(2019, 3, 12, 10, 0), true, null, room, null, Committee.Status.HELD);
        for (CsvTable.Row r : CsvTable.resource("demo/governance/agenda.csv")) {
            item(meeting, Integer.parseInt(r.required("number")), r.required("section"), r.required("title"), r.text("description"), r.text("standing"));
        }
        // Items 7 and 8 took the two key decisions (the agenda titles them by number); each decision's page links its item.
        for (String[] taken : new String[][]{{"18/00067", "7"}, {"19/00011", "8"}}) {
            decisionRepository.linkItem(taken[0], meeting, Integer.parseInt(taken[1]));
        }
        // The work programme 2019/20 (its meetings dated, not timed): standing items on each agenda, the rest as items asked for.
        Map<LocalDate, Long> future = new HashMap<>();
        Map<Long, Integer> numbers = new HashMap<>();
        for (CsvTable.Row r : CsvTable.resource("demo/governance/work-programme.csv")) {
            long m = future.computeIfAbsent(r.date("date"),
                    d -> meetings.insertMeeting(committee, d.atStartOfDay(), false, null, null, null, Committee.Status.SCHEDULED));
            if (r.text("section").isEmpty()) {
                requests.insert(committee, r.required("title"), null, m);
            } else {
                item(m, numbers.merge(m, 1, Integer::sum), r.required("section"), r.required("title"), "", r.text("standing"));
            }
        }
    }

    private void item(long meeting, int number, String section, String title, String description, String standing) {
        meetings.insertItem(meeting, number, Committee.Section.valueOf(section), title, description.isEmpty() ? null : description, false,
                standing.isEmpty() ? null : standing.split("\\|")[0], standing.isEmpty() ? "" : standing.split("\\|")[1]);
    }

    /** The minutes of 22 January 2019 as the March agenda prints them (DASH lines 106-281): a draft, for approval on 12 March. */
    private void minutes(long meeting) {
        Map<String, Object> attendance = new HashMap<>();
        for (CsvTable.Row r : CsvTable.resource("demo/governance/minutes-2019-01-22-attendance.csv")) {
            attendance.put(Minutes.ATTENDANCE.get(r.required("field")), r.required("text"));
        }
        minutes.loadAttendance(meeting, attendance);
        for (CsvTable.Row r : CsvTable.resource("demo/governance/minutes-2019-01-22.csv")) {
            minutes.loadMinute(meeting, Integer.parseInt(r.required("number")), Integer.parseInt(r.required("item")), r.required("title"),
                    r.text("discussion").isEmpty() ? null : r.text("discussion"), r.text("resolved").isEmpty() ? null : r.text("resolved"));
        }
    }
}
