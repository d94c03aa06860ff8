package org.oversight.risk;

import org.oversight.structure.Unit;
import org.oversight.structure.Units;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.oversight.performance.IndicatorChoices;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.LineChart;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.SeparatedValues;
import org.oversight.shared.Typed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RiskController {

    private final RegisterViews views;
    private final RiskReviews reviews;
    private final RiskCatalogue catalogue;
    private final RegisterImport imports;
    private final RegisterMatrices matrices;
    private final RegisterRepository registers;
    private final RiskRepository risks;
    private final CurrentUser user;
    private final IndicatorChoices indicators;

    private final Units units;

    RiskController(RegisterViews views, RiskReviews reviews, RiskCatalogue catalogue, RegisterImport imports, RegisterMatrices matrices,
                   RegisterRepository registers, RiskRepository risks, CurrentUser user, IndicatorChoices indicators, Units units) {
        this.units = units;
        this.indicators = indicators;
        this.views = views;
        this.reviews = reviews;
        this.catalogue = catalogue;
        this.imports = imports;
        this.matrices = matrices;
        this.registers = registers;
        this.risks = risks;
        this.user = user;
    }

    /** The new-risk form lists owners and Cabinet Members one per line or separated by semicolons (indicators are ticked). */
    @InitBinder("form")
    void lists(WebDataBinder binder) {
        for (String field : List.of("owners", "cabinetMembers")) {
            binder.registerCustomEditor(List.class, field, new SeparatedValues(";", false));
        }
    }

    /** A risk found by the filter, with the register it is on. */
    record Found(Register register, Risk risk) {
    }

    @GetMapping("/risks")
    String registers(@ModelAttribute("filter") RiskFilter filter, Model model) {
        List<RegisterViews.View> all = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (Register g : registers.all()) {
            RegisterViews.View v = views.view(g.code(), null);
            all.add(v);
            v.risks().stream().filter(r -> filter.matches(g, r, today)).forEach(r -> found.add(new Found(g, r)));
        }
        model.addAttribute("filtered", filter.any());
        model.addAttribute("found", found);
        model.addAttribute("views", all);
        Map<String, String> named = new LinkedHashMap<>(), bands = new LinkedHashMap<>(), levels = new LinkedHashMap<>(), parts = new LinkedHashMap<>();
        all.forEach(v -> named.put(v.register().code(), v.register().name()));
        Arrays.stream(RiskMatrix.Level.values()).forEach(b -> bands.put(b.name(), b.label()));
        Arrays.stream(Register.Level.values()).forEach(l -> levels.put(l.name(), l.name().charAt(0) + l.name().substring(1).toLowerCase()));
        units.all().stream().filter(u -> u.kind() == Unit.Kind.DIRECTORATE || u.kind() == Unit.Kind.DIVISION)
                .forEach(u -> parts.put(u.name(), u.name() + " (" + u.kind().label().toLowerCase() + ")"));
        model.addAttribute("registerChoices", named);
        model.addAttribute("bandChoices", bands);
        model.addAttribute("levelChoices", levels);
        model.addAttribute("unitChoices", parts);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "risk/registers";
    }

    @GetMapping("/risks/registers/{code}")
    String register(@PathVariable String code, @RequestParam(required = false) LocalDate dueBy, Model model) {
        model.addAttribute("v", views.view(code, dueBy));
        model.addAttribute("levels", RiskMatrix.Level.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("riskTeam", user.has(Role.RISK_TEAM));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "risk/register";
    }

    @GetMapping("/risks/registers/{code}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        StringBuilder out = new StringBuilder();
        RiskRegisterCsv.write(views.rows(code), out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risk-register-" + code + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/risks/registers/{code}/import")
    String load(@PathVariable String code, @ModelAttribute("upload") RegisterFileForm form, RedirectAttributes redirect) throws IOException {
        MultipartFile file = form.file;
        // Not FormErrors: a file's mistakes name their row and column, shown whole above the page as "The file was not loaded".
        try {
            if (file == null || file.isEmpty()) {
                throw new InputException("file", "choose a register file to load");
            }
            int n = imports.load(code, file.getBytes(), file.getOriginalFilename()).risks();
            redirect.addFlashAttribute("notice", "Loaded " + n + " risks from " + file.getOriginalFilename() + ".");
        } catch (InputException e) {
            redirect.addFlashAttribute("importError", e.getMessage() + " Nothing was loaded.");
        }
        return "redirect:/risks/registers/" + code;
    }

    @PostMapping("/risks/registers")
    String createRegister(@Valid @ModelAttribute("register") RegisterForm form, BindingResult binding, RedirectAttributes redirect) {
        Register created = FormErrors.saved(binding, redirect, () -> catalogue.createRegister(form));
        return created == null ? "redirect:/risks" : "redirect:/risks/registers/" + created.code();
    }

    @PostMapping("/risks/registers/{code}/matrix")
    String matrix(@PathVariable String code, @Valid @ModelAttribute("matrix") MatrixForm form, BindingResult binding, RedirectAttributes redirect) {
        List<String> rebanded = FormErrors.saved(binding, redirect, () -> matrices.changeBands(code, form));
        if (rebanded != null) {
            redirect.addFlashAttribute("notice", "Bands changed. " + (rebanded.isEmpty() ? "No risk changes band."
                    : "Re-rated (recorded in the audit trail): " + String.join(", ", rebanded) + "."));
        }
        return "redirect:/risks/registers/" + code;
    }

    @GetMapping("/risks/registers/{code}/new")
    String newRisk(@PathVariable String code, Model model) {
        return newRiskPage(code, new FormErrors(), null, model);
    }

    @PostMapping("/risks/registers/{code}/new")
    String create(@PathVariable String code, @Valid @ModelAttribute("form") NewRisk form, BindingResult binding, Model model) {
        FormErrors errors = FormErrors.of(binding);
        Risk created = errors.attempt(() -> catalogue.create(code, form));
        return created != null ? "redirect:/risks/" + created.code() : newRiskPage(code, errors, binding, model);
    }

    private String newRiskPage(String code, FormErrors errors, BindingResult typed, Model model) {
        model.addAttribute("g", registers.get(code));
        model.addAttribute("types", RiskCatalogue.RISK_TYPES);
        model.addAttribute("indicators", indicators.open());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? Typed.NOTHING : new Typed(typed));
        return "risk/new";
    }

    @GetMapping("/risks/{code}")
    String risk(@PathVariable String code, Model model) {
        Risk r = risks.get(code);
        Register g = registers.get(r.registerId());
        List<Risk.Review> history = risks.reviews(r.id());
        model.addAttribute("r", r);
        model.addAttribute("g", g);
        model.addAttribute("m", g.matrix());
        model.addAttribute("controls", risks.controls(r.id()));
        model.addAttribute("actions", risks.actions(r.id()));
        model.addAttribute("reviews", history);
        model.addAttribute("movements", risks.movements(r.id()));
        Map<String, String> others = new LinkedHashMap<>();
        registers.all().stream().filter(x -> !x.id().equals(g.id())).forEach(x -> others.put(x.code(), x.name()));
        model.addAttribute("otherRegisters", others);
        model.addAttribute("mayReview", reviews.mayReview(r));
        model.addAttribute("riskTeam", user.has(Role.RISK_TEAM));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("chart", chart(r, g.matrix(), history));
        var linked = indicators.byRef(r.indicatorRefs());
        model.addAttribute("linked", r.indicatorRefs().stream().map(linked::get).filter(Objects::nonNull).toList());
        model.addAttribute("unlinked", risks.unlinkedRefs(r.id()));
        // The list to tick from: the open indicators, and those linked already though archived since.
        List<IndicatorChoices.Choice> choices = new ArrayList<>(indicators.open());
        linked.values().stream().filter(IndicatorChoices.Choice::archived).forEach(choices::add);
        model.addAttribute("indicators", user.has(Role.RISK_TEAM) ? choices : List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "risk/risk";
    }

    /** The score as a step line over the reviews (it holds until the next review), over the matrix's bands. */
    private static String chart(Risk r, RiskMatrix m, List<Risk.Review> reviews) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> current = new ArrayList<>();
        List<BigDecimal> target = new ArrayList<>();
        // Where the line starts: the score the first review replaced, or the previous score the register was loaded with.
        Integer before = reviews.isEmpty() ? r.previousScore() : reviews.get(0).previousScore();
        if (before != null) {
            labels.add("Before");
            current.add(BigDecimal.valueOf(before));
            target.add(null);
        }
        for (Risk.Review v : reviews) {
            labels.add(DisplayFormat.shortDate(v.reviewedOn()));
            current.add(BigDecimal.valueOf(v.current().score()));
            target.add(v.target() == null ? null : BigDecimal.valueOf(v.target().score()));
        }
        if (reviews.isEmpty()) {
            labels.add(r.lastReview() == null ? "As loaded" : DisplayFormat.shortDate(r.lastReview()));
            current.add(BigDecimal.valueOf(r.current().score()));
            target.add(r.target() == null ? null : BigDecimal.valueOf(r.target().score()));
        }
        int top = m.size() * m.size();
        LineChart chart = new LineChart(r.code() + " score over time",
                "Current and target score (likelihood × impact, 1 to " + top + ") at each review, over the register's bands; the reviews are listed below.",
                labels).axis("Score").range(0, top, LineChart.nice(top / 5.0));
        double from = 0;
        for (RiskMatrix.Band b : m.bands()) {
            // A band's edge sits between its highest score and the next, so no score lies on a border.
            double to = b.upTo() == top ? top : b.upTo() + 0.5;
            chart.zone(new LineChart.Zone(from, to, ZONE_FILLS.get(b.level()), b.level().label()));
            from = to;
        }
        return chart.series(new LineChart.Series("Target score", target, "#00703c", "6 4").stepped())
                .series(new LineChart.Series("Current score", current, "#0b0c0c", null).stepped()
                        .marked(current.stream().map(c -> c == null ? "" : c.toPlainString()).toList(), null))
                .svg();
    }

    private static final Map<RiskMatrix.Level, String> ZONE_FILLS = Map.of(
            RiskMatrix.Level.LOW, "#cce2d8", RiskMatrix.Level.MEDIUM, "#fff7bf", RiskMatrix.Level.HIGH, "#f4cdc6");

    @PostMapping("/risks/{code}/review")
    String review(@PathVariable String code, @Valid @ModelAttribute("review") ReviewForm form, BindingResult binding, RedirectAttributes redirect) {
        Risk reviewed = FormErrors.saved(binding, redirect, () -> reviews.review(code, form));
        return sheet(code, "", reviewed, "Review of " + code + " saved.", redirect);
    }

    @PostMapping("/risks/{code}/indicators")
    String indicators(@PathVariable String code, @Valid @ModelAttribute("indicators") IndicatorsForm form, BindingResult binding, RedirectAttributes redirect) {
        Risk linked = FormErrors.saved(binding, redirect, () -> catalogue.linkIndicators(code, form));
        return sheet(code, "#indicators", linked, "The indicators " + code + " concerns are saved.", redirect);
    }

    @PostMapping("/risks/{code}/move")
    String move(@PathVariable String code, @Valid @ModelAttribute("move") MoveForm form, BindingResult binding, RedirectAttributes redirect) {
        Risk moved = FormErrors.saved(binding, redirect, () -> reviews.move(code, form.register, form.reason, form.version));
        return sheet(code, "", moved, code + " moved; it keeps its code.", redirect, "move");
    }

    @PostMapping("/risks/{code}/close")
    String close(@PathVariable String code, @Valid @ModelAttribute("closure") ClosureForm form, BindingResult binding, RedirectAttributes redirect) {
        Risk closed = FormErrors.saved(binding, redirect, () -> reviews.close(code, form.reason, form.version));
        return sheet(code, "", closed, code + " closed.", redirect, "close");
    }

    @PostMapping("/risks/{code}/actions")
    String addAction(@PathVariable String code, @Valid @ModelAttribute("action") ActionForm form, BindingResult binding, RedirectAttributes redirect) {
        String added = FormErrors.saved(binding, redirect, () -> {
            reviews.addAction(code, form);
            return code;
        });
        return sheet(code, "#actions", added, "Action added to " + code + ".", redirect);
    }

    @PostMapping("/risks/{code}/actions/{id}/complete")
    String completeAction(@PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("completion") CompletionForm form, BindingResult binding,
                          RedirectAttributes redirect) {
        String completed = FormErrors.saved(binding, redirect, () -> {
            reviews.completeAction(code, id, form.version);
            return code;
        });
        return sheet(code, "#actions", completed, "Action marked completed.", redirect);
    }

    @PostMapping("/risks/{code}/controls")
    String addControl(@PathVariable String code, @Valid @ModelAttribute("control") ControlForm form, BindingResult binding, RedirectAttributes redirect) {
        String added = FormErrors.saved(binding, redirect, () -> {
            reviews.addControl(code, form);
            return code;
        });
        return sheet(code, "#controls", added, "Control added to " + code + ".", redirect);
    }

    /** Back to the risk's sheet: with a notice when the change was made, else with the form's errors FormErrors.saved flashed. */
    private static String sheet(String code, String anchor, Object changed, String notice, RedirectAttributes redirect) {
        if (changed != null) {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/risks/" + code + anchor;
    }

    /**
     * The same for the move and close forms, which both have a reason box: the one refused is named, so that
     * its error and what was typed show in it and not in the other.
     */
    private static String sheet(String code, String anchor, Object changed, String notice, RedirectAttributes redirect, String form) {
        if (changed == null) {
            redirect.addFlashAttribute("refused", form);
        }
        return sheet(code, anchor, changed, notice, redirect);
    }
}
