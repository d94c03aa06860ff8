package org.oversight.risk;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.shared.InputException;
import org.springframework.stereotype.Service;

/**
 * A register as its report reads it, for the publishing module to lay out: the profile and heat
 * maps, the action status, then each open risk with its controls and actions. From the register
 * as it stands: a draft.
 */
@Service
public class RegisterPapers {

    /** {@code currentHeat[l-1][i-1]}: the risks at likelihood l and impact i. */
    public record Paper(Register register, RiskMatrix matrix, List<Sheet> risks, Map<RiskMatrix.Level, Integer> currentProfile,
                        Map<RiskMatrix.Level, Integer> targetProfile, int[][] currentHeat, int[][] targetHeat,
                        int actionsCompleted, int actionsOutstanding, int actionsOverdue) {
    }

    /** One risk's sheet: its bands on the register's matrix, its controls and its actions. */
    public record Sheet(Risk risk, RiskMatrix.Level band, RiskMatrix.Level targetBand, List<Risk.Control> controls, List<Risk.Action> actions) {
    }

    private final RegisterViews views;
    private final RegisterRepository registers;
    private final RiskRepository risks;

    RegisterPapers(RegisterViews views, RegisterRepository registers, RiskRepository risks) {
        this.views = views;
        this.registers = registers;
        this.risks = risks;
    }

    /** An open risk that concerns an indicator, with the register that holds it. */
    public record Concern(String code, String title, String register) {
    }

    /** The open risks that concern the indicator (ticked on the risk's sheet). */
    public List<Concern> concerning(String indicatorRef) {
        return risks.concerning(indicatorRef).stream().map(r -> new Concern(r.code(), r.title(), registers.get(r.registerId()).code())).toList();
    }

    /** Each register's code and name, for a paper's scope. */
    public Map<String, String> registers() {
        Map<String, String> m = new LinkedHashMap<>();
        registers.all().forEach(r -> m.put(r.code(), r.name()));
        return m;
    }

    /** The registers of a part of the council, by any of its names: a directorate's own register first. */
    public List<Register> of(Collection<String> unitNames) {
        return registers.all().stream().filter(r -> r.unit() != null && unitNames.stream().anyMatch(r.unit()::equalsIgnoreCase)).toList();
    }

    /** A register's code, however it was typed: its code or its name, in any case. */
    public String code(String typed) {
        String t = typed == null ? "" : typed.strip();
        return registers.all().stream().filter(r -> r.code().equalsIgnoreCase(t) || r.name().equalsIgnoreCase(t)).map(Register::code).findFirst()
                .orElseThrow(() -> new InputException("scope", (t.isEmpty() ? "name the register" : "there is no register '"
                        + (t.length() > 60 ? t.substring(0, 60) + "…" : t) + "'") + ": the registers are "
                        + String.join(", ", registers.all().stream().map(Register::code).toList())));
    }

    public Paper paper(String typed) {
        RegisterViews.View v = views.view(code(typed), null);
        RiskMatrix m = v.register().matrix();
        List<Sheet> sheets = v.risks().stream().map(r -> new Sheet(r, m.band(r.current().score()), r.target() == null ? null : m.band(r.target().score()),
                risks.controls(r.id()), v.actions().getOrDefault(r.id(), List.of()))).toList();
        return new Paper(v.register(), m, sheets, v.currentProfile(), v.targetProfile(), v.currentHeat(), v.targetHeat(),
                v.actionsCompleted(), v.actionsOutstanding(), v.actionsOverdue());
    }
}
