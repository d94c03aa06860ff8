package org.oversight.governance;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A committee's work programme: its future meetings, each with what is on its agenda (standing
 * items included), the decisions sent to the committee for endorsement, and members' requests
 * (placed at a meeting, or not yet placed); "last updated" from the latest of them.
 */
@Service
class WorkProgramme {

    record Request(long id, String title, String requestedBy, Long meetingId) {
    }

    record Meeting(Committee.Meeting meeting, List<Committee.Item> items, List<Request> requests) {
    }

    record Programme(Committee committee, List<Meeting> meetings, List<Decision> decisions, List<Request> unplaced, OffsetDateTime lastUpdated) {
    }

    private final WorkRequestRepository requests;
    private final Meetings meetings;
    private final Agendas agendas;
    private final Decisions decisions;
    private final ApplicationEventPublisher events;

    WorkProgramme(WorkRequestRepository requests, Meetings meetings, Agendas agendas, Decisions decisions, ApplicationEventPublisher events) {
        this.requests = requests;
        this.meetings = meetings;
        this.agendas = agendas;
        this.decisions = decisions;
        this.events = events;
    }

    Programme of(Committee c, LocalDateTime from) {
        List<Request> requests = this.requests.requests(c.id());
        List<Meeting> meetings = new ArrayList<>();
        for (Committee.Meeting m : this.meetings.meetings(c)) {
            if (m.starts().isAfter(from) && m.status() != Committee.Status.CANCELLED) {
                meetings.add(new Meeting(m, agendas.agenda(m, false), requests.stream().filter(r -> Objects.equals(r.meetingId(), m.id())).toList()));
            }
        }
        List<Decision> forEndorsement = decisions.all().stream().filter(d -> Objects.equals(d.committeeId(), c.id())
                && d.status().ordinal() <= Decision.Status.TO_COMMITTEE.ordinal()).toList();
        OffsetDateTime updated = this.requests.lastUpdated(c.id());
        return new Programme(c, meetings, forEndorsement, requests.stream().filter(r -> r.meetingId() == null).toList(), updated);
    }

    /** A member's request: for a future meeting of the committee, or not yet placed. */
    @Transactional
    void request(Committee c, String title, String requestedBy, Long meeting, LocalDateTime now) {
        String t = Text.orNull(title);
        if (t == null || t.length() > 500) {
            throw new InputException("requestTitle", "Say what the committee is asked to consider, in 500 characters or fewer");
        }
        if (requestedBy != null && requestedBy.length() > 200) {
            throw new InputException("requestedBy", "A name is 200 characters or fewer");
        }
        if (meeting != null) {
            Committee.Meeting m = meetings.meeting(meeting);
            if (m.committeeId() != c.id() || !m.starts().isAfter(now)) {
                throw new InputException("meeting", "A request is placed at a future meeting of this committee");
            }
        }
        requests.insert(c.id(), t, Text.orNull(requestedBy), meeting);
        events.publishEvent(new Audited(Audited.Action.CREATE, "work_request", c.code(), "Request for the work programme of " + c.name() + ": " + t, null,
                Map.of("title", t)));
    }

    static Comparator<Committee.Meeting> byDate() {
        return Comparator.comparing(Committee.Meeting::starts);
    }
}
