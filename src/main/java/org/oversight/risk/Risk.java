package org.oversight.risk;

import java.time.LocalDate;
import java.util.List;

/** A risk, known by its code for life (CRR0041, AH0004) wherever it moves. */
public record Risk(Long id, String code, long registerId, String title, List<String> riskTypes, String cause, String event,
                   String consequence, List<String> owners, List<String> cabinetMembers, List<String> indicatorRefs,
                   Rating current, Rating target, Rating inherent, Integer previousScore, RiskDirection publishedDirection,
                   LocalDate lastReview, LocalDate nextReview, LocalDate closedOn, String closedReason, int version) {

    public boolean open() {
        return closedOn == null;
    }

    public boolean reviewOverdue(LocalDate today) {
        return open() && nextReview != null && nextReview.isBefore(today);
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

    public record Review(LocalDate reviewedOn, String reviewer, Rating current, Rating target, RiskDirection direction,
                         String comment, LocalDate nextReview) {
    }

    public record Movement(String from, String to, String kind, String by, java.time.OffsetDateTime at, String reason) {
    }
}
