package org.oversight.platform;

import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One's own API tokens, made and revoked on one's account page. */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final CurrentUser user;

    ApiTokenController(ApiTokens tokens, CurrentUser user) {
        this.tokens = tokens;
        this.user = user;
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(required = false) String name, Model model, RedirectAttributes redirect) {
        Account a = user.account();
        try {
            String token = tokens.create(a.id(), name);
            redirect.addFlashAttribute("newToken", token);
            redirect.addFlashAttribute("notice", "Token '" + name.strip() + "' made. Copy it now: it is not shown again.");
            return "redirect:/account";
        } catch (InputException e) {
            FormErrors errors = new FormErrors();
            errors.add(e);
            model.addAttribute("account", a);
            model.addAttribute("tokens", tokens.of(a.id()));
            model.addAttribute("errors", errors);
            return "platform/account";
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.account().id(), id);
        redirect.addFlashAttribute("notice", "The token was revoked: scripts using it are refused from now on.");
        return "redirect:/account";
    }
}
