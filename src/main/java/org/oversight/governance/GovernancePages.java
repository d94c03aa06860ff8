package org.oversight.governance;

import java.util.HashMap;
import java.util.Map;

import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every governance page with a form shares: the form sent back with its error and what was typed. */
final class GovernancePages {

    private GovernancePages() {
    }

    /** Back to the form with its error and what was typed (a huge box kept to its first 20,000 characters). */
    static String failed(RedirectAttributes redirect, InputException e, Map<String, String> typed, String back) {
        FormErrors errors = new FormErrors();
        errors.add(e);
        redirect.addFlashAttribute("errors", errors);
        Map<String, String> kept = new HashMap<>();
        typed.forEach((k, v) -> kept.put(k, v == null || v.length() <= 20_000 ? v : v.substring(0, 20_000)));
        redirect.addFlashAttribute("typed", kept);
        return "redirect:" + back;
    }

    /** No errors and nothing typed, unless a refused form was sent back. */
    static void defaults(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
    }

    /** What was typed in a box, as much of it as is shown back. */
    static String s(String text) {
        return text == null ? "" : text.length() > 5_000 ? text.substring(0, 5_000) : text;
    }

    /** Each box as typed, as much of it as is shown back. */
    static Map<String, String> trimmed(Map<String, String> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((k, v) -> typed.put(k, s(v)));
        return typed;
    }
}
