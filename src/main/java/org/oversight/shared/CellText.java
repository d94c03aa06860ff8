package org.oversight.shared;

/**
 * Text cells in exported CSV and XLSX files: one starting with = + - @ (or a tab or carriage
 * return) would run as a formula in a spreadsheet, so it is written with a leading apostrophe,
 * and the apostrophe is taken off again when the file is read back.
 */
public final class CellText {

    private CellText() {
    }

    public static String neutralise(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    public static String restore(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0
                ? text.substring(1) : text;
    }
}
