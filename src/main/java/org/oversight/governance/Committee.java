package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** A committee (Cabinet, a cabinet committee, a panel, a board), known by its code in addresses. */
/** A committee; {@code unit} is the part of the council whose business it oversees (by the structure's name), none for the Cabinet and the like. */
record Committee(long id, String code, String name, Kind kind, String termsOfReference, String unit) {

    enum Kind {
        CABINET("Cabinet"), CABINET_COMMITTEE("Cabinet committee"), PANEL("Panel"), BOARD("Board"), COMMITTEE("Committee");

        final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A member's seat: {@code start} null when the paper that names them does not say since when. */
    /** {@code username}: the councillor's sign-in name, when the clerk has linked it. */
    record Member(long id, String name, String party, Role role, LocalDate start, LocalDate end, String username) {

        /** As the papers print a member: "Mrs P T Cole (Chairman)", the officers' roles given. */
        String printed() {
            return name + (role == Role.CHAIRMAN || role == Role.VICE_CHAIRMAN ? " (" + role.words() + ")" : "");
        }
    }

    /** The council's term of office from one election to the next ({@code end} null while it runs). */
    record Term(long id, String name, LocalDate start, LocalDate end) {
    }

    enum Role {
        CHAIRMAN("Chairman"), VICE_CHAIRMAN("Vice-Chairman"), MEMBER("Member"), SUBSTITUTE("Substitute");

        final String words;

        Role(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A meeting: {@code ends} null until known; times are the council's local time. */
    /** {@code timed} false: the meeting's time was not recorded (or is not set yet), and {@code starts} is its date at midnight. */
    record Meeting(long id, long committeeId, LocalDateTime starts, LocalDateTime ends, String location, String webcast, Status status,
                   OffsetDateTime modified, boolean timed) {
    }

    enum Status {
        SCHEDULED("Scheduled"), HELD("Held"), CANCELLED("Cancelled"), POSTPONED("Postponed");

        final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * An agenda item in its section; {@code standingKind} names a kind of paper (with its scope) whose
     * latest published version the item carries: {@code paper}, when one has been published.
     */
    record Item(long id, long meetingId, int number, Section section, String title, String description, boolean exempt,
                String standingKind, String standingScope, Paper paper) {
    }

    enum Section {
        A("Committee business"), B("Key or significant decisions for endorsement or recommendation"), C("Other items for comment"),
        D("Performance monitoring"), E("For information: decisions taken between meetings");

        final String words;

        Section(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A published paper as a standing item shows it: its address is worked out from these. */
    record Paper(String kind, String scope, YearMonth period, int version, String title) {
    }

    /** A report on an agenda item: its cover sheet, the recommendation with its verb, and its text. */
    record Report(long itemId, String from, String to, String decisionNo, String classification, String pastPathway, String futurePathway,
                  String electoralDivision, String summary, Verb verb, String recommendation, String body, int version) {
    }

    /** What the committee is asked to do with a recommendation. */
    enum Verb { CONSIDER, ENDORSE, NOTE, COMMENT }
}
