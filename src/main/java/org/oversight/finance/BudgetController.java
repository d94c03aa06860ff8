package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Fragments;
import org.oversight.platform.LineChart;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.oversight.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Budget monitoring on the web: the directorate position (Table 1 of the papers), each heading with
 * its lines, the variance lists; finance officers load a month's monitoring file.
 */
@Controller
class BudgetController {

    private final Budgets budgets;
    private final ActivityBudgets activityBudgets;
    private final CapitalProgrammes capitalProgrammes;
    private final Reserves reserves;
    private final ServiceLines serviceLines;
    private final BudgetImport imports;
    private final Forecasts forecasts;
    private final Narratives narratives;
    private final CapitalForecasts capitalForecasts;
    private final CurrentUser user;
    private final DisplayFormat fmt;
    private final Fragments fragments;

    BudgetController(Budgets budgets, ActivityBudgets activityBudgets, CapitalProgrammes capitalProgrammes, Reserves reserves, ServiceLines serviceLines,
                     BudgetImport imports, Forecasts forecasts, Narratives narratives, CapitalForecasts capitalForecasts, CurrentUser user,
                     DisplayFormat fmt, Fragments fragments) {
        this.budgets = budgets;
        this.activityBudgets = activityBudgets;
        this.capitalProgrammes = capitalProgrammes;
        this.reserves = reserves;
        this.serviceLines = serviceLines;
        this.imports = imports;
        this.forecasts = forecasts;
        this.narratives = narratives;
        this.capitalForecasts = capitalForecasts;
        this.user = user;
        this.fmt = fmt;
        this.fragments = fragments;
    }

    @GetMapping("/budget")
    String position(@RequestParam(required = false) YearMonth month, Model model, HttpServletRequest request, HttpServletResponse response) {
        Budget b = budgets.of(month);
        model.addAttribute("month", b.month());
        model.addAttribute("empty", b.empty());
        // Table 1 is the same for everyone until the month's figures change: rendered once and reused, as the dashboard's lines are.
        model.addAttribute("tableHtml", b.empty() ? "" : budgets.rendered("position table", b.month(), () -> {
            Map<String, Object> v = new HashMap<>();
            v.put("month", b.month());
            v.put("positions", b.positions());
            v.put("total", budgets.total(b));
            v.put("headline", budgets.headline(b));
            v.put("outside", budgets.outside(b));
            v.put("actions", budgets.anyAction(b));
            return fragments.render("finance/position-table", "table", v, request, response);
        }));
        List<YearMonth> months = budgets.months();
        model.addAttribute("months", months);
        Map<String, String> choices = new LinkedHashMap<>();
        months.forEach(x -> choices.put(x.toString(), fmt.longMonth(x)));
        model.addAttribute("monthChoices", choices);
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        return "finance/position";
    }

    @GetMapping("/budget/headings/{id:[0-9]{1,18}}")
    String heading(@PathVariable long id, @RequestParam(required = false) YearMonth month, Model model) {
        Budget b = budgets.of(month);
        Budget.Position p = b.find(id).orElseThrow(() -> new NotFoundException("There is no budget heading " + id));
        model.addAttribute("month", b.month());
        model.addAttribute("p", p);
        // A heading outside the month's year's book has no trail in it.
        model.addAttribute("trail", Objects.requireNonNullElse(budgets.trail(b.positions(), id), List.of()));
        model.addAttribute("own", Budget.own(p));
        model.addAttribute("actions", budgets.anyAction(b));
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        var entered = forecasts.of(id, b.month());
        model.addAttribute("version", entered.map(ForecastRepository.Entered::version).orElse(-1));
        // The form shows what is held, in £000s, unless it comes back with what was typed.
        Map<String, String> held = new HashMap<>();
        entered.map(ForecastRepository.Entered::forecast).ifPresent(f -> {
            held.put("varianceGross", thousands(f.gross()));
            held.put("varianceIncome", thousands(f.income()));
            held.put("varianceNet", thousands(f.net()));
            held.put("adjustment", thousands(f.adjustment()));
            held.put("managementAction", thousands(f.managementAction()));
            held.put("comment", f.comment() == null ? "" : f.comment());
        });
        model.addAttribute("held", held);
        var narrative = narratives.of(id, b.month());
        model.addAttribute("narrative", narrative.orElse(null));
        model.addAttribute("narrativeLabels", NarrativeRepository.Narrative.LABELS);
        model.addAttribute("narrativeParts", narrative.map(NarrativeRepository.Narrative::parts).orElse(Map.of()));
        model.addAttribute("narrativeVersion", narrative.map(NarrativeRepository.Narrative::version).orElse(-1));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "finance/heading";
    }

