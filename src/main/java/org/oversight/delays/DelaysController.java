package org.oversight.delays;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.LineChart;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Delayed transfers of care on the web: the month's position against the targets; the performance team loads the figures. */
@Controller
class DelaysController {

    private final Delays delays;
    private final CurrentUser user;
    private final DisplayFormat fmt;

    DelaysController(Delays delays, CurrentUser user, DisplayFormat fmt) {
        this.delays = delays;
        this.user = user;
        this.fmt = fmt;
    }

    @GetMapping("/delays")
    String month(@RequestParam(required = false) YearMonth month, Model model) {
        List<YearMonth> months = delays.months();
        YearMonth m = month != null ? month : months.stream().findFirst().orElse(YearMonth.now());
        Delays.Position p = delays.month(m);
        model.addAttribute("p", p);
        Map<YearMonth, String> monthNames = new LinkedHashMap<>();
        months.forEach(x -> monthNames.put(x, fmt.longMonth(x)));
        model.addAttribute("months", monthNames);
        model.addAttribute("officer", user.has(Role.PERFORMANCE));
        if (user.has(Role.PERFORMANCE)) {
            model.addAttribute("indicators", delays.indicators());
            model.addAttribute("feeds", delays.feeds());
            model.addAttribute("measures", Delays.MEASURES);
            model.addAttribute("bodies", BODIES);
        }
        model.addAttribute("month", m);
        model.addAttribute("rows", p.rows().stream().map(DelaysController::row).toList());
        model.addAttribute("total", row(p.total()));
        model.addAttribute("before", p.before() == null ? null : p.before().total());
        model.addAttribute("direction", p.direction());
        model.addAttribute("population", p.population().map(x -> fmt.number(x.adults()) + " (" + x.source() + ")").orElse(null));
        Map<String, BigDecimal> actual = Map.of("total", p.total().total(), "nhs", p.total().nhs(), "social_care", p.total().socialCare(), "both", p.total().both());
        model.addAttribute("compared", Delays.BODIES.stream().map(b -> new Compared(BODIES.get(b), actual.get(b), p.targets().get(b),
                p.targets().get(b) == null ? null : actual.get(b).subtract(p.targets().get(b)), p.rates().get(b), p.targetRates().get(b))).toList());
        List<YearMonth> year = IntStream.rangeClosed(0, 11).mapToObj(i -> m.minusMonths(11 - i)).toList();
        List<DelayedDays> totals = delays.totals(m);
        model.addAttribute("chart", p.rows().isEmpty() ? null : new LineChart("Delayed days a month, against the target",
                "Delayed days across the organisations each month for the year to " + fmt.month(m) + ", against the Better Care Fund target where one is set; "
                + "the figures are in the tables.", year.stream().map(fmt::month).toList()).id("delays-chart").axis("Delayed days")
                .series(new LineChart.Series("Target", delays.totalTargets(m), "#0b0c0c", "6 4").stepped())
                .series(new LineChart.Series("Delayed days", totals.stream().map(d -> d == null ? null : d.total()).toList(), "#1d70b8", null)).svg());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        // What the forms show until one comes back with its errors: the year's population and the month's targets as held.
        Map<String, String> given = new LinkedHashMap<>();
        given.put("year", Integer.toString(m.getYear()));
        p.population().ifPresent(x -> {
            given.put("adults", x.adults().toPlainString());
            given.put("source", x.source());
        });
        p.targets().forEach((b, d) -> given.put(b, d.stripTrailingZeros().toPlainString()));
        model.addAttribute("given", given);
        return "delays/month";
    }

