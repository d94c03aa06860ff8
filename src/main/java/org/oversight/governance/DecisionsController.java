package org.oversight.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forward plan of key decisions and each decision's page with its record; the clerk's forms on them. */
@Controller
class DecisionsController {

    private static final String NUMBER = "/decisions/{yy:[0-9]{2}}/{serial:[0-9]{5}}";

    private final Decisions decisions;
    private final Committees committees;
    private final Reports reports;
    private final CurrentUser user;

    DecisionsController(Decisions decisions, Committees committees, Reports reports, CurrentUser user) {
        this.decisions = decisions;
        this.committees = committees;
        this.reports = reports;
        this.user = user;
    }

    @GetMapping("/decisions")
    String plan(Model model) {
        List<Decision> all = decisions.all();
        model.addAttribute("decisions", all);
        // The plan ahead, then what has been taken, as the Forward Plan and the register of decisions are published apart.
        model.addAttribute("groups", Map.of("planned", all.stream().filter(d -> d.status().ordinal() <= Decision.Status.TO_COMMITTEE.ordinal()).toList(),
                "taken", all.stream().filter(d -> d.status().ordinal() > Decision.Status.TO_COMMITTEE.ordinal()).toList()));
        model.addAttribute("threshold", decisions.threshold());
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("makers", Decision.Maker.values());
        model.addAttribute("next", decisions.next(LocalDate.now(CalendarFeed.COUNCIL).getYear()));
        defaults(model);
        return "governance/decisions";
    }

    @PostMapping("/decisions")
    String create(@RequestParam Map<String, String> form, @RequestParam(required = false) Decision.Maker maker,
                  @RequestParam(defaultValue = "false") boolean severalDivisions, RedirectAttributes redirect) {
        try {
            Decision d = decisions.plan(form.get("number"), form.get("title"), maker, form.get("makerName"), money("spend", form.get("spend")),
                    money("savings", form.get("savings")), severalDivisions, date("planned", form.get("planned")), LocalDate.now(CalendarFeed.COUNCIL));
            String warning = d.key() && d.planned() != null && Decision.clearDays(d.onForwardPlan(), d.planned()) < Decision.NOTICE
                    ? " It is planned for " + DisplayFormat.dateWords(d.planned()) + ", fewer than " + Decision.NOTICE
                    + " clear days away: it can be taken then only if its urgency is recorded." : "";
            redirect.addFlashAttribute("notice", "Decision " + d.number() + " is on the forward plan" + (d.key() ? " as a key decision." : ".") + warning);
            return "redirect:/decisions/" + d.number();
        } catch (InputException e) {
            return failed(redirect, e, form, "/decisions#new-decision");
        }
    }

    @GetMapping(NUMBER)
    String decision(@PathVariable String yy, @PathVariable String serial, Model model) {
        Decision d = decisions.get(yy + "/" + serial);
        model.addAttribute("d", d);
        model.addAttribute("committee", d.committeeId() == null ? null : committees.all().stream().filter(c -> c.id() == d.committeeId()).findFirst().orElse(null));
        model.addAttribute("committees", committees.all());
        model.addAttribute("reports", reports.reportsOn(d.number()));
        // The public never learns of an exempt item, even as the one that took a decision.
        model.addAttribute("takenAt", decisions.takenAt(d).filter(t -> !t.exempt() || user.has(Role.CLERK)).orElse(null));
        model.addAttribute("items", user.has(Role.CLERK) ? decisions.choices(d) : List.of());
        model.addAttribute("outcomes", decisions.outcomes(d.id()));
        model.addAttribute("staff", user.seesDrafts());
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("clearDays", d.onForwardPlan() == null || d.takenOn() == null ? null : Decision.clearDays(d.onForwardPlan(), d.takenOn()));
        defaults(model);
        return "governance/decision";
    }

    @PostMapping(NUMBER + "/committee")
    String toCommittee(@PathVariable String yy, @PathVariable String serial, @RequestParam(required = false) String committee,
                       @RequestParam int version, RedirectAttributes redirect) {
        return step(yy, serial, redirect, Map.of(), () -> decisions.toCommittee(yy + "/" + serial, committee == null ? "" : committee, version));
    }

    @PostMapping(NUMBER + "/item")
    String takenAt(@PathVariable String yy, @PathVariable String serial, @RequestParam(required = false) Long item, @RequestParam int version,
                   RedirectAttributes redirect) {
        return step(yy, serial, redirect, Map.of(), () -> decisions.takenAt(yy + "/" + serial, item, version));
    }

    @PostMapping(NUMBER + "/forward-plan")
    String onForwardPlan(@PathVariable String yy, @PathVariable String serial, @RequestParam Map<String, String> form, @RequestParam int version,
                         RedirectAttributes redirect) {
        return step(yy, serial, redirect, form, () -> decisions.onForwardPlan(yy + "/" + serial, date("since", form.get("since")), version,
                LocalDate.now(CalendarFeed.COUNCIL)));
    }

    @PostMapping(NUMBER + "/taken")
    String take(@PathVariable String yy, @PathVariable String serial, @RequestParam Map<String, String> form, @RequestParam int version,
                RedirectAttributes redirect) {
        return step(yy, serial, redirect, form, () -> decisions.take(yy + "/" + serial, date("takenOn", form.get("takenOn")), form.get("urgency"), version,
                LocalDate.now(CalendarFeed.COUNCIL)));
    }

    @PostMapping(NUMBER + "/record")
    String record(@PathVariable String yy, @PathVariable String serial, @RequestParam Map<String, String> form, @RequestParam int version,
                  RedirectAttributes redirect) {
        return step(yy, serial, redirect, form, () -> decisions.publishRecord(yy + "/" + serial, new Decision.Record(form.get("decision"),
                form.get("reasons"), form.get("financial"), form.get("legal"), form.get("equality"), form.get("alternatives"), form.get("interests"),
                form.get("signedBy"), date("signedOn", form.get("signedOn"))), version, LocalDate.now(CalendarFeed.COUNCIL)));
    }

    @PostMapping(NUMBER + "/implemented")
    String implemented(@PathVariable String yy, @PathVariable String serial, @RequestParam int version, RedirectAttributes redirect) {
        return step(yy, serial, redirect, Map.of(), () -> decisions.implemented(yy + "/" + serial, version));
    }

    private String step(String yy, String serial, RedirectAttributes redirect, Map<String, String> form, java.util.function.Supplier<Decision> change) {
        try {
            Decision d = change.get();
            redirect.addFlashAttribute("notice", "Decision " + d.number() + ": " + d.status().words().toLowerCase(java.util.Locale.UK) + ".");
            return "redirect:/decisions/" + yy + "/" + serial;
        } catch (InputException e) {
            return failed(redirect, e, form, "/decisions/" + yy + "/" + serial + "#steps");
        } catch (ConflictException e) {
            FormErrors errors = new FormErrors();
            errors.add("status", e.getMessage());
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/decisions/" + yy + "/" + serial;
        }
    }

    private static LocalDate date(String field, String text) {
        return Written.date(field, text);
    }

    private static BigDecimal money(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DecimalCell.parse(text.replace("£", "").strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(field, "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "' is not a sum of money, such as 1,250,000");
        }
    }

    private static String failed(RedirectAttributes redirect, InputException e, Map<String, String> form, String back) {
        return GovernancePages.failed(redirect, e, form, back);
    }

    private static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
    }
}