    @PostMapping("/budget/headings/{id:[0-9]{1,18}}/forecast")
    String forecast(@PathVariable long id, @Valid @ModelAttribute("forecast") BudgetForms.Forecast form, BindingResult binding, RedirectAttributes redirect) {
        Budget.Heading h = heading(id);
        if (FormErrors.saved(binding, redirect, () -> {
            forecasts.save(h, form.month, form.varianceGross, form.varianceIncome, form.varianceNet, form.adjustment, form.managementAction, form.comment,
                    form.version, user.name());
            return h;
        }) != null) {
            redirect.addFlashAttribute("notice", "Forecast saved for " + h.name() + ".");
        }
        return "redirect:" + headingPage(id, form.month) + "#forecast";
    }

    @PostMapping("/budget/headings/{id:[0-9]{1,18}}/headline")
    String headline(@PathVariable long id, @Valid @ModelAttribute("headline") BudgetForms.Headline form, BindingResult binding, RedirectAttributes redirect) {
        Budget.Heading h = heading(id);
        if (FormErrors.saved(binding, redirect, () -> {
            forecasts.setOutsideHeadline(h, form.outside, user.name());
            return h;
        }) != null) {
            redirect.addFlashAttribute("notice", h.name() + (form.outside ? " is now reported outside the headline total." : " is now counted in the headline total."));
        }
        return "redirect:" + headingPage(id, form.month);
    }

    @PostMapping("/budget/headings/{id:[0-9]{1,18}}/narrative")
    String narrative(@PathVariable long id, @Valid @ModelAttribute("narrative") BudgetForms.Narrative form, BindingResult binding, RedirectAttributes redirect) {
        Budget.Heading h = heading(id);
        // The page has the forecast's form too: a narrative saved by someone else meanwhile is shown at the narrative's.
        if (FormErrors.saved(binding, redirect, Refusals.atForm("narrativeForm", () -> {
            narratives.save(h, form.month, form.reasons, form.actions, form.mtfp, form.rollForwards, form.version, user.name());
            return h;
        })) != null) {
            redirect.addFlashAttribute("notice", "Narrative saved for " + h.name() + ".");
        }
        return "redirect:" + headingPage(id, form.month) + "#narrative";
    }

    private Budget.Heading heading(long id) {
        return budgets.heading(id).orElseThrow(() -> new NotFoundException("There is no budget heading " + id));
    }

    /** The heading's page for the month sent; the latest month's when none could be read. */
    private static String headingPage(long id, YearMonth month) {
        return "/budget/headings/" + id + (month == null ? "" : "?month=" + month);
    }

    private static String thousands(BigDecimal pounds) {
        return pounds == null ? "" : Thousands.written(pounds);
    }

