package org.oversight.governance;

import static org.oversight.governance.GovernancePages.choices;

import java.util.List;

import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
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

/** A meeting's agenda items: each item's page with its report, and the clerk's forms that add, move and withdraw items and write their reports. */
@Controller
class AgendaController {

    private final Committees committees;
    private final Meetings meetings;
    private final Agendas agendas;
    private final Reports reports;
    private final Decisions decisions;
    private final MeetingRepository store;
    private final ExemptReaders readers;
    private final CurrentUser user;

    AgendaController(Committees committees, Meetings meetings, Agendas agendas, Reports reports, Decisions decisions, MeetingRepository store,
                     ExemptReaders readers, CurrentUser user) {
        this.committees = committees;
        this.meetings = meetings;
        this.agendas = agendas;
        this.reports = reports;
        this.decisions = decisions;
        this.store = store;
        this.readers = readers;
        this.user = user;
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items")
    String addItem(@PathVariable long id, @Valid @ModelAttribute("item") MeetingForms.Item form, BindingResult binding, RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            agendas.addItem(id, form.section, form.title, form.description, form.exempt, form.kind(), form.scope());
            return id;
        }) == null) {
            return "redirect:/meetings/" + id + "#add-item";
        }
        redirect.addFlashAttribute("notice", "Added to the agenda.");
        return "redirect:/meetings/" + id + "#agenda";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/move")
    String move(@PathVariable long id, @PathVariable int number, @Valid @ModelAttribute("move") MeetingForms.Move form, BindingResult binding,
                RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            agendas.move(id, number, form.item, form.up());
            return id;
        }) != null) {
            redirect.addFlashAttribute("notice", "Item " + number + " moved " + form.direction + ".");
        }
        return "redirect:/meetings/" + id + "#agenda";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        if (GovernancePages.pressed(redirect, () -> {
            agendas.withdraw(id, number);
            return id;
        }) != null) {
            redirect.addFlashAttribute("notice", "Item " + number + " is withdrawn from the agenda.");
        }
        return "redirect:/meetings/" + id + "#agenda";
    }

    @GetMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}")
    String item(@PathVariable long id, @PathVariable int number, Model model) {
        Committee.Meeting m = meetings.meeting(id);
        Committee.Item i = agendas.item(m, number, readers.exempt(m));
        model.addAttribute("meeting", m);
        model.addAttribute("committee", committees.committeeOf(m));
        model.addAttribute("item", i);
        // A report goes out with the agenda pack: until the pack is published it is a draft, for those who may read the draft pack.
        Committee.Report written = reports.report(i).orElse(null);
        boolean out = readers.drafts(m) || !store.packs(id).isEmpty();
        Committee.Report report = out ? written : null;
        model.addAttribute("report", report);
        model.addAttribute("reportToCome", written != null && !out);
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("approvedOn", reports.approvedOn(m).orElse(null));
        model.addAttribute("verbs", choices(List.of(Committee.Verb.values()), Committee.Verb::name, Committee.Verb::name));
        model.addAttribute("decided", decisions.atItem(i.id()));
        model.addAttribute("decisions", choices(user.has(Role.CLERK) ? decisions.all() : List.<Decision>of(), Decision::number,
                d -> d.number() + " – " + d.title()));
        return "governance/item";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/report")
    String saveReport(@PathVariable long id, @PathVariable int number, @Valid @ModelAttribute("report") MeetingForms.Report form, BindingResult binding,
                      RedirectAttributes redirect) {
        Committee.Item i = agendas.item(meetings.meeting(id), number, true);
        if (FormErrors.saved(binding, redirect, GovernancePages.conflictAt("report", () -> {
            reports.saveReport(i, form.of(i), form.version);
            return i;
        })) == null) {
            return "redirect:/meetings/" + id + "/items/" + number + "#report";
        }
        redirect.addFlashAttribute("notice", "Report saved.");
        return "redirect:/meetings/" + id + "/items/" + number;
    }
}
