package org.oversight.performance;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.oversight.shared.NotFoundException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.platform.CurrentUser;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api")
@Tag(name = "Performance", description = "Indicators, targets, figures and dashboards")
class PerformanceApi {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final Catalogue catalogue;
    private final Figures figures;
    private final Dashboards dashboards;
    private final ScorecardImport imports;
    private final CurrentUser user;
    private final HistoryImports history;
    private final JsonMapper json;
    private final RatingCheck ratingCheck;

    PerformanceApi(RatingCheck ratingCheck, JsonMapper json, HistoryImports history, IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets, Catalogue catalogue,
                   Figures figures, Dashboards dashboards, ScorecardImport imports, CurrentUser user) {
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.catalogue = catalogue;
        this.figures = figures;
        this.dashboards = dashboards;
        this.imports = imports;
        this.user = user;
        this.history = history;
        this.json = json;
        this.ratingCheck = ratingCheck;
    }

    @GetMapping("/indicators")
    @Operation(summary = "All indicators (archived ones with archived=true)")
    List<Indicator> indicators(@RequestParam(defaultValue = "false") boolean archived) {
        return indicators.findAll(archived);
    }

    @GetMapping("/indicators/{id}")
    Indicator indicator(@PathVariable long id) {
        return indicators.get(id);
    }

    @PostMapping("/indicators")
    @Operation(summary = "Create an indicator; the ref must be unique")
    ResponseEntity<Indicator> create(@RequestBody Indicator body) {
        long id = catalogue.create(withId(body, null, 0));
        return ResponseEntity.created(URI.create("/api/indicators/" + id)).body(indicators.get(id));
    }

    @PutMapping("/indicators/{id}")
    @Operation(summary = "Change an indicator; send the version you read, a stale one gets 409")
    Indicator update(@PathVariable long id, @RequestBody Indicator body) {
        catalogue.update(withId(body, id, body.version()));
        return indicators.get(id);
    }

    private static Indicator withId(Indicator b, Long id, int version) {
        if (b.kind() == null) {
            throw new InputException("kind", "give the kind: KPI or ACTIVITY");
        }
        return new Indicator(id, b.ref(), b.title(), b.definition(), b.section(), b.kind(), b.polarity(),
                b.unit() == null ? "count" : b.unit(), b.decimals(), b.dataPeriod(),
                b.frequency() == null ? Indicator.Frequency.MONTHLY : b.frequency(), b.dataSource(), b.cabinetMember(), b.director(),
                b.portfolio(), b.directorate(), b.division(), b.inQpr(), b.inDivmt(), b.active() || id == null, version);
    }

    @GetMapping("/indicators/{id}/targets")
    Targets targets(@PathVariable long id) {
        indicators.get(id);
        return targets.forIndicator(id);
    }

    record YearTarget(BigDecimal target, BigDecimal floor, BigDecimal floorPercent, BigDecimal tolerance, Integer version) {
    }

    @PutMapping("/indicators/{id}/targets/{year}")
    @Operation(summary = "Set a financial year's target and floor (year as 2018-19); version is null for a new year")
    Targets saveYear(@PathVariable long id, @PathVariable String year, @RequestBody YearTarget body) {
        FinancialYear fy = fy(year);
        catalogue.saveYear(id, new Targets.Year(fy.startYear(), body.target(), body.floor(), body.floorPercent(), body.tolerance(), 0),
                body.version());
        return targets.forIndicator(id);
    }

    record PhaseTarget(YearMonth first, YearMonth last, BigDecimal target, BigDecimal floor) {
    }

    @PutMapping("/indicators/{id}/targets/{year}/phases")
    @Operation(summary = "Set a phased target for a month or quarter within the year; a null target removes it")
    Targets savePhase(@PathVariable long id, @PathVariable String year, @RequestBody PhaseTarget body) {
        if (body.first() == null) {
            throw new InputException("first", "give the first month of the phase, like 2018-07");
        }
        catalogue.savePhase(id, fy(year), new Targets.Phase(body.first(), body.last() == null ? body.first() : body.last(),
                body.target(), body.floor()));
        return targets.forIndicator(id);
    }

    @GetMapping("/indicators/{id}/observations")
    List<Observation> observations(@PathVariable long id, @RequestParam YearMonth from, @RequestParam YearMonth to) {
        indicators.get(id);
        return observations.findBetween(List.of(id), from, to);
    }

