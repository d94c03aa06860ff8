package org.oversight.governance;

import static org.oversight.governance.GovernancePages.failed;
import static org.oversight.governance.GovernancePages.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    String addItem(@PathVariable long id, @RequestParam(required = false) Committee.Section section, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String description, @RequestParam(defaultValue = "false") boolean exempt,
                   @RequestParam(required = false) String standing, RedirectAttributes redirect) {
        // A standing item is chosen as KIND or KIND|SCOPE.
        String kind = standing == null || standing.isBlank() ? null : standing.split("\\|", 2)[0];
        String scope = standing != null && standing.contains("|") ? standing.split("\\|", 2)[1] : "";
        try {
            agendas.addItem(id, section, title, description, exempt, kind, scope);
            redirect.addFlashAttribute("notice", "Added to the agenda.");
            return "redirect:/meetings/" + id + "#agenda";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("title", s(title), "description", s(description)), "/meetings/" + id + "#add-item");
        }
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/move")
    String move(@PathVariable long id, @PathVariable int number, @RequestParam(required = false) String direction,
                @RequestParam(defaultValue = "0") long item, RedirectAttributes redirect) {
        try {
            if (!"up".equals(direction) && !"down".equals(direction)) {
                throw new InputException("move", "Move an item up or down");
            }
            agendas.move(id, number, item, "up".equals(direction));
            redirect.addFlashAttribute("notice", "Item " + number + " moved " + direction + ".");
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#agenda");
        }
        return "redirect:/meetings/" + id + "#agenda";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        try {
            agendas.withdraw(id, number);
            redirect.addFlashAttribute("notice", "Item " + number + " is withdrawn from the agenda.");
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#agenda");
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
        model.addAttribute("verbs", Committee.Verb.values());
        model.addAttribute("decided", decisions.atItem(i.id()));
        model.addAttribute("decisions", user.has(Role.CLERK) ? decisions.all() : List.of());
        GovernancePages.defaults(model);
        // The form's boxes: what was typed into a form that could not be saved, else the report as saved.
        Map<String, String> values = new HashMap<>();
        values.put("classification", "Unrestricted");
        if (report != null) {
            String[] names = {"from", "to", "decisionNo", "classification", "pastPathway", "futurePathway", "electoralDivision", "summary",
                    "recommendation", "body"};
            String[] saved = {report.from(), report.to(), report.decisionNo(), report.classification(), report.pastPathway(), report.futurePathway(),
                    report.electoralDivision(), report.summary(), report.recommendation(), report.body()};
            for (int n = 0; n < names.length; n++) {
                values.put(names[n], saved[n] == null ? "" : saved[n]);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        values.putAll(typed);
        model.addAttribute("values", values);
        return "governance/item";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/report")
    String saveReport(@PathVariable long id, @PathVariable int number, @RequestParam Map<String, String> form,
                      @RequestParam(required = false) Committee.Verb verb, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Committee.Meeting m = meetings.meeting(id);
        Committee.Item i = agendas.item(m, number, true);
        Function<String, String> f = k -> form.get(k) == null || form.get(k).isBlank() ? null : form.get(k).strip();
        try {
            reports.saveReport(i, new Committee.Report(i.id(), f.apply("from"), f.apply("to"), f.apply("decisionNo"), f.apply("classification"),
                    f.apply("pastPathway"), f.apply("futurePathway"), f.apply("electoralDivision"), f.apply("summary"), verb, f.apply("recommendation"),
                    f.apply("body"), 0), version);
            redirect.addFlashAttribute("notice", "Report saved.");
            return "redirect:/meetings/" + id + "/items/" + number;
        } catch (InputException e) {
            return failed(redirect, e, GovernancePages.trimmed(form), "/meetings/" + id + "/items/" + number + "#report");
        } catch (ConflictException e) {
            FormErrors errors = new FormErrors();
            errors.add("report", e.getMessage());
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/meetings/" + id + "/items/" + number;
        }
    }
}
