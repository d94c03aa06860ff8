package org.oversight.governance;

import static org.oversight.governance.GovernancePages.choices;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
        model.addAttribute("makers", choices(List.of(Decision.Maker.values()), Decision.Maker::name, Decision.Maker::words));
        model.addAttribute("next", decisions.next(LocalDate.now(CalendarFeed.COUNCIL).getYear()));
        return "governance/decisions";
    }

    @PostMapping("/decisions")
    String create(@Valid @ModelAttribute("plan") DecisionForms.Plan form, BindingResult binding, RedirectAttributes redirect) {
        Decision d = FormErrors.saved(binding, redirect, () -> decisions.plan(form.number, form.title, form.maker, form.makerName, form.spending(),
                form.saving(), form.severalDivisions, form.plannedFor(), LocalDate.now(CalendarFeed.COUNCIL)));
        if (d == null) {
            return "redirect:/decisions#new-decision";
        }
        String warning = d.key() && d.planned() != null && Decision.clearDays(d.onForwardPlan(), d.planned()) < Decision.NOTICE
                ? " It is planned for " + DisplayFormat.dateWords(d.planned()) + ", fewer than " + Decision.NOTICE
                + " clear days away: it can be taken then only if its urgency is recorded." : "";
        redirect.addFlashAttribute("notice", "Decision " + d.number() + " is on the forward plan" + (d.key() ? " as a key decision." : ".") + warning);
        return "redirect:/decisions/" + d.number();
    }

    @GetMapping(NUMBER)
    String decision(@PathVariable String yy, @PathVariable String serial, Model model) {
        Decision d = decisions.get(yy + "/" + serial);
        model.addAttribute("d", d);
        model.addAttribute("committee", d.committeeId() == null ? null : committees.all().stream().filter(c -> c.id() == d.committeeId()).findFirst().orElse(null));
        model.addAttribute("committees", choices(committees.all(), Committee::code, Committee::name));
        model.addAttribute("reports", reports.reportsOn(d.number()));
        // The public never learns of an exempt item, even as the one that took a decision.
        model.addAttribute("takenAt", decisions.takenAt(d).filter(t -> !t.exempt() || user.has(Role.CLERK)).orElse(null));
        model.addAttribute("items", choices(user.has(Role.CLERK) ? decisions.choices(d) : List.<Decisions.ItemChoice>of(), Decisions.ItemChoice::id,
                c -> DisplayFormat.dateWords(c.meetingStarts().toLocalDate()) + ", item " + c.number() + ": " + c.title()));
        model.addAttribute("outcomes", decisions.outcomes(d.id()));
        model.addAttribute("staff", user.seesDrafts());
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("clearDays", d.onForwardPlan() == null || d.takenOn() == null ? null : Decision.clearDays(d.onForwardPlan(), d.takenOn()));
        return "governance/decision";
    }

    @PostMapping(NUMBER + "/committee")
    String toCommittee(@PathVariable String yy, @PathVariable String serial, @Valid @ModelAttribute("toCommittee") DecisionForms.ToCommittee form,
                       BindingResult binding, RedirectAttributes redirect) {
        return step(yy, serial, binding, redirect, () -> decisions.toCommittee(yy + "/" + serial, form.committee == null ? "" : form.committee, form.version));
    }

    @PostMapping(NUMBER + "/item")
    String takenAt(@PathVariable String yy, @PathVariable String serial, @Valid @ModelAttribute("takenAt") DecisionForms.TakenAt form,
                   BindingResult binding, RedirectAttributes redirect) {
        return step(yy, serial, binding, redirect, () -> decisions.takenAt(yy + "/" + serial, form.item, form.version));
    }

    @PostMapping(NUMBER + "/forward-plan")
    String onForwardPlan(@PathVariable String yy, @PathVariable String serial, @Valid @ModelAttribute("forwardPlan") DecisionForms.ForwardPlan form,
                         BindingResult binding, RedirectAttributes redirect) {
        return step(yy, serial, binding, redirect, () -> decisions.onForwardPlan(yy + "/" + serial, form.day(), form.version,
                LocalDate.now(CalendarFeed.COUNCIL)));
    }

    @PostMapping(NUMBER + "/taken")
    String take(@PathVariable String yy, @PathVariable String serial, @Valid @ModelAttribute("taken") DecisionForms.Taken form, BindingResult binding,
                RedirectAttributes redirect) {
        return step(yy, serial, binding, redirect, () -> decisions.take(yy + "/" + serial, form.day(), form.urgency, form.version,
                LocalDate.now(CalendarFeed.COUNCIL)));
    }

    @PostMapping(NUMBER + "/record")
    String record(@PathVariable String yy, @PathVariable String serial, @Valid @ModelAttribute("record") DecisionForms.Record form, BindingResult binding,
                  RedirectAttributes redirect) {
        return step(yy, serial, binding, redirect, () -> decisions.publishRecord(yy + "/" + serial, form.record(), form.version,
                LocalDate.now(CalendarFeed.COUNCIL)));
    }

    @PostMapping(NUMBER + "/implemented")
    String implemented(@PathVariable String yy, @PathVariable String serial, @Valid @ModelAttribute("step") DecisionForms.Step form, BindingResult binding,
                       RedirectAttributes redirect) {
        return step(yy, serial, binding, redirect, () -> decisions.implemented(yy + "/" + serial, form.version));
    }

    /** A step taken, or refused at its box (a decision changed meanwhile, at its status) and sent back to the steps with what was typed. */
    private static String step(String yy, String serial, BindingResult binding, RedirectAttributes redirect, Supplier<Decision> change) {
        Decision d = FormErrors.saved(binding, redirect, GovernancePages.conflictAt("status", change));
        if (d == null) {
            return "redirect:/decisions/" + yy + "/" + serial + "#steps";
        }
        redirect.addFlashAttribute("notice", "Decision " + d.number() + ": " + d.status().words().toLowerCase(Locale.UK) + ".");
        return "redirect:/decisions/" + yy + "/" + serial;
    }
}
