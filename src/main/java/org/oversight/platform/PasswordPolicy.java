package org.oversight.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;

/**
 * NCSC guidance: length, not complexity rules, and none of the passwords most often found in
 * breaches. BCrypt reads at most 72 bytes, so longer ones are refused rather than cut short.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = common();

    private PasswordPolicy() {
    }

    static void check(String password) {
        if (password == null || password.strip().length() < MIN_LENGTH) {
            throw new InputException("password", "a password has at least " + MIN_LENGTH + " characters, not counting spaces at either end");
        }
        if (tooLong(password)) {
            throw new InputException("password", "a password has at most " + MAX_BYTES + " bytes (72 letters and digits; fewer with accented letters or symbols)");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new InputException("password", "that password is one of the most common, and easily guessed: choose another, such as three random words");
        }
    }

    /** A form's new password against the rules, checked with the rest of the form so that every mistake shows at once; blank is the form's to allow or not. */
    static void check(String password, FormErrors errors) {
        if (Text.orNull(password) != null) {
            try {
                check(password);
            } catch (InputException e) {
                errors.add(e);
            }
        }
    }

    /** Longer than BCrypt reads: never compared, so a long guess costs nothing to refuse. */
    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> common() {
        try (var in = PasswordPolicy.class.getResourceAsStream("/platform/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the list of common passwords is missing from the build", e);
        }
    }
}
