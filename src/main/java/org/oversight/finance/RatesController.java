package org.oversight.finance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rates and charges on the web: each year's schedule, its proposal, its approval; finance officers load, set and approve. */
@Controller
class RatesController {

    private static final String YEAR = "{year:[0-9]{4}-[0-9]{2}}";

    private final RatesAndCharges rates;
    private final RateScheduleImport imports;
    private final RatesUplift uplift;
    private final RatesApproval approval;
    private final NextYearRates nextYear;
    private final CurrentUser user;

    RatesController(RatesAndCharges rates, RateScheduleImport imports, RatesUplift uplift, RatesApproval approval, NextYearRates nextYear, CurrentUser user) {
        this.rates = rates;
        this.imports = imports;
        this.uplift = uplift;
        this.approval = approval;
        this.nextYear = nextYear;
        this.user = user;
    }

    /** A year's schedule in the list: how many rates, how many proposed figures do not follow their basis, and its decision. */
    public record Summary(String year, int rates, long differing, long missing, String decisionNo, String effectiveFrom) {
    }

    @GetMapping("/rates")
    String list(Model model) {
        model.addAttribute("schedules", rates.schedules().stream().map(s -> {
            List<RatesAndCharges.Proposed> p = rates.proposal(s);
            return new Summary(s.year().label(), p.size(), p.stream().filter(RatesAndCharges.Proposed::differs).count(),
                    p.stream().filter(x -> x.computed() == null).count(), s.decisionNo(),
                    s.effectiveFrom() == null ? null : DisplayFormat.dateWords(s.effectiveFrom()));
        }).toList());
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("thisYear", FinancialYear.of(LocalDate.now()).label());
        return "finance/rates";
    }

    @PostMapping("/rates/upload")
    String upload(@Valid @ModelAttribute("ratesFile") RateForms.RatesFile form, BindingResult binding, RedirectAttributes redirect) {
        FinancialYear y = form.year;
        RateScheduleImport.Loaded loaded = FormErrors.saved(binding, redirect, Refusals.atFile(() -> imports.load(y,
                Uploads.bytes(form.file, "Choose the schedule's file of rates (CSV)"), form.version, user.name())));
        if (loaded == null) {
            return y != null && form.version != null ? "redirect:/rates/" + y.label() + "#load" : "redirect:/rates#load";
        }
        redirect.addFlashAttribute("notice", "Loaded " + loaded.rates() + (loaded.rates() == 1 ? " rate" : " rates") + " for " + y.label()
                + (loaded.differing() == 0 ? "." : "; " + loaded.differing() + " proposed " + (loaded.differing() == 1 ? "figure does" : "figures do")
                + " not follow from " + (loaded.differing() == 1 ? "its" : "their") + " basis."));
        return "redirect:/rates/" + y.label();
    }

    @GetMapping("/rates/" + YEAR)
    String schedule(@PathVariable String year, Model model) {
        FinancialYear y = year(year);
        RatesAndCharges.Schedule s = rates.schedule(y).orElseThrow(() -> new NotFoundException("There is no schedule of rates and charges for " + y.label()));
        List<RatesAndCharges.Proposed> proposal = rates.proposal(s);
        model.addAttribute("year", y.label());
        model.addAttribute("before", y.previous().label());
        model.addAttribute("s", s);
        model.addAttribute("approved", s.approved());
        model.addAttribute("proposal", proposal);
        // The proposal is in the schedule's order, a rate for each line.
        model.addAttribute("lines", IntStream.range(0, s.lines().size()).mapToObj(i -> new Printed(s.lines().get(i), proposal.get(i))).toList());
        model.addAttribute("differing", proposal.stream().filter(RatesAndCharges.Proposed::differs).toList());
        model.addAttribute("toExplain", proposal.stream().filter(p -> p.unexplained() != null).toList());
        model.addAttribute("missing", proposal.stream().filter(p -> p.computed() == null).count());
        model.addAttribute("elsewhere", proposal.stream().filter(RatesAndCharges.Proposed::startsElsewhere).count());
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        model.addAttribute("paper", "/papers/rates/" + y.firstMonth() + "/versions");
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "finance/rate-schedule";
    }