    record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator, boolean provisional, String commentary, Integer version) {
    }

    @PutMapping("/indicators/{id}/observations/{period}")
    @Operation(summary = "Enter or change a month's figure; send the version you read (null for a new figure), a stale one gets 409")
    Observation saveFigure(@PathVariable long id, @PathVariable YearMonth period, @RequestBody Figure body) {
        indicators.get(id);
        figures.saveAll(List.of(new ObservationRepository.Edit(id, period, body.value(), body.numerator(), body.denominator(),
                body.provisional(), body.commentary(), null, body.version())));
        return observations.find(id, period).orElseThrow();
    }

    record DashboardLine(String ref, String title, YearMonth figurePeriod, BigDecimal value, BigDecimal target, BigDecimal floor,
                         BigDecimal previous, BigDecimal outturn, Rag rag, String reason, Direction dotPrevious, Direction dotOutturn,
                         ActivityRange range, Rag publishedRag, boolean discrepancy, boolean restated) {
    }

    record DashboardView(YearMonth month, String directorate, String division, boolean published,
                         Map<Rag, Integer> rag, Map<Direction, Integer> direction, List<DashboardLine> indicators) {
    }

    @GetMapping(value = "/dashboards/{month}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A month's dashboard: every indicator's rating with its reason, and the counts")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DashboardView.class)))
    ResponseEntity<byte[]> dashboard(@PathVariable YearMonth month, @RequestParam(required = false) String directorate,
                                     @RequestParam(required = false) String division) {
        boolean drafts = user.seesDrafts();
        // A whole council's dashboard is a megabyte of JSON: written once per change and view, not per request.
        byte[] body = dashboards.kept(drafts ? "json:live" : "json:published", month, directorate, division,
                () -> dashboards.visible(month, directorate, division, drafts).map(d -> json.writeValueAsBytes(view(d))).orElse(null));
        if (body == null) {
            throw new NotFoundException("The " + month + " dashboard has not been published yet; sign in to see drafts.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static DashboardView view(Dashboard d) {
        return new DashboardView(d.month(), d.directorate(), d.division(), d.publication() != null, d.total().rag(), d.total().direction(),
                d.lines().stream().map(l -> new DashboardLine(l.indicator().ref(), l.indicator().title(), l.figurePeriod(), l.shownValue(),
                        l.standard().target(), l.standard().floor(), l.previous(), l.outturn(), l.shownRag(), l.shownReason(),
                        l.dotPrevious(), l.dotOutturn(), l.range(), l.publishedRag(), l.discrepancy(), l.restated())).toList());
    }

    @GetMapping("/ratings/check")
    @Operation(summary = "Every stored figure re-rated with its reason against the target in force in its month: counts by rating, "
            + "and the figures whose published (paper) rating they do not support, the first 100 listed")
    RatingCheck.Result ratingCheck() {
        return ratingCheck.run();
    }

    @PostMapping(value = "/scorecards/score", consumes = {"text/csv", XLSX})
    @Operation(summary = "Rate a scorecard (CSV or XLSX, at most 10 MB) without storing it (the same JSON as the score command: ./oversight score FILE)")
    Map<String, Object> score(@RequestBody byte[] content) {
        return ScoreCommand.score(ScorecardImport.parse(content).rows());
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @PostMapping(value = "/scorecards/{month}", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Load a scorecard (CSV or XLSX) into a month: all rows or none")
    ScorecardImportResult load(@PathVariable YearMonth month, @RequestBody byte[] content,
                               @RequestParam(defaultValue = "upload through the API") String fileName) {
        ScorecardImport.Preview p = imports.commit(month, content, fileName, null);
        return new ScorecardImportResult(month, p.count(ScorecardImport.Action.NEW), p.count(ScorecardImport.Action.CHANGED),
                p.count(ScorecardImport.Action.UNCHANGED), p.warnings());
    }

    @PostMapping(value = "/figures", consumes = "text/csv")
    @Operation(summary = "Load a figures file (many indicators and months: columns ref, period, value or numerator and denominator, provisional, commentary), streamed, all rows or none; "
            + "dryRun=true checks it and stores nothing")
    Map<String, Object> figures(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
                                @RequestParam(defaultValue = "figures.csv") String fileName) throws IOException {
        return history.load(request.getInputStream(), fileName, dryRun, null).json();
    }

    record ScorecardImportResult(YearMonth month, long created, long changed, long unchanged, List<String> warnings) {
    }

    private static FinancialYear fy(String year) {
        try {
            return FinancialYear.parse(year);
        } catch (IllegalArgumentException e) {
            throw new InputException("year", e.getMessage());
        }
    }
}
