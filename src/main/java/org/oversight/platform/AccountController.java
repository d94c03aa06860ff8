package org.oversight.platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.oversight.shared.FormErrors;
import org.oversight.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing in, and one's own account: who one is, one's roles and API tokens, one's password. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final CurrentUser user;
    private final ObjectProvider<ClientRegistrationRepository> sso;
    private final ApiTokens tokens;

    AccountController(Accounts accounts, CurrentUser user, ObjectProvider<ClientRegistrationRepository> sso, ApiTokens tokens) {
        this.accounts = accounts;
        this.user = user;
        this.sso = sso;
        this.tokens = tokens;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("lockMinutes", Lockout.LOCK_MINUTES);
        model.addAttribute("sso", sso.getIfAvailable() instanceof Iterable<?> it ? it : List.of());
        return "platform/login";
    }

    /** The signed-in user's own page: who they are, their roles, and their API tokens. */
    @GetMapping("/account")
    String account(Model model) {
        Account a = user.account();
        if (a == null) {
            throw new NotFoundException("Your account is not known to Oversight.");
        }
        model.addAttribute("account", a);
        model.addAttribute("tokens", tokens.of(a.id()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "platform/account";
    }

    @GetMapping("/account/password")
    String passwordForm(@RequestParam(required = false) String first, Model model) {
        model.addAttribute("first", first != null);
        model.addAttribute("errors", new FormErrors());
        return "platform/password";
    }

    @PostMapping("/account/password")
    String changePassword(@Valid @ModelAttribute("password") PasswordForm form, BindingResult binding, HttpSession session, Model model,
                          RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding);
        if (!accounts.isPassword(user.name(), form.current)) {
            errors.add("current", "Your current password is not right: enter the one you signed in with");
        }
        PasswordPolicy.check(Objects.requireNonNullElse(form.password, ""), errors);
        if (!Objects.equals(form.password, form.confirm)) {
            errors.add("confirm", "The new password and its confirmation do not match: type the same password in both");
        }
        if (errors.attempt(() -> {
            accounts.changePassword(user.name(), form.current, form.password);
            return true;
        }) != null) {
            // This session made the change and carries on; every other session of the account ends.
            session.setAttribute(SessionAccounts.SIGNED_IN_AT, OffsetDateTime.now());
            redirect.addFlashAttribute("notice", "Your password has been changed. Any other session you had open has been signed out.");
            return "redirect:/";
        }
        model.addAttribute("first", form.first);
        model.addAttribute("errors", errors);
        return "platform/password";
    }
}
