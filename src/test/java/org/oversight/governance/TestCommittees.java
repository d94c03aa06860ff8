package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.stereotype.Component;

/** Meetings and standing items for tests of other modules, as the clerk adds them on the committee's and the meeting's pages. */
@Component
public class TestCommittees {

    private final Meetings meetings;
    private final Agendas agendas;

    TestCommittees(Meetings meetings, Agendas agendas) {
        this.meetings = meetings;
        this.agendas = agendas;
    }

    /** A new meeting of the committee on {@code day} with one standing item carrying the latest paper of the kind and scope; its id. */
    public long meetingWithStandingItem(String committee, LocalDate day, String title, String kind, String scope) {
        Committee.Meeting m = meetings.schedule(committee, day, LocalTime.of(10, 0), null, "Test Room", null, Committee.Status.SCHEDULED);
        agendas.addItem(m.id(), Committee.Section.D, title, null, false, kind, scope);
        return m.id();
    }
}
