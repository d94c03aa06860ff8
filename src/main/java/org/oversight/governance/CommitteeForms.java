package org.oversight.governance;

import java.time.LocalDate;

/**
 * The forms of the committees' pages, as sent: each box a field of the name it is sent by. A box a form shows back
 * with its error is public; a row's box is not, so that what was typed in it fills no box of the same name elsewhere on the page.
 */
final class CommitteeForms {

    private CommitteeForms() {
    }

    /** A committee added. */
    static class NewCommittee {
        public String name;
        public Committee.Kind kind;
        public String terms;
        public String unit;
    }

    /** The directorate a committee oversees, chosen from the structure (blank: none). */
    static class Oversees {
        public String unit;
    }

    /** A term of office of the council added. */
    static class Term {
        public String termName;
        public String termStart;
        public String termEnd;

        LocalDate start() {
            return Written.date("termStart", termStart);
        }

        LocalDate end() {
            return Written.date("termEnd", termEnd);
        }
    }

    /** A seat given to a member. */
    static class Member {
        public String name;
        public String party;
        public Committee.Role role;
        public String start;
        public String end;

        LocalDate from() {
            return Written.date("start", start);
        }

        LocalDate until() {
            return Written.date("end", end);
        }
    }

    /** The last day of a term (of office, or of a seat), typed in its row. */
    static class LastDay {
        String end;

        /** The day, or an error at the row's box {@code box}. */
        LocalDate at(String box) {
            return Written.date(box, end);
        }
    }

    /** The sign-in name a seat is linked to, typed in its row (blank unlinks). */
    static class Account {
        String username;
    }
}
