package org.oversight.governance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the governance pages' forms share. A page has no errors until a form is refused; then {@link FormErrors#saved}
 * flashes them, with what was typed, for the page the redirect goes back to, and they are kept.
 */
@ControllerAdvice(basePackageClasses = GovernancePages.class)
class GovernancePages {

    @ModelAttribute("errors")
    FormErrors errors() {
        return new FormErrors();
    }

    /** A button's change, which has no boxes: its result, or null with its refusal flashed as the page's errors. */
    static <T> T pressed(RedirectAttributes redirect, Supplier<T> change) {
        FormErrors errors = new FormErrors();
        T result = errors.attempt(change);
        if (errors.any()) {
            redirect.addFlashAttribute("errors", errors);
        }
        return result;
    }

    /**
     * The change, refused at the box {@code box} when someone else changed the record first: the page shows it at the form
     * that sent it, where the clerk reads the record again.
     */
    static <T> Supplier<T> conflictAt(String box, Supplier<T> change) {
        return () -> {
            try {
                return change.get();
            } catch (ConflictException e) {
                throw new InputException(box, e.getMessage());
            }
        };
    }

    /** A select's choices, in order: each one's value as the form sends it, and its text. */
    static <T> Map<String, String> choices(Collection<T> all, Function<T, ?> value, Function<T, String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach(x -> out.put(String.valueOf(value.apply(x)), text.apply(x)));
        return out;
    }
}
