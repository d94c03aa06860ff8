package org.oversight.risk;

import org.oversight.shared.InputException;
import org.springframework.http.ResponseEntity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks")
@Tag(name = "Risk", description = "Risk registers, risks, reviews and escalation")
class RiskApi {

    private final RegisterViews views;
    private final RiskReviews reviews;
    private final RiskCatalogue catalogue;
    private final RegisterImport imports;
    private final RegisterMatrices matrices;
    private final RegisterRepository registers;
    private final RiskRepository risks;

    RiskApi(RegisterViews views, RiskReviews reviews, RiskCatalogue catalogue, RegisterImport imports, RegisterMatrices matrices,
            RegisterRepository registers, RiskRepository risks) {
        this.views = views;
        this.reviews = reviews;
        this.catalogue = catalogue;
        this.imports = imports;
        this.matrices = matrices;
        this.registers = registers;
        this.risks = risks;
    }

    @GetMapping("/registers")
    List<Register> all() {
        return registers.all();
    }

    @PostMapping("/registers")
    @Operation(summary = "Add a register under a parent (none for the corporate register)")
    ResponseEntity<Register> createRegister(@Valid @RequestBody RegisterForm n) {
        return ResponseEntity.status(201).body(catalogue.createRegister(n));
    }

    record RegisterView(Register register, List<Risk> risks, Map<RiskMatrix.Level, Integer> currentProfile,
                        Map<RiskMatrix.Level, Integer> targetProfile, int[][] currentHeatmap, int[][] targetHeatmap,
                        int actionsCompleted, int actionsOutstanding, int actionsOverdue, int reviewsOverdue) {
    }

    @GetMapping("/registers/{code}")
    @Operation(summary = "A register with its risks, profile counts (current and target), heat maps and action status")
    RegisterView register(@PathVariable String code, @RequestParam(required = false) LocalDate dueBy) {
        RegisterViews.View v = views.view(code, dueBy);
        return new RegisterView(v.register(), v.risks(), v.currentProfile(), v.targetProfile(), v.currentHeat(), v.targetHeat(),
                v.actionsCompleted(), v.actionsOutstanding(), v.actionsOverdue(), v.reviewsOverdue());
    }

    @PostMapping(value = "/registers/{code}/import", consumes = "text/csv")
    @Operation(summary = "Load a register file (the risk register CSV): all rows or none")
    Map<String, Object> load(@PathVariable String code, @RequestBody byte[] csv, @RequestParam(defaultValue = "upload through the API") String fileName) {
        RegisterImport.Loaded loaded = imports.load(code, csv, fileName);
        return Map.of("loaded", loaded.risks(), "warnings", loaded.warnings());
    }

    record Matrix(RiskMatrix matrix, int version) {
    }

    @PutMapping("/registers/{code}/matrix")
    @Operation(summary = "Change a register's matrix: every risk must fit it; risks whose band changes are listed and audited")
    Map<String, Object> matrix(@PathVariable String code, @RequestBody Matrix m) {
        if (m.matrix() == null) {
            throw new InputException("matrix", "give the matrix: its size, a label for each level of likelihood and of impact, and its bands");
        }
        return Map.of("rebanded", matrices.change(code, m.matrix(), m.version()));
    }

    @PostMapping("/registers/{code}/risks")
    ResponseEntity<Risk> create(@PathVariable String code, @Valid @RequestBody NewRisk n) {
        return ResponseEntity.status(201).body(catalogue.create(code, n));
    }

    @GetMapping("/{code}")
    Risk risk(@PathVariable String code) {
        return risks.get(code);
    }

    @PostMapping("/{code}/reviews")
    @Operation(summary = "Review a risk: new ratings, comment, next review (default three months on); owners review their own risks")
    Risk review(@PathVariable String code, @Valid @RequestBody ReviewForm r) {
        return reviews.review(code, r);
    }

    record Move(String register, String reason, int version) {
    }

    @PostMapping("/{code}/moves")
    @Operation(summary = "Escalate, de-escalate or move a risk to another register; it keeps its code")
    Risk move(@PathVariable String code, @RequestBody Move m) {
        return reviews.move(code, m.register(), m.reason(), m.version());
    }

    record Closure(String reason, int version) {
    }

    @PostMapping("/{code}/closure")
    Risk close(@PathVariable String code, @RequestBody Closure c) {
        return reviews.close(code, c.reason(), c.version());
    }
}
