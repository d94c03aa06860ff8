package org.oversight.risk;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.oversight.performance.IndicatorChoices;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.oversight.structure.Unit;
import org.oversight.structure.UnitRenamed;
import org.oversight.structure.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/** New registers and new risks in them. Form and API check the shape (NewRisk, RegisterForm); this checks them against what is stored. */
@Service
@Validated
class RiskCatalogue {

    static final List<String> RISK_TYPES = List.of("Financial", "Operational", "Strategic", "Political", "Reputational", "Legal", "Technological");

    private final RegisterRepository registers;
    private final RiskRepository risks;
    private final RiskOwners owners;
    private final ApplicationEventPublisher events;
    private final IndicatorChoices indicators;

    private final Units units;

    RiskCatalogue(RegisterRepository registers, RiskRepository risks, RiskOwners owners, ApplicationEventPublisher events,
                  IndicatorChoices indicators, Units units) {
        this.units = units;
        this.indicators = indicators;
        this.registers = registers;
        this.risks = risks;
        this.owners = owners;
        this.events = events;
    }

    /** A register under a parent (none for the corporate register), on the default matrix until changed. */
    @Transactional
    Register createRegister(@Valid RegisterForm f) {
        String code = f.code.strip();
        if (registers.find(code).isPresent()) {
            throw new InputException("code", "a register " + code + " already exists");
        }
        if (f.level == Register.Level.CORPORATE) {
            registers.all().stream().filter(g -> g.level() == Register.Level.CORPORATE).findFirst().ifPresent(g -> {
                throw new InputException("level", "the council already has its corporate register, " + g.name() + ": a new register sits under it");
            });
        }
        Register parent = Text.orNull(f.parent) == null ? null : registers.get(f.parent.strip());
        if ((parent == null) != (f.level == Register.Level.CORPORATE)) {
            throw new InputException("parent", f.level == Register.Level.CORPORATE ? "the corporate register has no parent"
                    : "a " + f.level.name().toLowerCase() + " register sits under another register: choose its parent");
        }
        String unit = null;
        if (f.level == Register.Level.DIRECTORATE || f.level == Register.Level.DIVISION) {
            if (Text.orNull(f.unit) == null) {
                throw new InputException("unit", "choose the " + f.level.name().toLowerCase() + " it is the register of");
            }
            unit = units.names().resolve(f.unit, f.level == Register.Level.DIRECTORATE ? Unit.Kind.DIRECTORATE : Unit.Kind.DIVISION, null, "unit");
            String named = unit;
            registers.of(unit).ifPresent(g -> {
                throw new InputException("unit", "“" + named + "” already has its register, " + g.name() + " (" + g.code() + ")");
            });
        }
        registers.insert(new Register(null, code, f.name.strip(), parent == null ? null : parent.id(), f.level, unit, RiskMatrix.DEFAULT, 0));
        Register created = registers.get(code);
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk-register", created.code(), "Register " + created.name() + " created", null, created));
        return created;
    }

    /** A unit renamed in the structure keeps its register. A reaction: it follows the rename's commit. */
    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        registers.renameUnit(renamed.before(), renamed.after());
    }

    /** A new risk in a register, rated on that register's matrix; its code is kept for life. */
    @Transactional
    Risk create(String registerCode, @Valid NewRisk n) {
        Register g = registers.get(registerCode);
        String code = n.code.strip();
        if (risks.find(code).isPresent()) {
            throw new InputException("code", "a risk " + code + " already exists: codes are kept for life and never reused");
        }
        for (String t : n.types) {
            if (!RISK_TYPES.contains(t)) {
                throw new InputException("types", "'" + t + "' is not a risk type: use " + String.join(", ", RISK_TYPES));
            }
        }
        Rating current = g.matrix().rate(n.currentLikelihood, n.currentImpact);
        Rating target = pair(g.matrix(), n.targetLikelihood, n.targetImpact, "target");
        Rating inherent = pair(g.matrix(), n.inherentLikelihood, n.inherentImpact, "inherent");
        owners.check(null, n.owners);
        List<String> refs = linkable(n.indicatorRefs, List.of());
        LocalDate today = LocalDate.now();
        risks.insert(new Risk(null, code, g.id(), n.title.strip(), n.types, Text.orNull(n.cause), Text.orNull(n.event),
                Text.orNull(n.consequence), n.owners, n.cabinetMembers, refs, current, target, inherent, null, RiskDirection.NEW,
                today, today.plus(Risk.CADENCE), null, null, 0));
        Risk created = risks.get(code);
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk", created.code(), "Risk " + created.code() + " created in " + g.name(),
                null, created));
        return created;
    }

    /** Links the risk to exactly these indicators, if nobody changed the risk since {@code version} was read. */
    @Transactional
    Risk linkIndicators(String code, @Valid IndicatorsForm f) {
        Risk before = risks.get(code);
        List<String> refs = linkable(f.indicatorRefs, before.indicatorRefs());
        risks.update(new Risk(before.id(), before.code(), before.registerId(), before.title(), before.riskTypes(), before.cause(), before.event(),
                before.consequence(), before.owners(), before.cabinetMembers(), refs, before.current(), before.target(), before.inherent(),
                before.previousScore(), before.publishedDirection(), before.lastReview(), before.nextReview(), before.closedOn(), before.closedReason(),
                f.version));
        Risk after = risks.get(code);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "risk", code, "Indicators " + code + " concerns: "
                + (refs.isEmpty() ? "none" : String.join(", ", after.indicatorRefs())), before, after));
        return after;
    }

    /**
     * The references, each naming an indicator that exists; a new link not to an archived one ({@code kept} are linked already,
     * and stay linked when their indicator is archived). Every reference that fails is named at once.
     */
    private List<String> linkable(List<String> asked, List<String> kept) {
        List<String> refs = asked == null ? List.of() : asked.stream().map(String::strip).filter(r -> !r.isEmpty()).distinct().toList();
        var found = indicators.byRef(refs);
        List<String> missing = refs.stream().filter(r -> !found.containsKey(r)).toList();
        List<String> archived = refs.stream().filter(r -> found.containsKey(r) && found.get(r).archived() && !kept.contains(r)).toList();
        if (!missing.isEmpty() || !archived.isEmpty()) {
            throw new InputException("indicatorRefs", (missing.isEmpty() ? "" : "There is no indicator " + String.join(", ", missing) + ". ")
                    + (archived.isEmpty() ? "" : "Indicator " + String.join(", ", archived) + " is archived. ")
                    + "Choose the indicators from the list: nothing was saved");
        }
        return refs;
    }

    /** A target or inherent rating: both levels or neither. */
    static Rating pair(RiskMatrix m, Integer likelihood, Integer impact, String which) {
        if ((likelihood == null) != (impact == null)) {
            throw new InputException(which + (likelihood == null ? "Likelihood" : "Impact"),
                    "give both the " + which + " likelihood and impact, or neither");
        }
        return likelihood == null ? null : m.rate(likelihood, impact);
    }
}
