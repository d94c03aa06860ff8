package org.oversight.performance;

import org.oversight.structure.Unit;
import org.oversight.structure.Units;

import org.oversight.shared.Audited;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.oversight.shared.CsvTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the published Kent figures (classpath demo/, see demo/SOURCES.md) into an empty
 * database on first start: the January 2019 Adult Social Care dashboard and the 2017-18
 * business plan KPIs. Blank cells stay missing. Runs before the web server opens, so no one
 * ever sees the database half-loaded.
 */
@Component
class DemoData implements SmartInitializingSingleton {

    static final String SOURCE = "Kent County Council (published paper)";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Units units;

    DemoData(@Value("${oversight.demo:true}") boolean enabled, IndicatorRepository indicators,
             ObservationRepository observations, TargetRepository targets, TransactionTemplate transaction,
             ApplicationEventPublisher events, Units units) {
        this.units = units;
        this.transaction = transaction;
        this.events = events;
        this.enabled = enabled;
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> load());
    }

    private void load() {
        if (!enabled || !indicators.none()) {
            return;
        }
        Map<String, Long> ids = new HashMap<>();
        Units.Names names = units.names();
        each("indicators.csv", r -> ids.put(r.required("ref"), indicators.insert(new Indicator(null, r.required("ref"),
                r.required("title"), blank(r.text("definition")), blank(r.text("section")),
                Indicator.Kind.valueOf(r.required("kind")), Polarity.parse(r.text("polarity")), r.required("unit"),
                Integer.parseInt(r.required("decimals")), blank(r.text("data_period")),
                Indicator.Frequency.valueOf(r.required("frequency").toUpperCase(Locale.ROOT)), blank(r.text("data_source")),
                blank(r.text("cabinet_member")), blank(r.text("director")), blank(r.text("portfolio")),
                unit(names, r.text("directorate"), Unit.Kind.DIRECTORATE), unit(names, r.text("division"), Unit.Kind.DIVISION), "Y".equals(r.text("in_qpr")),
                "Y".equals(r.text("in_divmt")), true, 0))));
        Map<String, String> commentary = new HashMap<>();
        each("commentary.csv", r -> commentary.put(r.required("ref") + "@" + r.required("period"), r.required("commentary")));
        each("series.csv", r -> {
            long id = ids.get(r.required("ref"));
            YearMonth month = r.month("period");
            BigDecimal target = r.decimal("target");
            if (target != null) {
                targets.savePhase(id, new Targets.Phase(month, month, target, null));
            }
            observations.save(new ObservationRepository.Edit(id, month, r.decimal("value"), null, null, false,
                    commentary.get(r.required("ref") + "@" + r.required("period")),
                    Rag.parsePublished(r.text("published_rag")), null), SOURCE);
        });
        each("outturns.csv", r -> targets.saveOutturn(ids.get(r.required("ref")), Integer.parseInt(r.required("financial_year")),
                r.decimal("value"), "projected".equals(r.text("note"))));
        each("targets.csv", r -> targets.saveYear(ids.get(r.required("ref")), new Targets.Year(
                Integer.parseInt(r.required("financial_year")), r.decimal("target"), r.decimal("floor"), null, null, 0), null));
        each("thresholds.csv", r -> targets.saveThreshold(ids.get(r.required("ref")), new Targets.Threshold(
                Integer.parseInt(r.required("financial_year")), Integer.parseInt(r.required("quarter")),
                r.decimal("lower"), r.decimal("upper"))));
        events.publishEvent(new Audited(Audited.Action.IMPORT, "demo", "kent",
                "Demo data loaded: " + ids.size() + " indicators from the published Kent papers (demo/SOURCES.md)", null, null));
        log.info("Loaded the demo data: {} indicators from the published Kent papers", ids.size());
    }

    private static void each(String file, Consumer<CsvTable.Row> action) {
        CsvTable.resource("demo/" + file).forEach(action);
    }

    /** The papers' spelling of a directorate or division, as the council's structure names it. */
    private static String unit(Units.Names names, String written, Unit.Kind kind) {
        return blank(written) == null ? null : names.resolve(written, kind, null, kind.label().toLowerCase(Locale.ROOT));
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
