package org.oversight.risk;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** A risk, known by its code for life (CRR0041, AH0004) wherever it moves. */
public record Risk(Long id, String code, long registerId, String title, List<String> riskTypes, String cause, String event,
                   String consequence, List<String> owners, List<String> cabinetMembers, List<String> indicatorRefs,
                   Rating current, Rating target, Rating inherent, Integer previousScore, RiskDirection publishedDirection,
                   LocalDate lastReview, LocalDate nextReview, LocalDate closedOn, String closedReason, int version) {

    public boolean open() {
        return closedOn == null;
    }

    /** A risk is reviewed every three months unless its review set another date. */
    static final Period CADENCE = Period.ofMonths(3);

    /** The next review: as set, else one cadence after the last (a published register often gives only the last). */
    public LocalDate nextReviewDue() {
        return nextReview != null ? nextReview : lastReview == null ? null : lastReview.plus(CADENCE);
    }

    public boolean reviewOverdue(LocalDate today) {
        LocalDate due = nextReviewDue();
        return open() && due != null && due.isBefore(today);
    }

    /** After a review on {@code on}: the new ratings, the score they replace, the next review. */
    Risk reviewed(Rating newCurrent, Rating newTarget, RiskDirection contextChanged, LocalDate on, LocalDate next, int expectedVersion) {
        return new Risk(id, code, registerId, title, riskTypes, cause, event, consequence, owners, cabinetMembers, indicatorRefs, newCurrent,
                newTarget, inherent, current.score(), contextChanged, on, next, closedOn, closedReason, expectedVersion);
    }

    /** In another register, its code and everything else kept. */
    Risk movedTo(long register, int expectedVersion) {
        return new Risk(id, code, register, title, riskTypes, cause, event, consequence, owners, cabinetMembers, indicatorRefs, current, target,
                inherent, previousScore, publishedDirection, lastReview, nextReview, closedOn, closedReason, expectedVersion);
    }

    /** Closed on {@code on}, for a reason that stays with it. */
    Risk closed(LocalDate on, String reason, int expectedVersion) {
        return new Risk(id, code, registerId, title, riskTypes, cause, event, consequence, owners, cabinetMembers, indicatorRefs, current, target,
                inherent, previousScore, publishedDirection, lastReview, nextReview, on, reason, expectedVersion);
    }

    /** The direction as published, else as computed from the score at the last review. */
    public RiskDirection direction() {
        return publishedDirection != null ? publishedDirection
                : previousScore == null ? null : RiskDirection.between(previousScore, current.score());
    }

    public record Control(Long id, String title, String owner) {
    }

    public record Action(Long id, String title, String owner, String type, String planned, LocalDate due, boolean completed, int version) {
        public boolean overdue(LocalDate today) {
            return !completed && due != null && due.isBefore(today);
        }
    }

    /** {@code previousScore}: the score the review replaced. */
    public record Review(LocalDate reviewedOn, String reviewer, Rating current, Rating target, RiskDirection direction,
                         String comment, LocalDate nextReview, Integer previousScore) {
    }

    public record Movement(String from, String to, String kind, String by, OffsetDateTime at, String reason) {
    }
}
