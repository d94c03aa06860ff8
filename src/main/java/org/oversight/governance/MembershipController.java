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

/** The clerk's forms for a committee's seats, on the committee's page: a member added, a term ended, a seat linked to a sign-in or removed. */
@Controller
class MembershipController {

    private final Memberships memberships;

    MembershipController(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/committees/{code}/members")
    String addMember(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String party,
                     @RequestParam(required = false) Committee.Role role, @RequestParam(required = false) String start,
                     @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            memberships.addMember(code, name, party, role, Written.date("start", start), Written.date("end", end));
            redirect.addFlashAttribute("notice", name.strip() + " is now a member.");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("name", s(name), "party", s(party), "start", s(start), "end", s(end)), "/committees/" + code + "#add-member");
        }
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/end")
    String endTerm(@PathVariable String code, @PathVariable long membership, @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            memberships.endTerm(code, membership, Written.date("end-" + membership, end));
            redirect.addFlashAttribute("notice", "The term has ended.");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, new InputException("end-" + membership, e.problem()), Map.of(), "/committees/" + code + "#members");
        }
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/account")
    String linkAccount(@PathVariable String code, @PathVariable long membership, @RequestParam(required = false) String username,
                       RedirectAttributes redirect) {
        try {
            memberships.linkAccount(code, membership, username);
            redirect.addFlashAttribute("notice", username == null || username.isBlank() ? "The sign-in name was unlinked." : "The seat is linked to "
                    + username.strip() + ".");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/committees/" + code + "#members");
        }
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/removal")
    String removeSeat(@PathVariable String code, @PathVariable long membership, RedirectAttributes redirect) {
        try {
            memberships.removeSeat(code, membership);
            redirect.addFlashAttribute("notice", "The seat was removed.");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, new InputException("end-" + membership, e.problem()), Map.of(), "/committees/" + code + "#members");
        }
    }
}
