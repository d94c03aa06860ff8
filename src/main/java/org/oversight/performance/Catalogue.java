package org.oversight.performance;

import java.util.Map;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.oversight.shared.Audited;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.Text;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.structure.Unit;
import org.oversight.structure.UnitRenamed;
import org.oversight.structure.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining indicators and their targets: the rules a definition must meet before it is stored. */
@Service
class Catalogue {

    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final ApplicationEventPublisher events;
    private final Units units;

    Catalogue(IndicatorRepository indicators, TargetRepository targets, ApplicationEventPublisher events, Units units) {
        this.units = units;
        this.indicators = indicators;
        this.targets = targets;
        this.events = events;
    }

    @Transactional
    long create(Indicator given) {
        check(given);
        Indicator i = placed(given);
        long id = indicators.insert(i);
        events.publishEvent(new Audited(Audited.Action.CREATE, "indicator", String.valueOf(id), "Indicator " + i.ref() + " created",
                null, indicators.get(id)));
        return id;
    }

    @Transactional
    void update(Indicator given) {
        Indicator before = indicators.get(given.id());
        check(given);
        Indicator i = placed(given);
        indicators.update(i);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "indicator", String.valueOf(i.id()), "Indicator " + i.ref() + " changed",
                before, indicators.get(i.id())));
    }

    /**
     * The indicator under the structure's one name for its directorate and division: a name not in the structure is refused
     * with the nearest it has, and a division must be one of the directorate named.
     */
    private Indicator placed(Indicator i) {
        Units.Names names = units.names();
        String directorate = i.directorate() == null ? null : names.resolve(i.directorate(), Unit.Kind.DIRECTORATE, null, "directorate");
        String division = i.division() == null ? null : names.resolve(i.division(), Unit.Kind.DIVISION, null, "division");
        if (division != null) {
            Unit d = names.unit(division).orElseThrow();
            Unit parent = d.parentId() == null ? null : units.find(d.parentId()).orElse(null);
            if (directorate == null && parent != null && parent.kind() == Unit.Kind.DIRECTORATE) {
                directorate = parent.name(); // a division's directorate is the structure's, not one more box to fill in
            } else if (directorate != null && parent != null && !parent.name().equals(directorate)) {
                throw new InputException("division", "“" + division + "” is a division of “" + parent.name() + "”, not of “" + directorate + "”");
            }
        }
        return i.within(directorate, division);
    }

    /** A unit renamed in the structure: its indicators read under the new name (published dashboards keep the old). A reaction: it follows the rename's commit. */
    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        if (renamed.kind() == Unit.Kind.DIRECTORATE || renamed.kind() == Unit.Kind.DIVISION) {
            indicators.renameUnit(renamed.kind() == Unit.Kind.DIRECTORATE, renamed.before(), renamed.after());
        }
    }

    private void audit(Indicator i, String what, Object before, Object after) {
        events.publishEvent(new Audited(before == null ? Audited.Action.CREATE : Audited.Action.UPDATE, "target",
                i.id() + ":" + what, "Target of " + i.ref() + " for " + what + " set", before, after));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void check(Indicator i) {
        if (i.ref() == null || i.ref().isBlank()) {
            throw new InputException("ref", "enter a reference");
        }
        if (i.ref().length() > 30) {
            throw new InputException("ref", "a reference has at most 30 characters");
        }
        if (i.title() == null || i.title().isBlank()) {
            throw new InputException("title", "enter a title");
        }
        Text.bounded("title", i.title(), Text.NAME);
        Text.bounded("definition", i.definition(), Text.LONG);
        for (var f : Map.of("section", nz(i.section()), "unit", nz(i.unit()), "dataPeriod", nz(i.dataPeriod()), "dataSource", nz(i.dataSource()),
                "cabinetMember", nz(i.cabinetMember()), "director", nz(i.director()), "portfolio", nz(i.portfolio()),
                "directorate", nz(i.directorate()), "division", nz(i.division())).entrySet()) {
            Text.bounded(f.getKey(), f.getValue(), Text.NAME);
        }
        if (i.kind() == Indicator.Kind.ACTIVITY && i.polarity() != null) {
            throw new InputException("polarity", "an activity indicator is never rated, so it has no polarity");
        }
        if (i.decimals() < 0 || i.decimals() > 6) {
            throw new InputException("decimals", "decimal places must be between 0 and 6");
        }
        if (i.unit() == null || i.unit().isBlank()) {
            throw new InputException("unit", "choose a unit");
        }
    }

    /** A year's target and floor: the floor either absolute or a percentage of the target, not both. */
    @Transactional
    void saveYear(long indicatorId, Targets.Year y, Integer expectedVersion) {
        Indicator i = indicators.get(indicatorId);
        if (i.kind() == Indicator.Kind.ACTIVITY) {
            throw new InputException("target", "an activity indicator has an expected range by quarter, not a target");
        }
        checkYear(y.startYear());
        DecimalCell.check("target", y.target());
        DecimalCell.check("floor", y.floorValue());
        DecimalCell.check("floorPercent", y.floorPercent());
        DecimalCell.check("tolerance", y.tolerance());
        if (y.floorValue() != null && y.floorPercent() != null) {
            throw new InputException("floor", "give the floor as a figure or as a percentage of the target, not both");
        }
        if (y.floorPercent() != null && (y.floorPercent().signum() <= 0 || y.floorPercent().compareTo(BigDecimal.valueOf(200)) > 0)) {
            throw new InputException("floorPercent", "a floor percentage must be more than 0 and at most 200");
        }
        if (y.tolerance() != null && y.tolerance().signum() < 0) {
            throw new InputException("tolerance", "the tolerance must not be negative");
        }
        if (y.tolerance() != null && i.polarity() != Polarity.TARGET) {
            throw new InputException("tolerance", "a tolerance applies only to indicators where closest to target is best");
        }
        checkFloorSide(i.polarity(), y.target(), y.floorValue());
        Targets.Year before = targets.forIndicator(indicatorId).years().get(y.startYear());
        targets.saveYear(indicatorId, y, expectedVersion);
        audit(i, new FinancialYear(y.startYear()).label(), before, targets.forIndicator(indicatorId).years().get(y.startYear()));
    }

    /** A phased target for months within one financial year; a blank target removes the phase. */
    @Transactional
    void savePhase(long indicatorId, FinancialYear year, Targets.Phase phase) {
        Indicator i = indicators.get(indicatorId);
        checkYear(year.startYear());
        DecimalCell.check("target", phase.target());
        DecimalCell.check("floor", phase.floorValue());
        if (!year.contains(phase.first()) || !year.contains(phase.last())) {
            throw new InputException("period", phase.first() + (phase.first().equals(phase.last()) ? "" : " to " + phase.last())
                    + " is outside the financial year " + year + " (" + year.firstMonth() + " to " + year.lastMonth() + ")");
        }
        checkFloorSide(i.polarity(), phase.target(), phase.floorValue());
        Targets.Standard before = targets.forIndicator(indicatorId).forMonth(phase.first());
        targets.savePhase(indicatorId, phase);
        audit(i, phase.first() + (phase.first().equals(phase.last()) ? "" : " to " + phase.last()), before, phase);
    }

    @Transactional
    void saveThreshold(long indicatorId, Targets.Threshold t) {
        Indicator i = indicators.get(indicatorId);
        checkYear(t.startYear());
        DecimalCell.check("lower", t.lower());
        DecimalCell.check("upper", t.upper());
        if (i.kind() != Indicator.Kind.ACTIVITY) {
            throw new InputException("quarter", "thresholds apply to activity indicators; a KPI has targets");
        }
        if (t.quarter() < 1 || t.quarter() > 4) {
            throw new InputException("quarter", "a quarter is 1 to 4 (Q1 is April to June)");
        }
        if (t.lower() == null || t.upper() == null) {
            throw new InputException(t.lower() == null ? "lower" : "upper", "enter both the lower and the upper threshold");
        }
        if (t.upper().compareTo(t.lower()) < 0) {
            throw new InputException("upper", "the upper threshold must not be below the lower");
        }
        Targets.Threshold before = targets.forIndicator(indicatorId).thresholds().stream()
                .filter(x -> x.startYear() == t.startYear() && x.quarter() == t.quarter()).findFirst().orElse(null);
        targets.saveThreshold(indicatorId, t);
        audit(i, new FinancialYear(t.startYear()).label() + " Q" + t.quarter(), before, t);
    }

    /** Targets are set for the years Oversight keeps figures for, and a few years ahead. */
    private static void checkYear(int startYear) {
        int last = FinancialYear.of(YearMonth.now()).startYear() + 10;
        if (startYear < FinancialYear.FIRST.startYear() || startYear > last) {
            throw new InputException("year", "targets are set for financial years from " + FinancialYear.FIRST.label()
                    + " to " + new FinancialYear(last).label());
        }
    }

    /** A floor on the wrong side of the target can never be reached before the target is missed. */
    private static void checkFloorSide(Polarity p, BigDecimal target, BigDecimal floor) {
        if (p == null || target == null || floor == null) {
            return;
        }
        if ((p == Polarity.HIGHER && floor.compareTo(target) > 0) || (p == Polarity.LOWER && floor.compareTo(target) < 0)) {
            throw new InputException("floor", "the floor " + floor.toPlainString() + " must be " + (p == Polarity.HIGHER ? "below" : "above")
                    + " the target " + target.toPlainString() + " when " + p.words());
        }
    }

    static List<YearMonth> quarterMonths(FinancialYear year, int quarter) {
        YearMonth first = year.firstMonth().plusMonths(3L * (quarter - 1));
        return List.of(first, first.plusMonths(2));
    }
}
