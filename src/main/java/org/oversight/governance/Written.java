package org.oversight.governance;

import org.oversight.shared.InputException;
import org.oversight.shared.Text;

/** What clerks write in the governance forms, read by one rule each wherever it is written. */
final class Written {

    private Written() {
    }

    /**
     * A name or title: given ({@code missing} names what is wanted when it is not), on one line, at most {@code max} characters;
     * stripped. Refused at the box {@code field}.
     */
    static String line(String field, String text, String missing, int max) {
        String t = Text.orNull(text);
        if (t == null) {
            throw new InputException(field, missing);
        }
        if (t.length() > max || t.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InputException(field, "Write it on one line, in " + max + " characters or fewer");
        }
        return t;
    }
}
