package org.oversight.governance;

import static org.oversight.governance.GovernancePages.failed;
import static org.oversight.governance.GovernancePages.s;

import java.time.LocalDate;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.oversight.shared.InputException;
import org.oversight.structure.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
        model.addAttribute("kinds", Committee.Kind.values());
        model.addAttribute("directorates", units.directorates());
        model.addAttribute("terms", terms.terms());
        GovernancePages.defaults(model);
        return "governance/committees";
    }

    @PostMapping("/committees")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) Committee.Kind kind,
                  @RequestParam(required = false) String terms, @RequestParam(required = false) String unit, RedirectAttributes redirect) {
        try {
            Committee c = committees.create(name, kind, terms, unit);
            redirect.addFlashAttribute("notice", "Created " + c.name() + ".");
            return "redirect:/committees/" + c.code();
        } catch (InputException e) {
            return failed(redirect, e, Map.of("name", s(name), "terms", s(terms)), "/committees#new-committee");
        }
    }

    @GetMapping("/committees/{code}")
    String committee(@PathVariable String code, Model model) {
        Committee c = committees.get(code);
        model.addAttribute("committee", c);
        model.addAttribute("members", memberships.members(c, LocalDate.now(CalendarFeed.COUNCIL)));
        model.addAttribute("former", memberships.former(c, LocalDate.now(CalendarFeed.COUNCIL)));
        model.addAttribute("meetings", meetings.meetings(c));
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("roles", Committee.Role.values());
        model.addAttribute("directorates", units.directorates());
        model.addAttribute("statuses", Committee.Status.values());
        GovernancePages.defaults(model);
        return "governance/committee";
    }

    @PostMapping("/committees/{code}/unit")
    String oversees(@PathVariable String code, @RequestParam(required = false) String unit, RedirectAttributes redirect) {
        try {
            Committee c = committees.oversees(code, unit);
            redirect.addFlashAttribute("notice", c.unit() == null ? c.name() + " oversees no directorate." : c.name() + " oversees " + c.unit() + ".");
        } catch (InputException e) {
            return failed(redirect, e, Map.of("unit", s(unit)), "/committees/" + code + "#oversees");
        }
        return "redirect:/committees/" + code;
    }
}
