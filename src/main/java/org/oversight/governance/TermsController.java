package org.oversight.governance;

import jakarta.validation.Valid;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clerk's forms for the council's terms of office, on the committees page. */
@Controller
class TermsController {

    private final TermsOfOffice terms;

    TermsController(TermsOfOffice terms) {
        this.terms = terms;
    }

    @PostMapping("/committees/terms")
    String addTerm(@Valid @ModelAttribute("term") CommitteeForms.Term form, BindingResult binding, RedirectAttributes redirect) {
        Committee.Term t = FormErrors.saved(binding, redirect, () -> terms.addTerm(form.termName, form.start(), form.end()));
        if (t == null) {
            return "redirect:/committees#new-term";
        }
        redirect.addFlashAttribute("notice", "Term of office " + t.name() + " added.");
        return "redirect:/committees#terms-of-office";
    }

    @PostMapping("/committees/terms/{id:[0-9]{1,18}}/end")
    String endLegislativeTerm(@PathVariable long id, @Valid @ModelAttribute("lastDay") CommitteeForms.LastDay form, BindingResult binding,
                              RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            terms.endLegislativeTerm(id, form.at("termEnd-" + id));
            return id;
        }) != null) {
            redirect.addFlashAttribute("notice", "The term of office has ended.");
        }
        return "redirect:/committees#terms-of-office";
    }

    @PostMapping("/committees/terms/{id:[0-9]{1,18}}/deletion")
    String deleteTerm(@PathVariable long id, RedirectAttributes redirect) {
        terms.deleteTerm(id);
        redirect.addFlashAttribute("notice", "Term of office removed.");
        return "redirect:/committees#terms-of-office";
    }
}
