package org.oversight.governance;

import jakarta.validation.Valid;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clerk's forms for a committee's seats, on the committee's page: a member added, a term ended, a seat linked to a sign-in or removed. */
@Controller
class MembershipController {

    private final Memberships memberships;

    MembershipController(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/committees/{code}/members")
    String addMember(@PathVariable String code, @Valid @ModelAttribute("member") CommitteeForms.Member form, BindingResult binding,
                     RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            memberships.addMember(code, form.name, form.party, form.role, form.from(), form.until());
            return code;
        }) == null) {
            return "redirect:/committees/" + code + "#add-member";
        }
        redirect.addFlashAttribute("notice", form.name.strip() + " is now a member.");
        return "redirect:/committees/" + code + "#members";
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/end")
    String endTerm(@PathVariable String code, @PathVariable long membership, @Valid @ModelAttribute("lastDay") CommitteeForms.LastDay form,
                   BindingResult binding, RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            memberships.endTerm(code, membership, form.at("end-" + membership));
            return code;
        }) != null) {
            redirect.addFlashAttribute("notice", "The term has ended.");
        }
        return "redirect:/committees/" + code + "#members";
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/account")
    String linkAccount(@PathVariable String code, @PathVariable long membership, @Valid @ModelAttribute("account") CommitteeForms.Account form,
                       BindingResult binding, RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            memberships.linkAccount(code, membership, form.username);
            return code;
        }) != null) {
            redirect.addFlashAttribute("notice", form.username == null || form.username.isBlank() ? "The sign-in name was unlinked."
                    : "The seat is linked to " + form.username.strip() + ".");
        }
        return "redirect:/committees/" + code + "#members";
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/removal")
    String removeSeat(@PathVariable String code, @PathVariable long membership, RedirectAttributes redirect) {
        if (GovernancePages.pressed(redirect, () -> {
            memberships.removeSeat(code, membership);
            return code;
        }) != null) {
            redirect.addFlashAttribute("notice", "The seat was removed.");
        }
        return "redirect:/committees/" + code + "#members";
    }
}
