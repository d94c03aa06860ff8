package org.oversight.governance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The forms of the forward plan and of a decision's page, as sent: each box a field of the name it is sent by; each step from the version read. */
final class DecisionForms {

    private DecisionForms() {
    }

    /** A decision put on the forward plan; its number blank for the next of the year. */
    static class Plan {
        public String number;
        public String title;
        public Decision.Maker maker;
        public String makerName;
        public String spend;
        public String savings;
        public boolean severalDivisions;
        public String planned;

        BigDecimal spending() {
            return Written.money("spend", spend);
        }

        BigDecimal saving() {
            return Written.money("savings", savings);
        }

        LocalDate plannedFor() {
            return Written.date("planned", planned);
        }
    }

    /** Sent to a committee, by its code, for endorsement. */
    static class ToCommittee {
        public String committee;
        public int version;
    }

    /** The agenda item that took the decision, by its id. */
    static class TakenAt {
        public Long item;
        public int version;
    }

    /** The day the forward plan first gave notice of the decision. */
    static class ForwardPlan {
        public String since;
        public int version;

        LocalDate day() {
            return Written.date("since", since);
        }
    }

    /** Taken on a day, under urgency if the reason is given. */
    static class Taken {
        public String takenOn;
        public String urgency;
        public int version;

        LocalDate day() {
            return Written.date("takenOn", takenOn);
        }
    }

    /** The record of decision published. */
    static class Record {
        public String decision;
        public String reasons;
        public String financial;
        public String legal;
        public String equality;
        public String alternatives;
        public String interests;
        public String signedBy;
        public String signedOn;
        public int version;

        Decision.Record record() {
            return new Decision.Record(decision, reasons, financial, legal, equality, alternatives, interests, signedBy, Written.date("signedOn", signedOn));
        }
    }

    /** A step with nothing to write: the version read. */
    static class Step {
        public int version;
    }
}
