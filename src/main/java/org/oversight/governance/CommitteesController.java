package org.oversight.governance;

import static org.oversight.governance.GovernancePages.choices;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.oversight.structure.Unit;
import org.oversight.structure.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The committees on the web: the list and each committee's page for everyone, and the clerk's forms that add a committee and say what it oversees. */
@Controller
class CommitteesController {

    private final Committees committees;
    private final TermsOfOffice terms;
    private final Memberships memberships;
    private final Meetings meetings;
    private final CurrentUser user;
    private final Units units;

    CommitteesController(Committees committees, TermsOfOffice terms, Memberships memberships, Meetings meetings, CurrentUser user, Units units) {
        this.committees = committees;
        this.terms = terms;
        this.memberships = memberships;
        this.meetings = meetings;
        this.user = user;
        this.units = units;
    }

    @GetMapping("/committees")
    String index(Model model) {
        model.addAttribute("committees", committees.all());
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("kinds", choices(List.of(Committee.Kind.values()), Committee.Kind::name, Committee.Kind::words));
        model.addAttribute("directorates", directorates());
        model.addAttribute("terms", terms.terms());
        return "governance/committees";
    }

    @PostMapping("/committees")
    String create(@Valid @ModelAttribute("newCommittee") CommitteeForms.NewCommittee form, BindingResult binding, RedirectAttributes redirect) {
        Committee c = FormErrors.saved(binding, redirect, () -> committees.create(form.name, form.kind, form.terms, form.unit));
        if (c == null) {
            return "redirect:/committees#new-committee";
        }
        redirect.addFlashAttribute("notice", "Created " + c.name() + ".");
        return "redirect:/committees/" + c.code();
    }

    @GetMapping("/committees/{code}")
    String committee(@PathVariable String code, Model model) {
        Committee c = committees.get(code);
        model.addAttribute("committee", c);
        model.addAttribute("members", memberships.members(c, LocalDate.now(CalendarFeed.COUNCIL)));
        model.addAttribute("former", memberships.former(c, LocalDate.now(CalendarFeed.COUNCIL)));
        model.addAttribute("meetings", meetings.meetings(c));
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("roles", choices(List.of(Committee.Role.values()), Committee.Role::name, Committee.Role::words));
        model.addAttribute("directorates", directorates());
        return "governance/committee";
    }

    private Map<String, String> directorates() {
        return choices(units.directorates(), Unit::name, Unit::name);
    }

    @PostMapping("/committees/{code}/unit")
    String oversees(@PathVariable String code, @Valid @ModelAttribute("oversees") CommitteeForms.Oversees form, BindingResult binding,
                    RedirectAttributes redirect) {
        Committee c = FormErrors.saved(binding, redirect, () -> committees.oversees(code, form.unit));
        if (c == null) {
            return "redirect:/committees/" + code + "#oversees";
        }
        redirect.addFlashAttribute("notice", c.unit() == null ? c.name() + " oversees no directorate." : c.name() + " oversees " + c.unit() + ".");
        return "redirect:/committees/" + code;
    }
}
