package org.oversight.platform;

import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.oversight.shared.FormErrors;
import org.oversight.shared.SeparatedValues;
import org.oversight.shared.Text;
import org.oversight.structure.Unit;
import org.oversight.structure.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' pages of users: who there is, a new user, and each user's roles, scope and history. */
@Controller
class UsersController {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final Units units;

    UsersController(Accounts accounts, AuditTrail audit, Units units) {
        this.accounts = accounts;
        this.audit = audit;
        this.units = units;
    }

    /** Indicator references separated by commas (or one a line). */
    @InitBinder("form")
    void lists(WebDataBinder binder) {
        binder.registerCustomEditor(Set.class, "indicatorRefs", new SeparatedValues(",;", true));
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all());
        return "platform/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return userPage(null, new UserForm(), new FormErrors(), model);
    }

    @PostMapping("/admin/users/new")
    String createUser(@Validated({Default.class, UserForm.New.class}) @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding);
        PasswordPolicy.check(form.password, errors);
        Long id = errors.attempt(() -> accounts.create(form.username, form.displayName, form.password, form.roles, form.divisions, form.indicatorRefs));
        if (id != null) {
            redirect.addFlashAttribute("notice", "User " + form.username + " added. Give them their temporary password: "
                    + "they choose their own when they first sign in.");
            return "redirect:/admin/users/" + id;
        }
        return userPage(null, form, errors, model);
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        Account a = accounts.get(id);
        return userPage(a, UserForm.of(a), new FormErrors(), model);
    }

    @PostMapping("/admin/users/{id}")
    String updateUser(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding);
        PasswordPolicy.check(form.password, errors);
        if (errors.attempt(() -> {
            accounts.update(id, form.displayName, form.roles, form.divisions, form.indicatorRefs, form.enabled, Text.orNull(form.password),
                    form.version);
            return true;
        }) != null) {
            redirect.addFlashAttribute("notice", "Saved.");
            return "redirect:/admin/users/" + id;
        }
        return userPage(accounts.get(id), form, errors, model);
    }

    /** A user's page (or the new-user form, without {@code u}) showing the form as typed, with its errors. */
    private String userPage(Account u, UserForm form, FormErrors errors, Model model) {
        model.addAttribute("u", u);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        // The structure's divisions, and any this user has that it no longer names: shown ticked, never dropped unseen.
        Set<String> offered = new TreeSet<>(units.of(Unit.Kind.DIVISION).stream().map(Unit::name).toList());
        offered.addAll(form.divisions);
        model.addAttribute("knownDivisions", offered);
        if (u != null) {
            model.addAttribute("history", audit.search(null, null, null, "user", String.valueOf(u.id()), 50));
        }
        return "platform/user";
    }
}
