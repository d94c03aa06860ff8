package org.oversight.governance;

import static org.oversight.governance.GovernancePages.failed;
import static org.oversight.governance.GovernancePages.s;

import java.util.Map;

import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clerk's forms for the council's terms of office, on the committees page. */
@Controller
class TermsController {

    private final TermsOfOffice terms;

    TermsController(TermsOfOffice terms) {
        this.terms = terms;
    }

    @PostMapping("/committees/terms")
    String addTerm(@RequestParam(required = false) String termName, @RequestParam(required = false) String termStart,
                   @RequestParam(required = false) String termEnd, RedirectAttributes redirect) {
        try {
            Committee.Term t = terms.addTerm(termName, Written.date("termStart", termStart), Written.date("termEnd", termEnd));
            redirect.addFlashAttribute("notice", "Term of office " + t.name() + " added.");
            return "redirect:/committees#terms-of-office";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("termName", s(termName), "termStart", s(termStart), "termEnd", s(termEnd)), "/committees#new-term");
        }
    }

    @PostMapping("/committees/terms/{id:[0-9]{1,18}}/end")
    String endLegislativeTerm(@PathVariable long id, @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            terms.endLegislativeTerm(id, Written.date("termEnd-" + id, end));
            redirect.addFlashAttribute("notice", "The term of office has ended.");
            return "redirect:/committees#terms-of-office";
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/committees#terms-of-office");
        }
    }

    @PostMapping("/committees/terms/{id:[0-9]{1,18}}/deletion")
    String deleteTerm(@PathVariable long id, RedirectAttributes redirect) {
        terms.deleteTerm(id);
        redirect.addFlashAttribute("notice", "Term of office removed.");
        return "redirect:/committees#terms-of-office";
    }
}
