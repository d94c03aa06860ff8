package org.oversight.platform;

import org.oversight.structure.Unit;
import org.oversight.structure.Units;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.shared.CellText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.validation.annotation.Validated;
import org.oversight.shared.SeparatedValues;
import org.oversight.shared.Text;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.oversight.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing in, one's own password, the administrators' user pages, and the audit trail. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final CurrentUser user;
    private final ObjectProvider<ClientRegistrationRepository> sso;
    private final ApiTokens tokens;
    private final Units units;
    private final ConversionService conversion;

    AccountController(Accounts accounts, AuditTrail audit, CurrentUser user,
                      ObjectProvider<ClientRegistrationRepository> sso, ApiTokens tokens, Units units, ConversionService conversion) {
        this.conversion = conversion;
        this.tokens = tokens;
        this.units = units;
        this.accounts = accounts;
        this.audit = audit;
        this.user = user;
        this.sso = sso;
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
        model.addAttribute("errors", new FormErrors());
        return "platform/account";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, Model model, RedirectAttributes redirect) {
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
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.account().id(), id);
        redirect.addFlashAttribute("notice", "The token was revoked: scripts using it are refused from now on.");
        return "redirect:/account";
    }

    @GetMapping("/account/password")
    String passwordForm(@RequestParam(required = false) String first, Model model) {
        model.addAttribute("first", first != null);
        model.addAttribute("errors", new FormErrors());
        return "platform/password";
    }

    @PostMapping("/account/password")
    String changePassword(@ModelAttribute("password") PasswordForm form, HttpSession session, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        if (!accounts.isPassword(user.name(), form.current)) {
            errors.add("current", "Your current password is not right: enter the one you signed in with");
        }
        checkPassword(Objects.requireNonNullElse(form.password, ""), errors);
        if (!Objects.equals(form.password, form.confirm)) {
            errors.add("confirm", "The new password and its confirmation do not match: type the same password in both");
        }
        if (!errors.any()) {
            try {
                accounts.changePassword(user.name(), form.current, form.password);
                // This session made the change and carries on; every other session of the account ends.
                session.setAttribute(SessionAccounts.SIGNED_IN_AT, OffsetDateTime.now());
                redirect.addFlashAttribute("notice", "Your password has been changed. Any other session you had open has been signed out.");
                return "redirect:/";
            } catch (InputException e) {
                errors.add(e);
            }
        }
        model.addAttribute("first", form.first);
        model.addAttribute("errors", errors);
        return "platform/password";
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
        checkPassword(form.password, errors);
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
        checkPassword(form.password, errors);
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

    /** The password rules, checked with the rest of the form so that every mistake shows at once. */
    private static void checkPassword(String password, FormErrors errors) {
        if (Text.orNull(password) != null) {
            try {
                PasswordPolicy.check(password);
            } catch (InputException e) {
                errors.add(e);
            }
        }
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

    /** Entries on a page of the audit trail. */
    static final int AUDIT_PAGE = 100;

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String record, @RequestParam(defaultValue = "1") int page, Model model) {
        // The dates as typed: one that cannot be read is shown at its box, with the search kept, not on a page of its own.
        FormErrors errors = new FormErrors();
        LocalDate fromDate = date("from", "From", from, errors), toDate = date("to", "To", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add("to", "To: the end of the search must be on or after its start, " + DisplayFormat.shortDate(fromDate));
        }
        int shown = Math.max(1, Math.min(page, 100_000 / AUDIT_PAGE));
        List<AuditTrail.Entry> entries = !errors.any()
                ? audit.search(actor, fromDate, toDate, type, record, AUDIT_PAGE + 1, (shown - 1) * AUDIT_PAGE, user.has(Role.ADMIN)) : List.of();
        model.addAttribute("errors", errors);
        model.addAttribute("entries", entries.subList(0, Math.min(AUDIT_PAGE, entries.size())));
        model.addAttribute("page", shown);
        model.addAttribute("more", entries.size() > AUDIT_PAGE);
        model.addAttribute("q", new HashMap<>(Map.of("actor", s(actor), "from", fromDate == null ? "" : fromDate.toString(),
                "to", toDate == null ? "" : toDate.toString(), "type", s(type), "record", s(record),
                "fromShown", fromDate == null ? s(from) : typed(fromDate), "toShown", toDate == null ? s(to) : typed(toDate))));
        return "platform/audit";
    }

    /** A filter's date read as every date box reads it; null when blank, or when it cannot be read (the error then added). */
    private LocalDate date(String field, String label, String text, FormErrors errors) {
        try {
            return conversion.convert(text, LocalDate.class);
        } catch (ConversionFailedException e) {
            errors.add(field, label + ": " + e.getCause().getMessage());
            return null;
        }
    }

    /** A date as the filter's hint writes it: 1 4 2019. */
    private static String typed(LocalDate d) {
        return d == null ? "" : d.getDayOfMonth() + " " + d.getMonthValue() + " " + d.getYear();
    }

    /** The same search as a CSV file, every match (up to 100,000), for the council's own records and auditors. */
    @GetMapping("/audit/export.csv")
    ResponseEntity<byte[]> auditCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String record) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("at", "actor", "action", "record_type", "record_id", "summary", "before", "after");
            for (AuditTrail.Entry e : audit.search(actor, from, to, type, record, 100_000, 0, user.has(Role.ADMIN))) {
                csv.printRecord(e.at(), CellText.neutralise(e.actor()), e.action(), e.recordType(), CellText.neutralise(e.recordId()), CellText.neutralise(e.summary()),
                        CellText.neutralise(e.before()), CellText.neutralise(e.after()));
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    /** The same for programs: users (administrators) and the audit trail. */
    @RestController
    static class Api {
        private final Accounts accounts;
        private final AuditTrail audit;

        private final CurrentUser user;

        Api(Accounts accounts, AuditTrail audit, CurrentUser user) {
            this.user = user;
            this.accounts = accounts;
            this.audit = audit;
        }

        record NewUser(String username, String displayName, String password, Set<Role> roles, Set<String> divisions, Set<String> indicatorRefs) {
        }

        @GetMapping("/api/users")
        List<Account> users() {
            return accounts.all();
        }

        @PostMapping("/api/users")
        ResponseEntity<Account> create(@RequestBody NewUser u) {
            long id = accounts.create(u.username(), u.displayName(), u.password(), u.roles() == null ? Set.of() : u.roles(),
                    u.divisions() == null ? Set.of() : u.divisions(), u.indicatorRefs() == null ? Set.of() : u.indicatorRefs());
            return ResponseEntity.status(HttpStatus.CREATED).body(accounts.get(id));
        }

        @GetMapping("/api/audit")
        @ResponseBody
        List<AuditTrail.Entry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String type,
                                     @RequestParam(required = false) String record, @RequestParam(defaultValue = "200") int limit) {
            return audit.search(actor, from, to, type, record, Math.min(limit, 1000), 0, user.has(Role.ADMIN));
        }
    }
}
