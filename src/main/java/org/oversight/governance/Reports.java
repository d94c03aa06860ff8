package org.oversight.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report on an agenda item: its cover sheet with a decision that exists, its recommendation and text, written
 * until the meeting's minutes are approved and then the record. Every change is recorded in the audit trail.
 */
@Service
class Reports {

    /** The report form's boxes, in its order. */
    private static final List<String> REPORT_BOXES = List.of("from", "to", "decisionNo", "classification", "pastPathway", "futurePathway",
            "electoralDivision", "summary", "verb", "recommendation", "body");

    private final MeetingRepository meetings;
    private final MinutesRepository minutes;
    private final DecisionRepository decisions;
    private final ApplicationEventPublisher events;

    Reports(MeetingRepository meetings, MinutesRepository minutes, DecisionRepository decisions, ApplicationEventPublisher events) {
        this.meetings = meetings;
        this.minutes = minutes;
        this.decisions = decisions;
        this.events = events;
    }

    Optional<Committee.Report> report(Committee.Item i) {
        return meetings.report(i.id());
    }

    /** The public's items whose reports bear the decision's number. */
    List<MeetingRepository.ReportOn> reportsOn(String decisionNo) {
        return meetings.reportsOn(decisionNo);
    }

    /** The day the meeting's minutes were approved, from when its agenda and reports are the record; none until then. */
    Optional<LocalDate> approvedOn(Committee.Meeting m) {
        return minutes.minutesApprovedOn(m.id());
    }

    /**
     * Writes an item's report; {@code version} as read (-1 for a new one); a decision number is YY/NNNNN. Refused once the meeting's
     * minutes are approved: the report is then the record of what the meeting considered.
     */
    @Transactional
    void saveReport(Committee.Item i, Committee.Report r, int version) {
        minutes.minutesApprovedOn(i.meetingId()).ifPresent(on -> {
            throw new InputException("report", "The minutes of this meeting were approved on " + DisplayFormat.dateWords(on)
                    + ": its reports are the record of what it considered, and do not change");
        });
        List<InputException> wrong = new ArrayList<>();
        if (r.decisionNo() != null && !r.decisionNo().matches("[0-9]{2}/[0-9]{5}")) {
            wrong.add(new InputException("decisionNo", "A decision number is the year and a five-figure number, such as 18/00067"));
        } else if (r.decisionNo() != null && !decisions.decisionExists(r.decisionNo())) {
            wrong.add(new InputException("decisionNo", "There is no decision " + r.decisionNo() + ": choose the decision from the list, or put it on the forward plan first"));
        }
        String[][] bounded = {{"from", r.from(), "500"}, {"to", r.to(), "500"}, {"classification", r.classification(), "100"},
                {"pastPathway", r.pastPathway(), "500"}, {"futurePathway", r.futurePathway(), "500"}, {"electoralDivision", r.electoralDivision(), "500"},
                {"summary", r.summary(), "5000"}, {"recommendation", r.recommendation(), "5000"}, {"body", r.body(), "200000"}};
        for (String[] f : bounded) {
            if (f[1] != null && f[1].length() > Integer.parseInt(f[2])) {
                wrong.add(new InputException(f[0], "Write it in " + String.format("%,d", Integer.parseInt(f[2])) + " characters or fewer"));
            }
        }
        InputException.refuse(wrong, REPORT_BOXES);
        if (!meetings.saveReport(r, version)) {
            throw new ConflictException("Someone saved this report while you were writing: nothing was saved. Read theirs, then write yours again.");
        }
        events.publishEvent(new Audited(version < 0 ? Audited.Action.CREATE : Audited.Action.UPDATE, "report", Long.toString(i.id()),
                i.exempt() ? "Report written for exempt item " + i.number() : "Report written for item " + i.number() + ": " + i.title(), null,
                i.exempt() ? null : r));
    }
}
