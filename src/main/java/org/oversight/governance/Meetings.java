package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A committee's meetings: one that ends after it starts, at a time the clocks do not skip, and its status
 * (held only once it has started, held for good once it has minutes). Every change is recorded in the audit trail.
 */
@Service
class Meetings {

    /** The meeting form's boxes, in its order. */
    private static final List<String> MEETING_BOXES = List.of("date", "time", "until", "location", "webcast");

    private final Committees committees;
    private final MeetingRepository meetings;
    private final MinutesRepository minutes;
    private final ApplicationEventPublisher events;

    Meetings(Committees committees, MeetingRepository meetings, MinutesRepository minutes, ApplicationEventPublisher events) {
        this.committees = committees;
        this.meetings = meetings;
        this.minutes = minutes;
        this.events = events;
    }

    List<Committee.Meeting> meetings(Committee c) {
        return meetings.meetings(c.id());
    }

    List<Committee.Meeting> meetings() {
        return meetings.meetings(null);
    }

    Committee.Meeting meeting(long id) {
        return meetings.meeting(id).orElseThrow(() -> new NotFoundException("There is no meeting " + id));
    }

    int version(Committee.Meeting m) {
        return meetings.meetingVersion(m.id());
    }

    /** Schedules (or records) a meeting on {@code day}; {@code from} null when its time is not known, and then no end either. */
    @Transactional
    Committee.Meeting schedule(String code, LocalDate day, LocalTime from, LocalTime until, String location, String webcast, Committee.Status status) {
        return schedule(code, day, from, until, location, webcast, status, List.of());
    }

    /** The same, refused with every mistake at once, those of the boxes the form could not read ({@code unread}) among them. */
    @Transactional
    Committee.Meeting schedule(String code, LocalDate day, LocalTime from, LocalTime until, String location, String webcast, Committee.Status status,
                               List<InputException> unread) {
        Committee c = committees.get(code);
        List<InputException> wrong = new ArrayList<>(unread);
        if (day == null) {
            wrong.add(new InputException("date", "Give the meeting's date, such as 12 3 2019"));
        }
        if (from == null && until != null) {
            wrong.add(new InputException("time", "Give the time the meeting starts, or leave both times empty if they are not known"));
        }
        if (from != null && until != null && !until.isAfter(from)) {
            wrong.add(new InputException("until", "The meeting ends at " + until + ", not after it starts at " + from));
        }
        for (LocalTime t : new LocalTime[]{from, until}) {
            if (day != null && t != null && !day.atTime(t).atZone(CalendarFeed.COUNCIL).toLocalDateTime().equals(day.atTime(t))) {
                wrong.add(new InputException(t == from ? "time" : "until", "There is no " + t + " on " + DisplayFormat.dateWords(day)
                        + " in the UK: the clocks go forward an hour at 01:00"));
            }
        }
        if (location != null && (location.length() > 300 || location.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F))) {
            wrong.add(new InputException("location", "Write the place on one line, in 300 characters or fewer"));
        }
        if (webcast != null && !webcast.isBlank() && !webcast.strip().matches("https?://\\S{1,490}")) {
            wrong.add(new InputException("webcast", "A webcast is an address starting http:// or https://"));
        }
        InputException.refuse(wrong, MEETING_BOXES);
        LocalDateTime starts = day.atTime(from == null ? LocalTime.MIDNIGHT : from);
        long id = meetings.insertMeeting(c.id(), starts, from != null, until == null ? null : day.atTime(until), Text.orNull(location), Text.orNull(webcast),
                status == null ? Committee.Status.SCHEDULED : status);
        Committee.Meeting m = meetings.meeting(id).orElseThrow();
        events.publishEvent(new Audited(Audited.Action.CREATE, "meeting", Long.toString(id), c.name() + " meeting scheduled for " + day
                + (from == null ? " (time not given)" : " at " + from), null, m));
        return m;
    }

    /** Cancels, postpones, reinstates or marks a meeting held; a meeting is held only once it has started. */
    @Transactional
    Committee.Meeting status(long meetingId, Committee.Status status, int version, LocalDateTime now) {
        Committee.Meeting m = meeting(meetingId);
        if (status == null) {
            throw new InputException("status", "Choose the meeting's status");
        }
        if (status != Committee.Status.HELD && (minutes.hasMinutes(m.id()) || minutes.approvedMinutesAt(m.id()))) {
            throw new InputException("status", "The meeting " + (minutes.hasMinutes(m.id()) ? "has minutes" : "approved minutes") + ": it was held, and stays so");
        }
        if (status == Committee.Status.HELD && m.starts().isAfter(now)) {
            throw new InputException("status", "A meeting is held once it has started: this one starts on " + DisplayFormat.dateWords(m.starts().toLocalDate()));
        }
        if (!meetings.status(meetingId, status, version)) {
            throw new ConflictException("Someone changed this meeting while you were reading it: nothing was saved. Read it again.");
        }
        Committee.Meeting after = meeting(meetingId);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "meeting", Long.toString(meetingId), committees.committeeOf(m).name() + " meeting of "
                + m.starts().toLocalDate() + ": " + status.words(), m, after));
        return after;
    }
}