    /** Each body as the page names it, in the order of its tables and boxes. */
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("total", "All delays");
        BODIES.put("nhs", "NHS");
        BODIES.put("social_care", "Social care");
        BODIES.put("both", "Both");
    }

    /** An organisation's month as the page prints it. */
    public record Row(String organisation, BigDecimal nhs, BigDecimal socialCare, BigDecimal both, BigDecimal total, BigDecimal attributable,
                      BigDecimal pctNhs, BigDecimal pctSocialCare, BigDecimal pctBoth, BigDecimal pctAttributable) {
    }

    /** A body's delayed days against its target, and both as people delayed per day per 100,000 adults. */
    public record Compared(String body, BigDecimal days, BigDecimal target, BigDecimal difference, BigDecimal rate, BigDecimal targetRate) {
    }

    private static Row row(DelayedDays d) {
        return new Row(d.organisation(), d.nhs(), d.socialCare(), d.both(), d.total(), d.attributableToSocialCare(), d.share(d.nhs()), d.share(d.socialCare()),
                d.share(d.both()), d.share(d.attributableToSocialCare()));
    }

    /** The weekly monitoring: each organisation's delayed days in the latest weeks and its direction week on week. */
    @GetMapping("/delays/weeks")
    String weeks(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Model model) {
        List<LocalDate> ends = delays.weekEnds();
        LocalDate t = delays.lastWeek(to != null ? to : LocalDate.MAX).orElse(to != null ? to : LocalDate.now());
        List<Delays.Weeks> weeks = delays.weeks(t, 6);
        model.addAttribute("to", t);
        Map<LocalDate, String> endNames = new LinkedHashMap<>();
        ends.forEach(x -> endNames.put(x, fmt.date(x)));
        model.addAttribute("ends", endNames);
        model.addAttribute("officer", user.has(Role.PERFORMANCE));
        model.addAttribute("columns", weeks.isEmpty() ? List.of() : weeks.get(0).ends());
        model.addAttribute("weeks", weeks.stream().map(w -> new WeekRow(w.organisation().id(), w.organisation().name(), w.days().stream()
                .map(d -> d == null ? null : d.total()).toList(), w.days().stream().map(d -> d == null ? null : d.attributableToSocialCare()).toList(),
                w.direction())).toList());
        return "delays/weeks";
    }

    /** An organisation's weeks: twelve of them, with its chart. */
    @GetMapping("/delays/organisations/{id:[0-9]{1,18}}")
    String organisation(@PathVariable long id, @RequestParam(required = false)
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Organisation o = delays.organisation(id).orElseThrow(() -> new NotFoundException("There is no organisation " + id));
        LocalDate t = delays.lastWeek(to != null ? to : LocalDate.MAX).orElse(to != null ? to : LocalDate.now());
        Delays.Weeks w = delays.weeks(t, 12).stream().filter(x -> x.organisation().id() == id).findFirst()
                .orElse(new Delays.Weeks(o, List.of(), List.of()));
        model.addAttribute("name", o.name());
        model.addAttribute("to", t);
        List<Row> rows = new ArrayList<>();
        List<Integer> directions = new ArrayList<>();
        for (int i = 0; i < w.ends().size(); i++) {
            DelayedDays d = w.days().get(i), before = i == 0 ? null : w.days().get(i - 1);
            rows.add(d == null ? null : row(d));
            directions.add(d == null || before == null ? null : -Integer.signum(d.total().compareTo(before.total())));
        }
        model.addAttribute("ends", w.ends());
        model.addAttribute("rows", rows);
        model.addAttribute("directions", directions);
        model.addAttribute("chart", w.ends().isEmpty() ? null : new LineChart(o.name() + ": delayed days a week", "Delayed days each week to "
                + DisplayFormat.dateWords(t) + ", in all and attributable to social care; the figures are in the table.", w.ends().stream()
                .map(DisplayFormat::dateWords).toList()).id("weeks-chart").axis("Delayed days")
                .series(new LineChart.Series("All delays", w.days().stream().map(d -> d == null ? null : d.total()).toList(), "#1d70b8", null))
                .series(new LineChart.Series("Attributable to social care", w.days().stream().map(d -> d == null ? null : d.attributableToSocialCare()).toList(),
                        "#d4351c", "6 4")).svg());
        return "delays/organisation";
    }

    /** An organisation's latest weeks as the weekly page prints them. */
    public record WeekRow(long id, String organisation, List<BigDecimal> totals, List<BigDecimal> socialCare, Integer direction) {
    }

    @GetMapping("/delays/upload")
    String uploadForm(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("fed", delays.fedIndicators());
        return "delays/upload";
    }

    @PostMapping("/delays/upload")
    String upload(@Valid @ModelAttribute("upload") UploadForm form, BindingResult binding, RedirectAttributes redirect) {
        Delays.Loaded loaded = FormErrors.saved(binding, redirect, () -> {
            try {
                return delays.load(form.content(), form.replace, user.name());
            } catch (InputException e) {
                // A mistake in the file is the file's, named by its row and column; only a refusal to replace figures is the tick's.
                throw e.row() == null && "replace".equals(e.field()) ? e : new InputException("file", e.row() == null ? e.problem() : e.getMessage());
            }
        });
        if (loaded == null) {
            return "redirect:/delays/upload";
        }
        redirect.addFlashAttribute("notice", "Loaded " + loaded.rows() + (loaded.rows() == 1 ? " row" : " rows") + " of delayed days for "
                + loaded.periods().size() + (loaded.periods().size() == 1 ? " period" : " periods") + ", each given whole"
                + (loaded.organisationsMade().isEmpty() ? "." : "; organisations added: " + String.join("; ", loaded.organisationsMade()) + "."));
        return loaded.weeksOnly() ? "redirect:/delays/weeks?to=" + loaded.periods().stream().map(DelayedDays.Period::weekEnding).max(LocalDate::compareTo).orElseThrow()
                : "redirect:/delays?month=" + loaded.periods().stream().filter(p -> !p.week()).map(DelayedDays.Period::month).max(YearMonth::compareTo).orElseThrow();
    }

    @PostMapping("/delays/population")
    String population(@Valid @ModelAttribute("population") PopulationForm form, BindingResult binding, RedirectAttributes redirect) {
        Integer year = FormErrors.saved(binding, redirect, () -> {
            try {
                delays.savePopulation(form.year, form.adults, form.source, form.replace, user.name());
            } catch (InputException e) {
                // The feeds' form on the same page has a 'replace' box of its own.
                throw "replace".equals(e.field()) ? new InputException("replace-population", e.problem()) : e;
            }
            return form.year;
        });
        if (year != null) {
            redirect.addFlashAttribute("notice", "Adult population for " + year + " saved.");
        }
        return back(form.month, "#population");
    }

    @PostMapping("/delays/targets")
    String targets(@Valid @ModelAttribute("targets") TargetsForm form, BindingResult binding, RedirectAttributes redirect) {
        YearMonth saved = FormErrors.saved(binding, redirect, () -> {
            delays.saveTargets(form.month, form.days(), user.name());
            return form.month;
        });
        if (saved != null) {
            redirect.addFlashAttribute("notice", "Targets for " + DisplayFormat.monthName(saved) + " saved.");
        }
        return back(form.month, "#targets");
    }

    @PostMapping("/delays/feeds")
    String feeds(@Valid @ModelAttribute("feeds") FeedsForm form, BindingResult binding, RedirectAttributes redirect) {
        Boolean saved = FormErrors.saved(binding, redirect, () -> {
            delays.saveFeeds(form.chosen(), form.replace, user.name());
            return true;
        });
        if (saved != null) {
            redirect.addFlashAttribute("notice", "The indicators fed are saved, and their figures written for every month there is.");
        }
        return back(form.month, "#feeds");
    }

    /** Back to the month's page the form was on, at the form; to the latest month's when the form did not say which. */
    private static String back(YearMonth month, String form) {
        return "redirect:/delays" + (month == null ? "" : "?month=" + month) + form;
    }
}
