package org.oversight.platform;

import jakarta.validation.Valid;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    String create(@Valid @ModelAttribute("token") TokenForm form, BindingResult binding, RedirectAttributes redirect) {
        String token = FormErrors.saved(binding, redirect, () -> tokens.create(user.account().id(), form.name));
        if (token != null) {
            redirect.addFlashAttribute("newToken", token);
            redirect.addFlashAttribute("notice", "Token '" + form.name.strip() + "' made. Copy it now: it is not shown again.");
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.account().id(), id);
        redirect.addFlashAttribute("notice", "The token was revoked: scripts using it are refused from now on.");
        return "redirect:/account";
    }
}