    @GetMapping("/budget/variances")
    String variances(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) BigDecimal threshold, Model model,
                     HttpServletRequest request, HttpServletResponse response) {
        Budget b = budgets.of(month);
        BigDecimal t = threshold == null ? Budgets.THRESHOLD : threshold.abs().multiply(BudgetImport.Unit.THOUSANDS.pounds);
        model.addAttribute("month", b.month());
        model.addAttribute("thresholdThousands", thousands(t));
        // The lists are the same for everyone until the month's figures change: rendered once (at the default threshold) and reused.
        Supplier<String> lists = () -> fragments.render("finance/variance-lists", "lists", Map.of(
                "pressures", budgets.variances(b, t, 1).stream().map(this::varianceRow).toList(),
                "underspends", budgets.variances(b, t, -1).stream().map(this::varianceRow).toList()), request, response);
        model.addAttribute("listsHtml", t.compareTo(Budgets.THRESHOLD) == 0 ? budgets.rendered("variance lists", b.month(), lists) : lists.get());
        return "finance/variances";
    }

    /** A line of a variance list as printed (a public record, for the template). */
    public record VarianceRow(String name, String amount, String comment) {
    }

    private VarianceRow varianceRow(Budget.Position p) {
        return new VarianceRow(p.heading().name(), fmt.millions(p.revised()), p.comment() == null ? "" : p.comment());
    }

    /** Activity against affordable levels, each variance split into volume and price, worked out here. */
    @GetMapping("/budget/activity")
    String activity(@RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = budgets.of(month).month();
        model.addAttribute("month", m);
        var history = activityBudgets.history(m);
        List<YearMonth> months = IntStream.rangeClosed(0, 35).mapToObj(i -> m.minusMonths(35 - i)).toList();
        List<ActivityBudget> activity = activityBudgets.of(m);
        model.addAttribute("rows", IntStream.range(0, activity.size()).mapToObj(i -> {
            ActivityBudget a = activity.get(i);
            return new ActivityRow(a.service(), a.affordableUnits(), a.forecastUnits(), a.budgetUnitCost(), a.forecastUnitCost(), a.volumeVariance(),
                    a.priceVariance(), a.totalVariance(), a.actualUnits(), a.indicatorRef(), chart("chart-" + i, a.service(), months,
                    history.getOrDefault(a.service(), Map.of())));
        }).toList());
        return "finance/activity";
    }

    /** Actual activity against the affordable level over three years: a month without figures breaks the line. */
    private String chart(String id, String service, List<YearMonth> months, Map<YearMonth, ActivityBudget> history) {
        // Millions of journeys are drawn in thousands, so the axis's figures fit beside it.
        BigDecimal most = history.values().stream().flatMap(a -> Stream.of(a.actualUnits(), a.affordableUnits())).filter(Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int shift = most.compareTo(new BigDecimal(1_000_000)) >= 0 ? 3 : 0;
        Function<BigDecimal, BigDecimal> scaled = x -> x == null ? null : x.movePointLeft(shift);
        List<BigDecimal> actual = months.stream().map(x -> history.containsKey(x) ? scaled.apply(history.get(x).actualUnits()) : null).toList();
        List<BigDecimal> affordable = months.stream().map(x -> history.containsKey(x) ? scaled.apply(history.get(x).affordableUnits()) : null).toList();
        long given = actual.stream().filter(Objects::nonNull).count();
        return new LineChart(service + ": actual against affordable", "Activity actually seen (" + given + " of the 36 months to "
                + fmt.month(months.get(35)) + " have a figure) against the affordable level, the budget ÷ the budgeted unit cost; the figures are in the table above.",
                months.stream().map(fmt::month).toList()).id(id).axis(shift == 0 ? "Activity" : "Activity (thousands)").series(new LineChart.Series("Affordable level", affordable,
                "#0b0c0c", "6 4").stepped()).series(new LineChart.Series("Actual", actual, "#1d70b8", null)).svg();
    }

    @GetMapping("/budget/capital")
    String capital(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) BigDecimal real,
                   @RequestParam(required = false) BigDecimal rephasing, Model model) {
        YearMonth m = month != null ? month : budgets.reportMonths().stream().findFirst().orElse(YearMonth.now());
        BigDecimal r = real == null ? CapitalProgramme.REAL_THRESHOLD : real.abs().multiply(BudgetImport.Unit.MILLIONS.pounds);
        BigDecimal f = rephasing == null ? CapitalProgramme.REPHASING_THRESHOLD : rephasing.abs().multiply(BudgetImport.Unit.MILLIONS.pounds);
        model.addAttribute("month", m);
        CapitalProgramme capital = capitalProgrammes.of(m, r, f);
        model.addAttribute("directorates", capital.directorates());
        model.addAttribute("capitalTotal", capital.total());
        model.addAttribute("headlines", capital.headlines());
        model.addAttribute("missing", capital.missing());
        model.addAttribute("itemised", capital.directorates().stream().anyMatch(d -> !d.schemes().isEmpty()));
        model.addAttribute("realThreshold", BudgetImport.Unit.MILLIONS.written(r));
        model.addAttribute("rephasingThreshold", BudgetImport.Unit.MILLIONS.written(f));
        return "finance/capital";
    }

    /** A scheme's month: its figures worked out (status, forecast, movements) and, for finance officers, the month's forecast to type. */
    @GetMapping("/budget/capital/schemes/{id:[0-9]{1,18}}")
    String scheme(@PathVariable long id, @RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = month != null ? month : budgets.reportMonths().stream().findFirst().orElse(YearMonth.now());
        String name = capitalForecasts.schemeName(id).orElseThrow(() -> new NotFoundException("There is no capital scheme " + id));
        var held = capitalForecasts.entry(id, m);
        CapitalProgramme.Row row = capitalProgrammes.of(m, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD).directorates().stream()
                .flatMap(d -> Stream.concat(d.schemes().stream(), Stream.ofNullable(d.whole())))
                .filter(r -> Objects.equals(r.id(), id)).findFirst().orElse(null);
        model.addAttribute("month", m);
        model.addAttribute("name", name);
        model.addAttribute("row", row);
        model.addAttribute("held", held.orElse(null));
        model.addAttribute("from", held.map(CapitalSchemeRepository.CapitalEntry::month).filter(x -> !x.equals(m)).orElse(null));
        model.addAttribute("version", held.filter(h -> h.month().equals(m)).map(CapitalSchemeRepository.CapitalEntry::version).orElse(-1));
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        // The form shows what is held, in £000s, unless it comes back with what was typed.
        Map<String, String> entered = new HashMap<>();
        held.map(CapitalSchemeRepository.CapitalEntry::line).ifPresent(l -> {
            entered.put("spendToDate", thousands(l.spendToDate()));
            entered.put("real", thousands(l.real()));
            entered.put("rephasing", thousands(l.rephasing()));
            entered.put("delayed", l.delayed() == null ? "" : l.delayed() ? "yes" : "no");
            // A new month's reason is its own: last month's would go out as this month's if nobody changed it.
            entered.put("comment", l.comment() == null || !held.get().month().equals(m) ? "" : l.comment());
        });
        model.addAttribute("entered", entered);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "finance/scheme";
    }

    @PostMapping("/budget/capital/schemes/{id:[0-9]{1,18}}/forecast")
    String schemeForecast(@PathVariable long id, @Valid @ModelAttribute("capital") BudgetForms.CapitalForecast form, BindingResult binding,
                          RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            capitalForecasts.save(id, form.month, form.spendToDate, form.real, form.rephasing, form.delayed, form.comment, form.version, user.name());
            return id;
        }) != null) {
            redirect.addFlashAttribute("notice", "Capital forecast saved for " + capitalForecasts.schemeName(id).orElse("the scheme") + ".");
        }
        return "redirect:/budget/capital/schemes/" + id + (form.month == null ? "" : "?month=" + form.month) + "#forecast";
    }

    @GetMapping("/budget/services")
    String services(@RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = month != null ? month : budgets.reportMonths().stream().findFirst().orElse(YearMonth.now());
        model.addAttribute("month", m);
        ServiceAnalysis analysis = serviceLines.of(m);
        model.addAttribute("analysis", analysis);
        model.addAttribute("decimals", analysis.decimals());
        return "finance/services";
    }

    @GetMapping("/budget/reserves")
    String reserves(@RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = month != null ? month : budgets.reportMonths().stream().findFirst().orElse(YearMonth.now());
        List<Reserves.Row> held = reserves.of(m);
        model.addAttribute("month", m);
        model.addAttribute("reserves", held);
        // A group's movements are listed reserve by reserve.
        model.addAttribute("itemised", held.stream().flatMap(r -> r.parts().isEmpty() ? Stream.of(r) : r.parts().stream()).toList());
        return "finance/reserves";
    }

    /** An activity budget as its page prints it (a public record, for the template). */
    public record ActivityRow(String service, BigDecimal affordable, BigDecimal forecast, BigDecimal budgetCost, BigDecimal forecastCost, BigDecimal volume,
                              BigDecimal price, BigDecimal total, BigDecimal actual, String indicator, String chart) {
    }

    @GetMapping("/budget/upload")
    String uploadForm(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        Map<String, String> units = new LinkedHashMap<>();
        for (BudgetImport.Unit u : BudgetImport.Unit.values()) {
            units.put(u.name(), u.words());
        }
        model.addAttribute("units", units);
        return "finance/upload";
    }

    @PostMapping("/budget/upload")
    String upload(@Valid @ModelAttribute("upload") BudgetForms.Upload form, BindingResult binding, RedirectAttributes redirect) {
        BudgetImport.Result r = FormErrors.saved(binding, redirect, Refusals.atFile(() -> imports.load(form.month, form.unit,
                Uploads.bytes(form.file, "Choose the month's monitoring file (CSV or XLSX)"), form.setsBook, form.reason, user.name())));
        if (r == null) {
            return "redirect:/budget/upload";
        }
        redirect.addFlashAttribute("notice", "Loaded " + r.lines() + " lines for " + DisplayFormat.monthName(r.month())
                + (r.headingsMade() > 0 ? "; " + r.headingsMade() + " headings added to the budget book" : "")
                + (r.cashLimitsChanged() > 0 ? "; " + r.cashLimitsChanged() + " cash limits changed" : "") + "."
                + (r.warnings().isEmpty() ? "" : " The position by service line does not agree with it: " + String.join("; ", r.warnings()) + "."));
        // To the page that shows what the file was.
        return "redirect:" + switch (r.kind()) {
            case REVENUE -> "/budget";
            case ACTIVITY -> "/budget/activity";
            case CAPITAL -> "/budget/capital";
            case RESERVES -> "/budget/reserves";
            case SERVICE_LINES -> "/budget/services";
        } + "?month=" + r.month();
    }
}
