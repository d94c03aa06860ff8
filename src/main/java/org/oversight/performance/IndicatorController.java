package org.oversight.performance;

import org.oversight.platform.DisplayFormat;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.oversight.platform.LineChart;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.oversight.shared.Typed;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class IndicatorController {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final Dashboards dashboards;
    private final Catalogue catalogue;
    private final DisplayFormat fmt;

    IndicatorController(IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets,
                        Dashboards dashboards, Catalogue catalogue, DisplayFormat fmt) {
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.dashboards = dashboards;
        this.catalogue = catalogue;
        this.fmt = fmt;
    }

    @GetMapping("/indicators")
    String catalogue(@ModelAttribute("filter") CatalogueFilter filter, Model model) {
        List<Indicator> all = indicators.findAll(filter.archived);
        model.addAttribute("indicators", all.stream().filter(filter::matches).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("archived", filter.archived);
        model.addAttribute("filtered", filter.any() || filter.archived);
        model.addAttribute("scopes", dashboards.scopes());
        return "performance/indicators";
    }

    @GetMapping("/indicators/{id}")
    String indicator(@PathVariable long id, @RequestParam(required = false) YearMonth month, Model model) {
        Indicator i = indicators.get(id);
        YearMonth last = dashboards.orLatest(month);
        YearMonth first = last.minusMonths(12);
        Targets t = targets.forIndicator(id);
        List<Observation> figures = observations.findBetween(List.of(id), first.minusMonths(24), last);
        List<Dashboards.MonthRating> grid = Dashboards.history(i, t, figures, first, last);
        model.addAttribute("i", i);
        model.addAttribute("month", last);
        model.addAttribute("grid", grid);
        model.addAttribute("targets", t);
        model.addAttribute("years", t.years().values().stream().sorted((a, b) -> b.startYear() - a.startYear()).toList());
        model.addAttribute("commentary", figures.stream().filter(o -> o.commentary() != null && !o.commentary().isBlank())
                .sorted((a, b) -> b.period().compareTo(a.period())).toList());
        model.addAttribute("revisions", observations.revisions(id));
        model.addAttribute("chart", chart(i, grid));
        model.addAttribute("fy", FinancialYear.of(last));
        return "performance/indicator";
    }

    private String chart(Indicator i, List<Dashboards.MonthRating> grid) {
        List<String> labels = grid.stream().map(g -> fmt.month(g.month())).toList();
        List<LineChart.Series> series = new ArrayList<>();
        // Each actual figure carries its rating's letter, so the chart reads without colour.
        List<String> marks = grid.stream().map(g -> i.kind() == Indicator.Kind.KPI && g.value() != null && g.rating().rag() != Rag.NOT_RATED
                ? g.rating().rag().label().substring(0, 1) : "").toList();
        series.add(new LineChart.Series("Actual" + (i.kind() == Indicator.Kind.KPI ? " (G, A, R: its rating)" : ""),
                grid.stream().map(Dashboards.MonthRating::value).toList(), "#1d70b8", null, marks));
        if (i.kind() == Indicator.Kind.KPI) {
            series.add(new LineChart.Series("Target", grid.stream().map(g -> g.standard().target()).toList(), "#00703c", "6 4"));
            List<BigDecimal> floors = grid.stream().map(g -> g.standard().floor()).toList();
            if (floors.stream().anyMatch(f -> f != null)) {
                series.add(new LineChart.Series("Floor", floors, "#d4351c", "2 4"));
            }
        }
        return LineChart.svg(i.ref() + " " + i.title() + ": trend", 
                "Monthly actual" + (i.kind() == Indicator.Kind.KPI ? ", target and floor" : "") + " from "
                        + labels.get(0) + " to " + labels.get(labels.size() - 1) + "; the same figures are in the table above.",
                "%".equals(i.unit()) ? "Percentage (%)" : i.unit(), labels, series);
    }

    @GetMapping("/indicators/new")
    String newForm(Model model) {
        IndicatorForm form = new IndicatorForm();
        return formPage("/indicators/new", form, new DirectFieldBindingResult(form, "form"), new FormErrors(), model);
    }

    @PostMapping("/indicators/new")
    String create(@Valid @ModelAttribute("form") IndicatorForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding, IndicatorController::label);
        Long id = errors.attempt(() -> catalogue.create(form.toIndicator(null)));
        if (id != null) {
            redirect.addFlashAttribute("notice", "Indicator " + form.ref.strip() + " added. Set its targets below.");
            return "redirect:/indicators/" + id;
        }
        return formPage("/indicators/new", form, binding, errors, model);
    }

    @GetMapping("/indicators/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        IndicatorForm form = IndicatorForm.of(indicators.get(id));
        return formPage("/indicators/" + id + "/edit", form, new DirectFieldBindingResult(form, "form"), new FormErrors(), model);
    }

    @PostMapping("/indicators/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") IndicatorForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding, IndicatorController::label);
        Indicator saved = errors.attempt(() -> {
            Indicator i = form.toIndicator(id);
            catalogue.update(i);
            return i;
        });
        if (saved != null) {
            redirect.addFlashAttribute("notice", "Indicator " + saved.ref() + " saved.");
            return "redirect:/indicators/" + id;
        }
        return formPage("/indicators/" + id + "/edit", form, binding, errors, model);
    }

    /** The form's boxes as labelled on the page. */
    private static String label(String field) {
        return field.equals("decimals") ? "Decimal places" : FormErrors.label(field);
    }

    private static String formPage(String action, IndicatorForm form, BindingResult typed, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("typed", new Typed(typed));
        model.addAttribute("errors", errors);
        model.addAttribute("action", action);
        return "performance/indicator-form";
    }

    @PostMapping("/indicators/{id}/targets")
    String saveYear(@PathVariable long id, @Valid @ModelAttribute("year") TargetForms.Year form, BindingResult binding, RedirectAttributes redirect) {
        return saved(id, "#targets", binding, redirect, "Targets for " + form.year + " saved.",
                () -> catalogue.saveYear(id, form.toYear(), form.version));
    }

    @PostMapping("/indicators/{id}/phases")
    String savePhase(@PathVariable long id, @Valid @ModelAttribute("phase") TargetForms.Phase form, BindingResult binding, RedirectAttributes redirect) {
        return saved(id, "#phases", binding, redirect, "Phased target for " + form.period + " saved.", () -> {
            List<YearMonth> months = form.months();
            catalogue.savePhase(id, form.phaseYear, new Targets.Phase(months.get(0), months.get(1), form.phaseTarget, form.phaseFloor));
        });
    }

    @PostMapping("/indicators/{id}/thresholds")
    String saveThreshold(@PathVariable long id, @Valid @ModelAttribute("threshold") TargetForms.Threshold form, BindingResult binding,
                         RedirectAttributes redirect) {
        return saved(id, "#thresholds", binding, redirect, "Thresholds for " + form.thresholdYear + " Q" + form.quarter + " saved.",
                () -> catalogue.saveThreshold(id, new Targets.Threshold(form.thresholdYear.startYear(), form.quarter, form.lower, form.upper)));
    }

    /** Saves a target form and goes back to the indicator, with a notice or with every error of the form and nothing saved. */
    private static String saved(long id, String anchor, BindingResult binding, RedirectAttributes redirect, String notice, Runnable save) {
        FormErrors errors = FormErrors.of(binding);
        if (errors.attempt(() -> {
            save.run();
            return true;
        }) != null) {
            redirect.addFlashAttribute("notice", notice);
        }
        redirect.addFlashAttribute("targetErrors", errors.all());
        if (errors.any()) {
            redirect.addFlashAttribute("targetTyped", Typed.values(binding));
        }
        return "redirect:/indicators/" + id + anchor;
    }
}
