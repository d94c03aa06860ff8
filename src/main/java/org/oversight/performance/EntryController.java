package org.oversight.performance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import java.math.BigDecimal;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.oversight.shared.Typed;
import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A month's figures for a division's indicators, entered on one page and saved together. */
@Controller
class EntryController {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final TargetRepository targets;
    private final Dashboards dashboards;
    private final Figures figures;
    private final CurrentUser user;

    EntryController(IndicatorRepository indicators, ObservationRepository observations, TargetRepository targets,
                    Dashboards dashboards, Figures figures, CurrentUser user) {
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.dashboards = dashboards;
        this.figures = figures;
        this.user = user;
    }

    /** One row of the entry form: what is stored now and, after a failed save, what was typed. */
    record Row(Indicator indicator, Dashboards.MonthRating current, Typed typed) {
        public Object typed(String field) {
            return typed.get("figures[" + indicator.id() + "]." + field);
        }
    }

    @GetMapping("/entry")
    String form(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String division, Model model) {
        return render(dashboards.orLatest(month), division, Typed.NOTHING, new FormErrors(), model);
    }

    @PostMapping("/entry")
    String save(@Valid @ModelAttribute("entry") EntryForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        YearMonth m = dashboards.orLatest(form.month);
        Map<Long, Indicator> due = new LinkedHashMap<>();
        due(m, form.division).forEach(i -> due.put(i.id(), i));
        // A figure sent for an indicator the user does not look after is refused outright, never skipped in silence.
        for (Long id : form.figures.keySet()) {
            Indicator i = due.containsKey(id) ? due.get(id) : indicators.get(id);
            if (!user.mayEnterFigures(i.division(), i.ref())) {
                throw new AccessDeniedException("You may not enter figures for " + i.ref()
                        + ": it is not among the indicators you look after. Nothing was saved.");
            }
        }
        FormErrors errors = FormErrors.of(binding, field -> rowLabel(field, due));
        List<ObservationRepository.Edit> edits = new ArrayList<>();
        for (Indicator i : due.values()) {
            EntryForm.Figure f = form.figures.get(i.id());
            if (f == null || binding.hasFieldErrors("figures[" + i.id() + "]*")) {
                continue;
            }
            String commentary = Text.orNull(f.commentary);
            Observation stored = observations.find(i.id(), m).orElse(null);
            if (unchanged(stored, f.value, f.numerator, f.denominator, commentary, f.provisional)) {
                continue;
            }
            try {
                edits.add(Figures.complete(i, new ObservationRepository.Edit(i.id(), m, f.value, f.numerator, f.denominator, f.provisional,
                        commentary, null, f.version)));
            } catch (InputException e) {
                errors.add(e.field() + "-" + i.id(), i.ref() + ": " + e.problem());
            }
        }
        Integer saved = errors.attempt(() -> {
            try {
                figures.saveAll(edits);
            } catch (ConflictException e) {
                // The page's figures are saved together: one figure changed by someone else leaves them all unsaved, and the message says so.
                throw new ConflictException(e.getMessage() + " None of the figures on this page were saved.");
            }
            return edits.size();
        });
        if (saved == null) {
            return render(m, form.division, new Typed(binding), errors, model);
        }
        redirect.addFlashAttribute("notice", saved == 0 ? "Nothing had changed, so nothing was saved."
                : "Saved " + saved + (saved == 1 ? " figure" : " figures") + " for " + DisplayFormat.monthName(m) + ".");
        return "redirect:/entry?month=" + m + (Text.orNull(form.division) == null ? "" : "&division="
                + URLEncoder.encode(form.division, StandardCharsets.UTF_8));
    }

    /** 'figures[12].numerator' as its row reads: 'A3 numerator'. */
    private static String rowLabel(String field, Map<Long, Indicator> due) {
        Matcher m = ROW_FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        Indicator i = due.get(Long.valueOf(m.group(1)));
        return (i == null ? "Indicator " + m.group(1) : i.ref()) + " " + (m.group(2).equals("value") ? "figure" : m.group(2));
    }

    private static final Pattern ROW_FIELD = Pattern.compile("figures\\[(\\d+)]\\.(\\w+)");

