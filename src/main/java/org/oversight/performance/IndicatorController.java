package org.oversight.performance;

import org.oversight.finance.IndicatorBudgets;
import org.oversight.platform.DisplayFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.oversight.platform.CurrentUser;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Dates;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.FormErrors;
import org.oversight.structure.Unit;
import org.oversight.structure.Units;
import org.springframework.beans.factory.ObjectProvider;
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
    private final PublicationRepository publications;
    private final CurrentUser user;
    private final ObjectProvider<IndicatorLinks> links;
    private final IndicatorBudgets budgets;

    private final Units units;

    IndicatorController(IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets,
                        Dashboards dashboards, Catalogue catalogue, DisplayFormat fmt, PublicationRepository publications, CurrentUser user,
                        ObjectProvider<IndicatorLinks> links, IndicatorBudgets budgets,
                        Units units) {
        this.units = units;
        this.links = links;
        this.budgets = budgets;
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.dashboards = dashboards;
        this.catalogue = catalogue;
        this.fmt = fmt;
        this.publications = publications;
        this.user = user;
    }

    @GetMapping("/indicators")
    String catalogue(@ModelAttribute("filter") CatalogueFilter filter, @RequestParam(required = false) String ref, Model model) {
        // Another module's page (a budget line) knows an indicator by its reference only: it links here, and is sent on to the indicator.
        if (ref != null) {
            return "redirect:/indicators/" + indicators.findByRef(ref).orElseThrow(() -> new NotFoundException("There is no indicator " + ref)).id();
        }
        List<Indicator> all = indicators.findAll(filter.archived);
        model.addAttribute("indicators", all.stream().filter(filter::matches).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("archived", filter.archived);
        model.addAttribute("filtered", filter.any() || filter.archived);
        Dashboards.Scopes scopes = dashboards.scopes();
        model.addAttribute("directorates", Choices.of(scopes.directorates()));
        model.addAttribute("divisions", Choices.of(scopes.divisions()));
        return "performance/indicators";
    }

    @GetMapping("/indicators/{id}")
    String indicator(@PathVariable long id, @RequestParam(required = false) YearMonth month, Model model) {
        Indicator i = indicators.get(id);
        if (!user.seesDrafts()) {
            return asPublished(i, month, model);
        }
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
        model.addAttribute("chart", IndicatorChart.svg(i, fmt, grid.stream().map(Dashboards.MonthRating::month).toList(),
                grid.stream().map(Dashboards.MonthRating::value).toList(), grid.stream().map(Dashboards.MonthRating::standard).toList(),
                grid.stream().map(g -> g.value() == null ? Rag.NOT_RATED : g.rating().rag()).toList()));
        model.addAttribute("fy", FinancialYear.of(last));
        // Staff only, as the risk and budget pages are: the public's page is the published indicator alone.
        model.addAttribute("links", links.orderedStream().flatMap(l -> l.of(i.ref()).stream()).toList());
        model.addAttribute("budgets", budgets.of(last).stream().filter(b -> b.indicatorRef().equals(i.ref())).toList());
        return "performance/indicator";
    }

    /**
     * The public's page of an indicator: each published month as it was frozen, never a draft
     * figure. An indicator never published is not found, so its existence is not given away.
     */
    private String asPublished(Indicator live, YearMonth month, Model model) {
        List<PublicationRepository.Published> published = publications.history(live.id(), month == null ? Dates.LAST_MONTH : month, 13);
        if (published.isEmpty()) {
            throw new NotFoundException("indicator " + live.id() + " has not been published");
        }
        List<PublicationRepository.Published> oldestFirst = new ArrayList<>(published);
        Collections.reverse(oldestFirst);
        Indicator i = published.get(0).line().indicator();
        model.addAttribute("i", i);
        model.addAttribute("published", published);
        model.addAttribute("chart", IndicatorChart.svg(i, fmt, oldestFirst.stream().map(PublicationRepository.Published::month).toList(),
                oldestFirst.stream().map(p -> p.line().shownValue()).toList(), oldestFirst.stream().map(p -> p.line().standard()).toList(),
                oldestFirst.stream().map(p -> p.line().shownValue() == null ? Rag.NOT_RATED : p.line().shownRag()).toList()));
        return "performance/indicator-published";
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

    private String formPage(String action, IndicatorForm form, BindingResult typed, FormErrors errors, Model model) {
        model.addAttribute("directorates", units.directorates());
        model.addAttribute("directorateChoices", Choices.of(units.directorates().stream().map(Unit::name).toList()));
        model.addAttribute("units", units);
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
        if (FormErrors.saved(binding, redirect, () -> {
            save.run();
            return true;
        }) != null) {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/indicators/" + id + anchor;
    }
}
