package org.oversight.risk;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Registers as committees read them: risks, profiles, heat maps and action status; and as the interchange file. */
@Service
class RegisterViews {

    private final RegisterRepository registers;
    private final RiskRepository risks;

    RegisterViews(RegisterRepository registers, RiskRepository risks) {
        this.registers = registers;
        this.risks = risks;
    }

    /** A register as a committee reads it: its risks, profile, heat maps and action status. */
    record View(Register register, List<Risk> risks, Map<RiskMatrix.Level, Integer> currentProfile,
                Map<RiskMatrix.Level, Integer> targetProfile, int[][] currentHeat, int[][] targetHeat,
                LocalDate actionsDueBy, int actionsCompleted, int actionsOutstanding, int actionsOverdue, int reviewsOverdue,
                Map<Long, List<Risk.Action>> actions, List<RiskRepository.MovedOut> movedOut) {
    }

    /** With {@code dueBy}, the action status counts only actions due by then. */
    View view(String code, LocalDate dueBy) {
        Register g = registers.get(code);
        List<Risk> open = risks.inRegister(g.id(), false);
        RiskMatrix m = g.matrix();
        Map<RiskMatrix.Level, Integer> current = zeros();
        Map<RiskMatrix.Level, Integer> target = zeros();
        int[][] ch = new int[m.size()][m.size()];
        int[][] th = new int[m.size()][m.size()];
        LocalDate today = LocalDate.now();
        int reviewsOverdue = 0;
        for (Risk r : open) {
            current.merge(m.band(r.current().score()), 1, Integer::sum);
            if (r.current().hasLevels()) {
                ch[r.current().likelihood() - 1][r.current().impact() - 1]++;
            }
            if (r.target() != null) {
                target.merge(m.band(r.target().score()), 1, Integer::sum);
                if (r.target().hasLevels()) {
                    th[r.target().likelihood() - 1][r.target().impact() - 1]++;
                }
            }
            reviewsOverdue += r.reviewOverdue(today) ? 1 : 0;
        }
        Map<Long, List<Risk.Action>> actions = risks.actionsByRisk(g.id());
        int completed = 0, outstanding = 0, overdue = 0;
        for (List<Risk.Action> list : actions.values()) {
            for (Risk.Action a : list) {
                if (dueBy != null && (a.due() == null || a.due().isAfter(dueBy))) {
                    continue;
                }
                if (a.completed()) {
                    completed++;
                } else {
                    outstanding++;
                    overdue += a.overdue(today) ? 1 : 0;
                }
            }
        }
        return new View(g, open, current, target, ch, th, dueBy, completed, outstanding, overdue, reviewsOverdue, actions, risks.movedOut(g.id()));
    }

    private static Map<RiskMatrix.Level, Integer> zeros() {
        Map<RiskMatrix.Level, Integer> m = new EnumMap<>(RiskMatrix.Level.class);
        for (RiskMatrix.Level l : RiskMatrix.Level.values()) {
            m.put(l, 0);
        }
        return m;
    }

    /** The register's open risks in the interchange format, for export. */
    List<RiskRow> rows(String registerCode) {
        Register g = registers.get(registerCode);
        return risks.inRegister(g.id(), false).stream().map(r -> new RiskRow(r.code(), r.title(), g.code(), r.owners(),
                r.cabinetMembers().isEmpty() ? null : String.join("; ", r.cabinetMembers()), r.cause(), r.event(), r.consequence(),
                r.current(), r.target(), r.previousScore(), r.publishedDirection(), r.lastReview(), r.nextReview())).toList();
    }
}
