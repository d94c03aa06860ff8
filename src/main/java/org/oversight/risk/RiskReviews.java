package org.oversight.risk;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/** What happens to a risk over its life: reviews, actions and controls, moves between registers, closure. Each is announced. */
@Service
@Validated
class RiskReviews {

    private final RegisterRepository registers;
    private final RiskRepository risks;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;

    RiskReviews(RegisterRepository registers, RiskRepository risks, CurrentUser user, ApplicationEventPublisher events) {
        this.registers = registers;
        this.risks = risks;
        this.user = user;
        this.events = events;
    }

    /** Risk owners review only their own risks; the risk team reviews any. */
    boolean mayReview(Risk r) {
        return user.has(Role.RISK_TEAM)
                || (user.has(Role.RISK_OWNER) && (r.owners().contains(user.displayName()) || r.owners().contains(user.name())));
    }

    private Risk changeable(String code) {
        Risk r = risks.get(code);
        if (!mayReview(r)) {
            throw new AccessDeniedException("Only the risk's owners or the risk team may change " + code + ".");
        }
        return r;
    }

    /**
     * A review: new ratings on the register's matrix, the direction since the last one, the next
     * review date (three months on when not given). With {@code contextChanged} the risk's
     * circumstances changed so much that its old score is no comparison (** in the papers).
     */
    @Transactional
    Risk review(String code, @Valid ReviewForm f) {
        Risk r = changeable(code);
        if (!r.open()) {
            throw new InputException("risk", code + " was closed on " + r.closedOn() + ": it is no longer reviewed");
        }
        RiskMatrix m = registers.get(r.registerId()).matrix();
        Rating current = m.rate(f.currentLikelihood, f.currentImpact);
        Rating newTarget = RiskCatalogue.pair(m, f.targetLikelihood, f.targetImpact, "target");
        Rating target = newTarget == null ? r.target() : newTarget;
        LocalDate today = LocalDate.now();
        LocalDate chosen = f.nextReview == null ? null : f.nextReview.date("nextReview");
        LocalDate nextReview = chosen != null ? chosen : today.plus(Risk.CADENCE);
        if (!nextReview.isAfter(today)) {
            throw new InputException("nextReview", "the next review must be after today");
        }
        if (nextReview.isAfter(today.plusYears(2))) {
            throw new InputException("nextReview", "the next review must be within two years");
        }
        RiskDirection direction = f.contextChanged ? RiskDirection.CONTEXT_CHANGED : RiskDirection.between(r.current().score(), current.score());
        risks.update(r.reviewed(current, target, f.contextChanged ? direction : null, today, nextReview, f.version));
        risks.addReview(r.id(), new Risk.Review(today, user.displayName(), current, target, direction, Text.orNull(f.comment), nextReview,
                r.current().score()));
        Risk after = risks.get(code);
        events.publishEvent(new RiskReviewed(code, r.current().score(), current.score(), direction, r, after));
        return after;
    }

    /** Moves a risk to another register, keeping its code; up the hierarchy is an escalation, down a de-escalation. */
    @Transactional
    Risk move(String code, String toRegister, String reason, int version) {
        String why = reason(reason, "say why the risk moves");
        Risk r = risks.get(code);
        Register from = registers.get(r.registerId());
        Register to = registers.get(toRegister);
        if (to.id().equals(from.id())) {
            throw new InputException("register", code + " is already in " + to.name());
        }
        RiskEscalated.Kind kind = ancestor(to, from) ? RiskEscalated.Kind.ESCALATED
                : ancestor(from, to) ? RiskEscalated.Kind.DE_ESCALATED : RiskEscalated.Kind.MOVED;
        risks.update(r.movedTo(to.id(), version));
        risks.addMovement(r.id(), from.id(), to.id(), kind.name(), user.displayName(), why);
        Risk after = risks.get(code);
        events.publishEvent(new RiskEscalated(code, from.name(), to.name(), kind, why, r, after));
        return after;
    }

    /** Is {@code a} above {@code b} in the hierarchy? */
    private boolean ancestor(Register a, Register b) {
        for (Long p = b.parentId(); p != null; p = registers.get(p).parentId()) {
            if (p.equals(a.id())) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    Risk close(String code, String reason, int version) {
        String why = reason(reason, "say why the risk is closed");
        Risk r = risks.get(code);
        risks.update(r.closed(LocalDate.now(), why, version));
        Risk after = risks.get(code);
        events.publishEvent(new RiskClosed(code, why, r, after));
        return after;
    }

    private static String reason(String reason, String missing) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("reason", missing);
        }
        return Text.bounded("reason", reason, Text.LONG).strip();
    }

    /** An action added to a risk by the risk team or one of its owners. */
    @Transactional
    void addAction(String code, @Valid ActionForm f) {
        Risk r = changeable(code);
        String title = f.actionTitle.strip();
        LocalDate due = f.due == null ? null : f.due.date("due");
        risks.addAction(r.id(), title, Text.orNull(f.actionOwner), Text.orNull(f.actionType), Text.orNull(f.planned), due, false);
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk-action", code, "Action added to " + code + ": " + title, null,
                Map.of("title", title, "owner", Objects.requireNonNullElse(Text.orNull(f.actionOwner), ""), "due", String.valueOf(due))));
    }

    @Transactional
    void completeAction(String code, long actionId, int version) {
        Risk r = changeable(code);
        Risk.Action a = risks.actions(r.id()).stream().filter(x -> x.id() == actionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Risk " + code + " has no action " + actionId));
        risks.completeAction(actionId, version);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "risk-action", code, "Action of " + code + " completed: " + a.title(), a, null));
    }

    @Transactional
    void addControl(String code, @Valid ControlForm f) {
        Risk r = changeable(code);
        String title = f.controlTitle.strip();
        risks.addControl(r.id(), title, Text.orNull(f.controlOwner));
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk-control", code, "Control added to " + code + ": " + title, null,
                Map.of("title", title, "owner", Objects.requireNonNullElse(Text.orNull(f.controlOwner), ""))));
    }
}
