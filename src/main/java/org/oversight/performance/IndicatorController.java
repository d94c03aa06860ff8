package org.oversight.performance;

import java.time.format.DateTimeParseException;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oversight.platform.LineChart;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    String catalogue(@RequestParam(defaultValue = "false") boolean archived, Model model) {
        model.addAttribute("indicators", indicators.findAll(archived));
        model.addAttribute("archived", archived);
        return "performance/indicators";
    }

    @GetMapping("/indicators/{id}")
    String indicator(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
        Indicator i = indicators.get(id);
        YearMonth last = DashboardController.month(month, dashboards);
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
        series.add(new LineChart.Series("Actual", grid.stream().map(Dashboards.MonthRating::value).toList(), "#1d70b8", null));
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
                labels, series);
    }

    @GetMapping("/indicators/new")
    String newForm(Model model) {
        model.addAttribute("form", new IndicatorForm());
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("action", "/indicators/new");
        return "performance/indicator-form";
    }

    @PostMapping("/indicators/new")
    String create(@ModelAttribute("form") IndicatorForm form, Model model) {
        FormErrors errors = new FormErrors();
        Indicator parsed = form.toIndicator(null, errors);
        if (!errors.any()) {
            try {
                return "redirect:/indicators/" + catalogue.create(parsed);
            } catch (InputException e) {
                errors.add(e);
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("action", "/indicators/new");
        return "performance/indicator-form";
    }

    @GetMapping("/indicators/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Indicator i = indicators.get(id);
        model.addAttribute("form", IndicatorForm.of(i));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("action", "/indicators/" + id + "/edit");
        return "performance/indicator-form";
    }

    @PostMapping("/indicators/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") IndicatorForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Indicator parsed = form.toIndicator(id, errors);
        if (!errors.any()) {
            try {
                catalogue.update(parsed);
                redirect.addFlashAttribute("notice", "Indicator " + parsed.ref() + " saved.");
                return "redirect:/indicators/" + id;
            } catch (InputException e) {
                errors.add(e);
            } catch (ConflictException e) {
                errors.add("form", e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("action", "/indicators/" + id + "/edit");
        return "performance/indicator-form";
    }

    @PostMapping("/indicators/{id}/targets")
    String saveYear(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            FinancialYear fy = FinancialYear.parse(p.getOrDefault("year", ""));
            Targets.Year y = new Targets.Year(fy.startYear(), errors.decimal("target", "The target", p.get("target")),
                    errors.decimal("floor", "The floor", p.get("floor")), errors.decimal("floorPercent", "The floor percentage", p.get("floorPercent")),
                    errors.decimal("tolerance", "The tolerance", p.get("tolerance")), 0);
            String version = p.getOrDefault("version", "");
            if (!errors.any()) {
                catalogue.saveYear(id, y, version.isBlank() ? null : Integer.valueOf(version));
                redirect.addFlashAttribute("notice", "Targets for " + fy + " saved.");
            }
        } catch (IllegalArgumentException e) {
            errors.add("year", e.getMessage());
        } catch (InputException e) {
            errors.add(e);
        } catch (ConflictException e) {
            errors.add("form", e.getMessage());
        }
        redirect.addFlashAttribute("targetErrors", errors.all());
        return "redirect:/indicators/" + id + "#targets";
    }

    @PostMapping("/indicators/{id}/phases")
    String savePhase(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            FinancialYear fy = FinancialYear.parse(p.getOrDefault("year", ""));
            String period = p.getOrDefault("period", "").strip();
            YearMonth first;
            YearMonth last;
            if (period.matches("(?i)Q[1-4]")) {
                List<YearMonth> q = Catalogue.quarterMonths(fy, period.charAt(1) - '0');
                first = q.get(0);
                last = q.get(1);
            } else {
                first = last = YearMonth.parse(period);
            }
            BigDecimal target = errors.decimal("phaseTarget", "The target", p.get("target"));
            BigDecimal floor = errors.decimal("phaseFloor", "The floor", p.get("floor"));
            if (!errors.any()) {
                catalogue.savePhase(id, fy, new Targets.Phase(first, last, target, floor));
                redirect.addFlashAttribute("notice", "Phased target for " + period + " saved.");
            }
        } catch (DateTimeParseException e) {
            errors.add("period", "Enter a month such as 2018-07, or a quarter Q1 to Q4");
        } catch (IllegalArgumentException e) {
            errors.add("year", e.getMessage());
        } catch (InputException e) {
            errors.add(e);
        }
        redirect.addFlashAttribute("targetErrors", errors.all());
        return "redirect:/indicators/" + id + "#phases";
    }

    @PostMapping("/indicators/{id}/thresholds")
    String saveThreshold(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            FinancialYear fy = FinancialYear.parse(p.getOrDefault("year", ""));
            int quarter = Integer.parseInt(p.getOrDefault("quarter", "0").replaceAll("(?i)q", "").strip());
            BigDecimal lower = errors.decimal("lower", "The lower threshold", p.get("lower"));
            BigDecimal upper = errors.decimal("upper", "The upper threshold", p.get("upper"));
            if (!errors.any()) {
                catalogue.saveThreshold(id, new Targets.Threshold(fy.startYear(), quarter, lower, upper));
                redirect.addFlashAttribute("notice", "Thresholds for " + fy + " Q" + quarter + " saved.");
            }
        } catch (NumberFormatException e) {
            errors.add("quarter", "Choose a quarter, Q1 to Q4");
        } catch (IllegalArgumentException e) {
            errors.add("year", e.getMessage());
        } catch (InputException e) {
            errors.add(e);
        }
        redirect.addFlashAttribute("targetErrors", errors.all());
        return "redirect:/indicators/" + id + "#thresholds";
    }
}
