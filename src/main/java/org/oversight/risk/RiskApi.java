package org.oversight.risk;

import org.springframework.http.ResponseEntity;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks")
@Tag(name = "Risk", description = "Risk registers, risks, reviews and escalation")
class RiskApi {

    private final Registers registers;
    private final RiskStore store;

    RiskApi(Registers registers, RiskStore store) {
        this.registers = registers;
        this.store = store;
    }

    @GetMapping("/registers")
    List<Register> all() {
        return store.registers();
    }

    record NewRegister(String code, String name, String parent, Register.Level level) {
    }

    @PostMapping("/registers")
    @Operation(summary = "Add a register under a parent (none for the corporate register)")
    ResponseEntity<Register> createRegister(@RequestBody NewRegister n) {
        return ResponseEntity.status(201).body(registers.createRegister(n.code(), n.name(), n.parent(), n.level()));
    }

    record RegisterView(Register register, List<Risk> risks, Map<RiskMatrix.Level, Integer> currentProfile,
                        Map<RiskMatrix.Level, Integer> targetProfile, int[][] currentHeatmap, int[][] targetHeatmap,
                        int actionsCompleted, int actionsOutstanding, int actionsOverdue, int reviewsOverdue) {
    }

    @GetMapping("/registers/{code}")
    @Operation(summary = "A register with its risks, profile counts (current and target), heat maps and action status")
    RegisterView register(@PathVariable String code, @RequestParam(required = false) LocalDate dueBy) {
        Registers.View v = registers.view(code, dueBy);
        return new RegisterView(v.register(), v.risks(), v.currentProfile(), v.targetProfile(), v.currentHeat(), v.targetHeat(),
                v.actionsCompleted(), v.actionsOutstanding(), v.actionsOverdue(), v.reviewsOverdue());
    }

    @PostMapping(value = "/registers/{code}/import", consumes = "text/csv")
    @Operation(summary = "Load a register file (the risk register CSV): all rows or none")
    Map<String, Object> load(@PathVariable String code, @RequestBody byte[] csv, @RequestParam(defaultValue = "upload through the API") String fileName) {
        Registers.Loaded loaded = registers.load(code, csv, fileName);
        return Map.of("loaded", loaded.risks(), "warnings", loaded.warnings());
    }

    record Matrix(RiskMatrix matrix, int version) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/registers/{code}/matrix")
    @Operation(summary = "Change a register's matrix: every risk must fit it; risks whose band changes are listed and audited")
    Map<String, Object> matrix(@PathVariable String code, @RequestBody Matrix m) {
        return Map.of("rebanded", registers.changeMatrix(code, m.matrix(), m.version()));
    }

    record NewRisk(String code, String title, List<String> types, String cause, String event, String consequence, List<String> owners,
                   List<String> cabinetMembers, List<String> indicatorRefs, Integer currentLikelihood, Integer currentImpact,
                   Integer targetLikelihood, Integer targetImpact, Integer inherentLikelihood, Integer inherentImpact) {
    }

    @PostMapping("/registers/{code}/risks")
    ResponseEntity<Risk> create(@PathVariable String code, @RequestBody NewRisk n) {
        return ResponseEntity.status(201).body(registers.create(code, n.code(), n.title(), list(n.types()), n.cause(),
                n.event(), n.consequence(), list(n.owners()), list(n.cabinetMembers()), list(n.indicatorRefs()), n.currentLikelihood(),
                n.currentImpact(), n.targetLikelihood(), n.targetImpact(), n.inherentLikelihood(), n.inherentImpact()));
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }

    @GetMapping("/{code}")
    Risk risk(@PathVariable String code) {
        return store.get(code);
    }

    record Review(Integer currentLikelihood, Integer currentImpact, Integer targetLikelihood, Integer targetImpact, String comment,
                  LocalDate nextReview, int version) {
    }

    @PostMapping("/{code}/reviews")
    @Operation(summary = "Review a risk: new ratings, comment, next review (default three months on); owners review their own risks")
    Risk review(@PathVariable String code, @RequestBody Review r) {
        return registers.review(code, r.currentLikelihood(), r.currentImpact(), r.targetLikelihood(), r.targetImpact(), r.comment(),
                r.nextReview(), r.version());
    }

    record Move(String register, String reason, int version) {
    }

    @PostMapping("/{code}/moves")
    @Operation(summary = "Escalate, de-escalate or move a risk to another register; it keeps its code")
    Risk move(@PathVariable String code, @RequestBody Move m) {
        return registers.move(code, m.register(), m.reason(), m.version());
    }

    record Closure(String reason, int version) {
    }

    @PostMapping("/{code}/closure")
    Risk close(@PathVariable String code, @RequestBody Closure c) {
        return registers.close(code, c.reason(), c.version());
    }
}
