package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The committee business of a part of the council, for other modules' pages (a directorate's summary): the committees that
 * oversee it, their next meetings and the key decisions sent to them. Public data only: an exempt item is never named.
 */
@Service
public class CommitteeBusiness {

    public record CommitteeLink(String code, String name) {
        public String href() {
            return "/committees/" + code;
        }
    }

    /** {@code timed} false: the time is not known yet. */
    public record Meeting(long id, String committee, LocalDateTime starts, boolean timed, String location, String status) {
        public String href() {
            return "/meetings/" + id;
        }
    }

    /**
     * A key decision sent to one of the committees: {@code taken} true once taken (on {@code takenOn}), else on the forward plan to be
     * taken on or after {@code planned}; {@code item} the agenda item that took (or endorsed) it, when recorded and public.
     */
    public record KeyDecision(String number, String title, String maker, String status, boolean taken, LocalDate planned, LocalDate takenOn,
                              Item item) {
        public String href() {
            return "/decisions/" + number;
        }
    }

    public record Item(long meetingId, int number, String title, LocalDate meetingOn, String committee) {
        public String href() {
            return "/meetings/" + meetingId + "/items/" + number;
        }
    }

    private final Committees committees;
    private final Meetings meetings;
    private final Decisions decisions;

    CommitteeBusiness(Committees committees, Meetings meetings, Decisions decisions) {
        this.committees = committees;
        this.meetings = meetings;
        this.decisions = decisions;
    }

    /** The committees overseeing the unit known by any of {@code unitNames}. */
    public List<CommitteeLink> overseeing(Collection<String> unitNames) {
        return of(unitNames).stream().map(c -> new CommitteeLink(c.code(), c.name())).toList();
    }

    /** Their meetings from {@code from} on, not cancelled, soonest first, at most {@code limit}. */
    public List<Meeting> forthcomingMeetings(Collection<String> unitNames, LocalDate from, int limit) {
        return of(unitNames).stream().flatMap(c -> meetings.meetings(c).stream().map(m -> new Meeting(m.id(), c.name(), m.starts(), m.timed(),
                        m.location(), m.status().words())))
                .filter(m -> !m.starts().toLocalDate().isBefore(from) && !m.status().equals(Committee.Status.CANCELLED.words()))
                .sorted(Comparator.comparing(Meeting::starts)).limit(limit).toList();
    }

    /** The key decisions sent to those committees, by number. */
    public List<KeyDecision> keyDecisions(Collection<String> unitNames) {
        List<Long> ids = of(unitNames).stream().map(Committee::id).toList();
        return decisions.all().stream().filter(d -> d.key() && d.committeeId() != null && ids.contains(d.committeeId())).map(d -> new KeyDecision(
                d.number(), d.title(), d.makerName() == null ? d.maker().words() : d.makerName(), d.status().words(), d.takenOn() != null, d.planned(),
                d.takenOn(), decisions.takenAt(d).filter(t -> !t.exempt()).map(t -> new Item(t.meetingId(), t.number(), t.title(),
                        t.meetingStarts().toLocalDate(), t.committee())).orElse(null))).toList();
    }

    private List<Committee> of(Collection<String> unitNames) {
        return committees.all().stream().filter(c -> c.unit() != null && unitNames.stream().anyMatch(c.unit()::equalsIgnoreCase)).toList();
    }
}
