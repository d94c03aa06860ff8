package org.oversight.finance;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Fragments;
import org.oversight.platform.LineChart;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.Dates;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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
    String position(@RequestParam(required = false) YearMonth month, Model model, jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response) {
        Budget b = budgets.of(month);
        model.addAttribute("month", b.month());
        model.addAttribute("empty", b.empty());
        // Table 1 is the same for everyone until the month's figures change: rendered once and reused, as the dashboard's lines are.
        model.addAttribute("tableHtml", b.empty() ? "" : budgets.rendered("position table", b.month(), () -> {
            Map<String, Object> v = new java.util.HashMap<>();
            v.put("month", b.month());
            v.put("positions", b.positions());
            v.put("total", budgets.total(b));
            v.put("headline", budgets.headline(b));
            v.put("outside", budgets.outside(b));
            v.put("actions", budgets.anyAction(b));
            return fragments.render("finance/position-table", "table", v, request, response);
        }));
        model.addAttribute("months", budgets.months());
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
        model.addAttribute("trail", java.util.Objects.requireNonNullElse(budgets.trail(b.positions(), id), List.of()));
        model.addAttribute("own", Budget.own(p));
        model.addAttribute("actions", budgets.anyAction(b));
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        var entered = forecasts.of(id, b.month());
        model.addAttribute("version", entered.map(ForecastRepository.Entered::version).orElse(-1));
        // The form shows what is held, in £000s, unless it comes back with what was typed.
        if (!model.containsAttribute("typed")) {
            Map<String, String> held = new java.util.HashMap<>();
            entered.map(ForecastRepository.Entered::forecast).ifPresent(f -> {
                held.put("varianceGross", thousands(f.gross()));
                held.put("varianceIncome", thousands(f.income()));
                held.put("varianceNet", thousands(f.net()));
                held.put("adjustment", thousands(f.adjustment()));
                held.put("managementAction", thousands(f.managementAction()));
                held.put("comment", f.comment() == null ? "" : f.comment());
            });
            model.addAttribute("typed", held);
        }
        var narrative = narratives.of(id, b.month());
        model.addAttribute("narrative", narrative.orElse(null));
        model.addAttribute("narrativeLabels", NarrativeRepository.Narrative.LABELS);
        model.addAttribute("narrativeParts", narrative.map(NarrativeRepository.Narrative::parts).orElse(Map.of()));
        model.addAttribute("narrativeVersion", narrative.map(NarrativeRepository.Narrative::version).orElse(-1));
        if (!model.containsAttribute("narrativeTyped")) {
            model.addAttribute("narrativeTyped", narrative.map(NarrativeRepository.Narrative::parts).orElse(Map.of()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "finance/heading";
    }

    @PostMapping("/budget/headings/{id:[0-9]{1,18}}/forecast")
    String forecast(@PathVariable long id, @RequestParam("month") YearMonth m, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "-1") int version,
                    RedirectAttributes redirect) {
        Budget.Heading h = budgets.heading(id).orElseThrow(() -> new NotFoundException("There is no budget heading " + id));
        try {
            forecasts.save(h, m, form.get("varianceGross"), form.get("varianceIncome"), form.get("varianceNet"), form.get("adjustment"),
                    form.get("managementAction"), form.get("comment"), version, user.name());
            redirect.addFlashAttribute("notice", "Forecast saved for " + h.name() + ".");
        } catch (InputException | ConflictException e) {
            failed(redirect, e, "form", "typed", form);
        }
        return "redirect:/budget/headings/" + id + "?month=" + m + "#forecast";
    }

    @PostMapping("/budget/headings/{id:[0-9]{1,18}}/headline")
    String headline(@PathVariable long id, @RequestParam("month") YearMonth m, @RequestParam(defaultValue = "false") boolean outside, RedirectAttributes redirect) {
        Budget.Heading h = budgets.heading(id).orElseThrow(() -> new NotFoundException("There is no budget heading " + id));
        forecasts.setOutsideHeadline(h, outside, user.name());
        redirect.addFlashAttribute("notice", h.name() + (outside ? " is now reported outside the headline total." : " is now counted in the headline total."));
        return "redirect:/budget/headings/" + id + "?month=" + m;
    }

    @PostMapping("/budget/headings/{id:[0-9]{1,18}}/narrative")
    String narrative(@PathVariable long id, @RequestParam("month") YearMonth m, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "-1") int version,
                     RedirectAttributes redirect) {
        Budget.Heading h = budgets.heading(id).orElseThrow(() -> new NotFoundException("There is no budget heading " + id));
        try {
            narratives.save(h, m, form.get("reasons"), form.get("actions"), form.get("mtfp"), form.get("rollForwards"), version, user.name());
            redirect.addFlashAttribute("notice", "Narrative saved for " + h.name() + ".");
        } catch (InputException | ConflictException e) {
            failed(redirect, e, "narrativeForm", "narrativeTyped", form);
        }
        return "redirect:/budget/headings/" + id + "?month=" + m + "#narrative";
    }

    /** A form refused: its error at its box (a stale save at the form as a whole, {@code formKey}), and what was typed, to show again. */
    private static void failed(RedirectAttributes redirect, RuntimeException e, String formKey, String typedAttribute, Map<String, String> form) {
        redirect.addFlashAttribute("errors", FormErrors.refused(e, formKey));
        redirect.addFlashAttribute(typedAttribute, FormErrors.typed(form));
    }

    private static String thousands(BigDecimal pounds) {
        return pounds == null ? "" : BudgetImport.Unit.THOUSANDS.written(pounds);
    }

    @GetMapping("/budget/variances")
    String variances(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) BigDecimal threshold, Model model,
                     jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        Budget b = budgets.of(month);
        BigDecimal t = threshold == null ? Budgets.THRESHOLD : threshold.abs().multiply(BudgetImport.Unit.THOUSANDS.pounds);
        model.addAttribute("month", b.month());
        model.addAttribute("thresholdThousands", thousands(t));
        // The lists are the same for everyone until the month's figures change: rendered once (at the default threshold) and reused.
        java.util.function.Supplier<String> lists = () -> fragments.render("finance/variance-lists", "lists", Map.of(
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
        List<YearMonth> months = java.util.stream.IntStream.rangeClosed(0, 35).mapToObj(i -> m.minusMonths(35 - i)).toList();
        List<ActivityBudget> activity = activityBudgets.of(m);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, activity.size()).mapToObj(i -> {
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
        BigDecimal most = history.values().stream().flatMap(a -> java.util.stream.Stream.of(a.actualUnits(), a.affordableUnits())).filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int shift = most.compareTo(new BigDecimal(1_000_000)) >= 0 ? 3 : 0;
        java.util.function.Function<BigDecimal, BigDecimal> scaled = x -> x == null ? null : x.movePointLeft(shift);
        List<BigDecimal> actual = months.stream().map(x -> history.containsKey(x) ? scaled.apply(history.get(x).actualUnits()) : null).toList();
        List<BigDecimal> affordable = months.stream().map(x -> history.containsKey(x) ? scaled.apply(history.get(x).affordableUnits()) : null).toList();
        long given = actual.stream().filter(java.util.Objects::nonNull).count();
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
                .flatMap(d -> java.util.stream.Stream.concat(d.schemes().stream(), java.util.stream.Stream.ofNullable(d.whole())))
                .filter(r -> java.util.Objects.equals(r.id(), id)).findFirst().orElse(null);
        model.addAttribute("month", m);
        model.addAttribute("name", name);
        model.addAttribute("row", row);
        model.addAttribute("held", held.orElse(null));
        model.addAttribute("from", held.map(CapitalSchemeRepository.CapitalEntry::month).filter(x -> !x.equals(m)).orElse(null));
        model.addAttribute("version", held.filter(h -> h.month().equals(m)).map(CapitalSchemeRepository.CapitalEntry::version).orElse(-1));
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        if (!model.containsAttribute("typed")) {
            Map<String, String> typed = new java.util.HashMap<>();
            held.map(CapitalSchemeRepository.CapitalEntry::line).ifPresent(l -> {
                typed.put("spendToDate", thousands(l.spendToDate()));
                typed.put("real", thousands(l.real()));
                typed.put("rephasing", thousands(l.rephasing()));
                typed.put("delayed", l.delayed() == null ? "" : l.delayed() ? "yes" : "no");
                // A new month's reason is its own: last month's would go out as this month's if nobody changed it.
                typed.put("comment", l.comment() == null || !held.get().month().equals(m) ? "" : l.comment());
            });
            model.addAttribute("typed", typed);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "finance/scheme";
    }

    @PostMapping("/budget/capital/schemes/{id:[0-9]{1,18}}/forecast")
    String schemeForecast(@PathVariable long id, @RequestParam(name = "month", required = false) YearMonth m, @RequestParam Map<String, String> form,
                          @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        if (m == null) {
            throw new InputException("month", "Choose the month the forecast is for");
        }
        try {
            capitalForecasts.save(id, m, form.get("spendToDate"), form.get("real"), form.get("rephasing"), form.get("delayed"), form.get("comment"), version,
                    user.name());
            redirect.addFlashAttribute("notice", "Capital forecast saved for " + capitalForecasts.schemeName(id).orElse("the scheme") + ".");
        } catch (InputException | ConflictException e) {
            failed(redirect, e, "form", "typed", form);
        }
        return "redirect:/budget/capital/schemes/" + id + "?month=" + m + "#forecast";
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
        model.addAttribute("itemised", held.stream().flatMap(r -> r.parts().isEmpty() ? java.util.stream.Stream.of(r) : r.parts().stream()).toList());
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
        Map<String, String> units = new java.util.LinkedHashMap<>();
        for (BudgetImport.Unit u : BudgetImport.Unit.values()) {
            units.put(u.name(), u.words());
        }
        model.addAttribute("units", units);
        return "finance/upload";
    }

    @PostMapping("/budget/upload")
    String upload(@RequestParam(required = false) String month, @RequestParam(required = false) BudgetImport.Unit unit,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean setsBook,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) throws IOException {
        try {
            // Read here, not bound, so that a month that cannot be read comes back at its box with the rest of the form as typed.
            YearMonth m;
            try {
                m = month == null || month.isBlank() ? null : Dates.month(month);
            } catch (IllegalArgumentException e) {
                throw new InputException("month", e.getMessage());
            }
            if (file == null || file.isEmpty()) {
                throw new InputException("file", "Choose the month's monitoring file (CSV or XLSX)");
            }
            BudgetImport.Result r = imports.load(m, unit, file.getBytes(), setsBook, reason, user.name());
            redirect.addFlashAttribute("notice", "Loaded " + r.lines() + " lines for " + DisplayFormat.monthName(m)
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
            } + "?month=" + m;
        } catch (InputException e) {
            FormErrors errors = new FormErrors();
            // A bad cell is named by its row and column; the box to fix is the file.
            errors.add(e.row() == null && e.field() != null ? e.field() : "file", e.row() == null ? e.problem() : e.getMessage());
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("typed", Map.of("month", month == null ? "" : month, "reason", reason == null ? "" : reason,
                    "setsBook", Boolean.toString(setsBook), "unit", unit == null ? "" : unit.name()));
            return "redirect:/budget/upload";
        }
    }
}
