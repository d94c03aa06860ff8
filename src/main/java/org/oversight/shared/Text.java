package org.oversight.shared;

/** How long the text a user types may be: a name or title, or free text such as commentary. */
public final class Text {

    public static final int NAME = 200;
    public static final int LONG = 10_000;

    private Text() {
    }

    /** A loaded file's text, read as UTF-8; refused, naming the file, when it is not (a spreadsheet saved in another encoding turns £ and é into �). */
    public static String utf8(byte[] file) {
        String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw new InputException("file", "The file is not UTF-8 text (a spreadsheet saved in another encoding turns £ and é into �): save it as CSV UTF-8 and load it again");
        }
        return text;
    }

    /** The text, if it is at most {@code max} characters; else a clear error naming the field. */
    public static String bounded(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InputException(field, "must be " + String.format("%,d", max) + " characters or fewer (it is "
                    + String.format("%,d", text.length()) + ")");
        }
        return text;
    }

    /**
     * The text stripped, or null when it is missing or blank: what a form's empty box means. Text pasted
     * from a word processor brings control characters (its line break is a vertical tab): they become
     * line breaks or go, so what is kept is plain text every page, paper and feed can carry.
     */
    public static String orNull(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replaceAll("[\\x0B\\x0C\\x85\\u2028\\u2029]", "\n").replaceAll("[\\x00-\\x08\\x0E-\\x1F\\x7F]", "");
        // A box holding only a no-break space or an invisible character is as empty as one holding nothing.
        return plain.replaceAll("[\\s\\p{Z}\\p{Cf}]", "").isEmpty() ? null : plain.strip();
    }
}