    /** A rate as the schedule page prints it: as held, and as proposed. */
    public record Printed(RatesAndCharges.Line line, RatesAndCharges.Proposed proposed) {
    }

    @PostMapping("/rates/" + YEAR + "/uplift")
    String uplift(@PathVariable String year, @Valid @ModelAttribute("uplift") RateForms.Uplift form, BindingResult binding, RedirectAttributes redirect) {
        FinancialYear y = year(year);
        // The page has three forms: a schedule changed or approved meanwhile is shown at this one.
        if (FormErrors.saved(binding, redirect, Refusals.atForm("uplift", () -> {
            uplift.save(y, form.pay, form.paySource, form.cpi, form.cpiSource, versionRead(form.version), user.name());
            return y;
        })) != null) {
            redirect.addFlashAttribute("notice", "Pay award and CPI for " + y.label() + " saved; the proposal is worked out again from them.");
        }
        return "redirect:/rates/" + y.label() + "#uplift";
    }

    /** The approval's reasons are read from their own boxes, one a rate: no box sets them whole. */
    @InitBinder("approval")
    void approval(WebDataBinder binder) {
        binder.setDisallowedFields("reasons*");
    }

    @PostMapping("/rates/" + YEAR + "/approval")
    String approve(@PathVariable String year, @Valid @ModelAttribute("approval") RateForms.Approval form, BindingResult binding, HttpServletRequest request,
                   RedirectAttributes redirect) {
        FinancialYear y = year(year);
        form.reasons = RateForms.Approval.reasons(request.getParameterMap());
        if (FormErrors.saved(binding, redirect, Refusals.atForm("approval", () -> {
            List<InputException> unread = new ArrayList<>();
            LocalDate effective = InputException.read(unread, () -> form.effective.date("effective"));
            approval.approve(y, form.decision, effective, form.reasons, versionRead(form.version), user.name(), unread);
            return y;
        })) == null) {
            keepTyped(redirect, form.typedReasons());
            return "redirect:/rates/" + y.label() + "#approval";
        }
        redirect.addFlashAttribute("notice", "The " + y.label() + " rates and charges are approved. Publish them as the committee's appendix: a new version, if the proposal was published.");
        return "redirect:/rates/" + y.label();
    }

    /** Boxes the form has no field for, kept with what FormErrors keeps of the rest, to be shown again with the errors. */
    @SuppressWarnings("unchecked")
    private static void keepTyped(RedirectAttributes redirect, Map<String, String> boxes) {
        Map<String, String> typed = new LinkedHashMap<>((Map<String, String>) redirect.getFlashAttributes().get("typed"));
        typed.putAll(boxes);
        redirect.addFlashAttribute("typed", typed);
    }

    @GetMapping("/rates/" + YEAR + "/next-year.csv")
    ResponseEntity<byte[]> nextYear(@PathVariable String year) {
        FinancialYear y = year(year);
        String next = new FinancialYear(y.startYear() + 1).label();
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rates-" + next + "-from-" + y.label() + ".csv").build().toString())
                .body(nextYear.csv(y).getBytes(StandardCharsets.UTF_8));
    }

    private static FinancialYear year(String text) {
        if (text == null || text.isBlank()) {
            throw new InputException("year", "Give the financial year, such as 2019-20");
        }
        try {
            return FinancialYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException("year", e.getMessage());
        }
    }

    /** The version of the schedule the form was read from: without it a stale form could not be told from a fresh one. */
    private static Integer versionRead(Integer version) {
        if (version == null) {
            throw new ConflictException("The form did not say which version of the schedule it was read from: nothing was saved. Read the page again.");
        }
        return version;
    }
}
