package org.oversight.finance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.DateInput;
import org.oversight.shared.DecimalCell;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("year", FinancialYear.of(java.time.LocalDate.now()).label()));
        }
        return "finance/rates";
    }

    @PostMapping("/rates/upload")
    String upload(@RequestParam(required = false) String year, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) throws IOException {
        FinancialYear y = null;
        try {
            y = year(year);
            if (file == null || file.isEmpty()) {
                throw new InputException("file", "Choose the schedule's file of rates (CSV)");
            }
            RateScheduleImport.Loaded loaded = imports.load(y, file.getBytes(), version, user.name());
            redirect.addFlashAttribute("notice", "Loaded " + loaded.rates() + (loaded.rates() == 1 ? " rate" : " rates") + " for " + y.label()
                    + (loaded.differing() == 0 ? "." : "; " + loaded.differing() + " proposed " + (loaded.differing() == 1 ? "figure does" : "figures do")
                    + " not follow from " + (loaded.differing() == 1 ? "its" : "their") + " basis."));
            return "redirect:/rates/" + y.label();
        } catch (InputException | ConflictException e) {
            FormErrors errors = new FormErrors();
            if (e instanceof InputException i) {
                errors.add(i.field() == null || i.row() != null ? "file" : i.field(), i.row() == null ? capital(i.problem()) : i.getMessage());
            } else {
                errors.add("file", e.getMessage());
            }
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("typed", Map.of("year", year == null ? "" : year));
            return y != null && version != null ? "redirect:/rates/" + y.label() + "#load" : "redirect:/rates#load";
        }
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
        model.addAttribute("lines", java.util.stream.IntStream.range(0, s.lines().size()).mapToObj(i -> new Printed(s.lines().get(i), proposal.get(i))).toList());
        model.addAttribute("differing", proposal.stream().filter(RatesAndCharges.Proposed::differs).toList());
        model.addAttribute("toExplain", proposal.stream().filter(p -> p.unexplained() != null).toList());
        model.addAttribute("missing", proposal.stream().filter(p -> p.computed() == null).count());
        model.addAttribute("elsewhere", proposal.stream().filter(RatesAndCharges.Proposed::startsElsewhere).count());
        model.addAttribute("officer", user.has(Role.FINANCE_OFFICER));
        model.addAttribute("paper", "/papers/rates/" + y.firstMonth() + "/versions");
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("pay", s.pay() == null ? "" : s.pay().toPlainString());
            typed.put("paySource", s.paySource() == null ? "" : s.paySource());
            typed.put("cpi", s.cpi() == null ? "" : s.cpi().toPlainString());
            typed.put("cpiSource", s.cpiSource() == null ? "" : s.cpiSource());
            model.addAttribute("typed", typed);
        }
        return "finance/rate-schedule";
    }

    /** A rate as the schedule page prints it: as held, and as proposed. */
    public record Printed(RatesAndCharges.Line line, RatesAndCharges.Proposed proposed) {
    }

    @PostMapping("/rates/" + YEAR + "/uplift")
    String uplift(@PathVariable String year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FinancialYear y = year(year);
        try {
            uplift.save(y, percent("pay", form.get("pay")), form.get("paySource"), percent("cpi", form.get("cpi")), form.get("cpiSource"), version(form),
                    user.name());
            redirect.addFlashAttribute("notice", "Pay award and CPI for " + y.label() + " saved; the proposal is worked out again from them.");
        } catch (InputException | ConflictException e) {
            failed(redirect, e, "uplift", form);
        }
        return "redirect:/rates/" + y.label() + "#uplift";
    }

    @PostMapping("/rates/" + YEAR + "/approval")
    String approve(@PathVariable String year, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FinancialYear y = year(year);
        try {
            DateInput effective = new DateInput();
            effective.day = form.get("effective.day");
            effective.month = form.get("effective.month");
            effective.year = form.get("effective.year");
            Map<String, String> reasons = new HashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("reason-")) {
                    reasons.put(k.substring("reason-".length()), v);
                }
            });
            List<InputException> unread = new java.util.ArrayList<>();
            approval.approve(y, form.get("decision"), InputException.read(unread, () -> effective.date("effective")), reasons, version(form), user.name(), unread);
            redirect.addFlashAttribute("notice", "The " + y.label() + " rates and charges are approved. Publish them as the committee's appendix: a new version, if the proposal was published.");
            return "redirect:/rates/" + y.label();
        } catch (InputException | ConflictException e) {
            failed(redirect, e, "approval", form);
            return "redirect:/rates/" + y.label() + "#approval";
        }
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

    private static BigDecimal percent(String field, String text) {
        try {
            return DecimalCell.parse(text == null ? "" : text.replace("%", ""));
        } catch (NumberFormatException e) {
            throw new InputException(field, "Give a percentage, such as 2.8: " + e.getMessage());
        }
    }

    /** The version of the schedule the form was read from: without it a stale form could not be told from a fresh one. */
    private static Integer version(Map<String, String> form) {
        try {
            return Integer.valueOf(form.getOrDefault("version", "").strip());
        } catch (NumberFormatException e) {
            throw new ConflictException("The form did not say which version of the schedule it was read from: nothing was saved. Read the page again.");
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A form refused: its error at its box (a stale or approved schedule at the form as a whole), and what was typed, to show again. */
    private static void failed(RedirectAttributes redirect, RuntimeException e, String formKey, Map<String, String> form) {
        redirect.addFlashAttribute("errors", FormErrors.refused(e, formKey));
        redirect.addFlashAttribute("typed", FormErrors.typed(form));
    }
}
