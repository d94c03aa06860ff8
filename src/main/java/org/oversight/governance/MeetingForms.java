package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.oversight.shared.InputException;

/**
 * The forms of a meeting's pages, as sent: each box a field of the name it is sent by. A box a form shows back with
 * its error is public; a button's values are not, so that they fill no box of the same name elsewhere on the page.
 */
final class MeetingForms {

    private MeetingForms() {
    }

    /** A meeting scheduled: its date and times as clerks write them. */
    static class Schedule {
        public String date;
        public String time;
        public String until;
        public String location;
        public String webcast;
        public Committee.Status status;

        /** The date and times as read, with the mistakes of the boxes that could not be read: the meeting's own checks add theirs. */
        Times times() {
            List<InputException> unread = new ArrayList<>();
            return new Times(InputException.read(unread, () -> Written.date("date", date)), InputException.read(unread, () -> Written.time("time", time)),
                    InputException.read(unread, () -> Written.time("until", until)), unread);
        }
    }

    record Times(LocalDate day, LocalTime from, LocalTime until, List<InputException> unread) {
    }

    /** A meeting's status changed, from the version read. */
    static class Status {
        public Committee.Status status;
        public int version;
    }

    /** An agenda item added; a standing item is chosen as KIND or KIND|SCOPE. */
    static class Item {
        public Committee.Section section;
        public String title;
        public String description;
        public boolean exempt;
        public String standing;

        String kind() {
            return standing == null || standing.isBlank() ? null : standing.split("\\|", 2)[0];
        }

        String scope() {
            return standing != null && standing.contains("|") ? standing.split("\\|", 2)[1] : "";
        }
    }

    /** An item moved up or down: the item's id as the clerk saw it at that number. */
    static class Move {
        String direction;
        long item;

        boolean up() {
            if (!"up".equals(direction) && !"down".equals(direction)) {
                throw new InputException("move", "Move an item up or down");
            }
            return "up".equals(direction);
        }
    }

    /** An item's report, from the version read (-1 for a new one); an empty box is none. */
    static class Report {
        public String from;
        public String to;
        public String decisionNo;
        public String classification;
        public String pastPathway;
        public String futurePathway;
        public String electoralDivision;
        public String summary;
        public Committee.Verb verb;
        public String recommendation;
        public String body;
        public int version = -1;

        Committee.Report of(Committee.Item i) {
            return new Committee.Report(i.id(), given(from), given(to), given(decisionNo), given(classification), given(pastPathway), given(futurePathway),
                    given(electoralDivision), given(summary), verb, given(recommendation), given(body), 0);
        }

        private static String given(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** Who attended, as {@link Minutes#ATTENDANCE} names them, from the version of the minutes read. */
    static class Attendance {
        public String present;
        public String alsoPresent;
        public String inAttendance;
        public String apologies;
        public String substitutes;
        public String declarations;
        public int version;

        Map<String, String> attendance() {
            Map<String, String> out = new HashMap<>();
            out.put("present", present);
            out.put("alsoPresent", alsoPresent);
            out.put("inAttendance", inAttendance);
            out.put("apologies", apologies);
            out.put("substitutes", substitutes);
            out.put("declarations", declarations);
            return out;
        }
    }

    /** A minute added; its number blank for the next in the series. Whether it is exempt is not shown back, where it would tick the agenda form's box. */
    static class Minute {
        public String minuteNumber;
        public String item;
        public String minuteTitle;
        public String discussion;
        public String resolved;
        public String votesFor;
        public String against;
        public String abstained;
        boolean exempt;

        Minutes.Minute minute() {
            Integer number = Written.count("minuteNumber", minuteNumber);
            if (number != null && number < 1) {
                throw new InputException("minuteNumber", "A minute is numbered from 1; leave the box blank for the next in the series");
            }
            return new Minutes.Minute(number == null ? 0 : number, Written.count("item", item), minuteTitle, discussion, resolved,
                    Written.count("votesFor", votesFor), Written.count("against", against), Written.count("abstained", abstained), exempt);
        }
    }

    /** The later meeting that approved the minutes. */
    static class Approval {
        @NotNull(message = "Choose the meeting that approved the minutes")
        public Long at;
    }

    /** A member's request for the work programme, placed at a future meeting or not yet. */
    static class WorkRequest {
        public String requestTitle;
        public String requestedBy;
        public Long meeting;
    }
}