    private static boolean unchanged(Observation o, BigDecimal value, BigDecimal num, BigDecimal den, String commentary, boolean provisional) {
        if (o == null) {
            return value == null && num == null && den == null && commentary == null;
        }
        return same(o.value(), value) && same(o.numerator(), num) && same(o.denominator(), den)
                && Objects.equals(o.commentary(), commentary) && o.provisional() == provisional;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The user's indicators collected for the month: monthly ones always, quarterly at quarter ends, annual in March. */
    /** How many past months the figures-due page looks back over. */
    static final int DUE_MONTHS = 6;

    /** A month's figures are due by this day of the month after. */
    static final int DUE_DAY = 15;

    /** One indicator the user looks after, and the months of the last six it still lacks a figure for. */
    record Missing(Indicator indicator, List<YearMonth> months) {
    }

    /** A data owner's list: what they look after, which figures are missing, and by when each is due. */
    @GetMapping("/entry/due")
    String figuresDue(Model model) {
        YearMonth last = YearMonth.now().minusMonths(1);
        YearMonth first = last.minusMonths(DUE_MONTHS - 1);
        List<Indicator> mine = indicators.findAll(false).stream().filter(i -> user.mayEnterFigures(i.division(), i.ref())).toList();
        Set<String> have = new HashSet<>();
        observations.findBetween(mine.stream().map(Indicator::id).toList(), first, last).stream().filter(o -> o.value() != null)
                .forEach(o -> have.add(o.indicatorId() + " " + o.period()));
        List<Missing> missing = new ArrayList<>();
        for (Indicator i : mine) {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                if (collectedIn(i, m) && !have.contains(i.id() + " " + m)) {
                    months.add(m);
                }
            }
            if (!months.isEmpty()) {
                missing.add(new Missing(i, months));
            }
        }
        model.addAttribute("missing", missing);
        model.addAttribute("looksAfter", mine.size());
        model.addAttribute("first", first);
        model.addAttribute("last", last);
        model.addAttribute("nextDue", last.plusMonths(1).atDay(Math.min(DUE_DAY, last.plusMonths(1).lengthOfMonth())));
        return "performance/figures-due";
    }

    private List<Indicator> due(YearMonth m, String division) {
        return indicators.findAll(false).stream()
                .filter(i -> division == null || division.isBlank() || division.equals(i.division()))
                .filter(i -> user.mayEnterFigures(i.division(), i.ref()))
                .filter(i -> collectedIn(i, m))
                .toList();
    }

    /** Monthly figures every month, quarterly ones at quarter ends, annual ones in March. */
    private static boolean collectedIn(Indicator i, YearMonth m) {
        return switch (i.frequency()) {
            case MONTHLY -> true;
            case QUARTERLY -> m.getMonthValue() % 3 == 0;
            case ANNUAL -> m.getMonth() == Month.MARCH;
        };
    }

    private String render(YearMonth m, String division, Typed typed, FormErrors errors, Model model) {
        List<Indicator> due = due(m, division);
        List<Long> ids = due.stream().map(Indicator::id).toList();
        Map<Long, Targets> t = targets.forIndicators(ids);
        Map<Long, List<Observation>> stored = new HashMap<>();
        observations.findBetween(ids, m, m).forEach(o -> stored.computeIfAbsent(o.indicatorId(), k -> new ArrayList<>()).add(o));
        List<Row> rows = due.stream().map(i -> new Row(i, Dashboards.history(i, t.getOrDefault(i.id(), Targets.NONE),
                stored.getOrDefault(i.id(), List.of()), m, m).get(0), typed)).toList();
        model.addAttribute("month", m);
        model.addAttribute("division", division == null ? "" : division);
        model.addAttribute("divisions", Choices.of(new TreeSet<>(indicators.findAll(false).stream().map(Indicator::division).filter(Objects::nonNull).toList())));
        model.addAttribute("rows", rows);
        // A published month can still be corrected: say so first, and what a change does to what was published.
        model.addAttribute("publishedScopes", dashboards.published().stream().filter(p -> p.month().equals(m))
                .map(p -> p.directorate().isEmpty() ? "the whole council" : p.directorate()).toList());
        model.addAttribute("retyped", typed != Typed.NOTHING);
        model.addAttribute("errors", errors);
        return "performance/entry";
    }
}
