package org.oversight.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A decision of the executive, numbered YY/NNNNN: on the forward plan, to committee for
 * endorsement, taken, its record published, implemented. A key decision is one spending or saving
 * more than the council's threshold, or affecting two or more electoral divisions; it needs 28
 * clear days on the forward plan before it is taken, unless taken under urgency (recorded, and
 * reported to the next meeting with the reason).
 */
record Decision(long id, String number, String title, Maker maker, String makerName, BigDecimal spend, BigDecimal savings,
                boolean severalDivisions, boolean key, LocalDate onForwardPlan, LocalDate planned, Long committeeId, Status status,
                String urgency, LocalDate takenOn, Record record, Long agendaItemId, int version) {

    /** Clear days: neither the day of publication nor the day of the decision counts. */
    static final int NOTICE = 28;

    enum Maker {
        CABINET_MEMBER("Cabinet Member"), CABINET("Cabinet"), LEADER("Leader");

        final String words;

        Maker(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** In order: a decision only moves forward. */
    enum Status {
        FORWARD_PLAN("On the forward plan"), TO_COMMITTEE("To committee for endorsement"), TAKEN("Taken"), RECORD_PUBLISHED("Record of decision published"),
        IMPLEMENTED("Implemented");

        final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The record of decision as published: the decision, why, its implications, what else was considered, interests, signature. */
    record Record(String decision, String reasons, String financial, String legal, String equality, String alternatives, String interests,
                  String signedBy, LocalDate signedOn) {
    }

    /** The key-decision tests: over the threshold in spend or savings, or two or more electoral divisions. */
    static boolean key(BigDecimal spend, BigDecimal savings, boolean severalDivisions, BigDecimal threshold) {
        return spend != null && spend.compareTo(threshold) > 0 || savings != null && savings.compareTo(threshold) > 0 || severalDivisions;
    }

    /** Clear days between the forward plan and the day of the decision. */
    static long clearDays(LocalDate onPlan, LocalDate on) {
        return ChronoUnit.DAYS.between(onPlan, on) - 1;
    }

    public String year() {
        return number.substring(0, 2);
    }

    public String serial() {
        return number.substring(3);
    }
}
