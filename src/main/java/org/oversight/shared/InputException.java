package org.oversight.shared;

/**
 * Bad input from a user or a file. Carries where it was found (row, column or form field) so
 * every message can name it; nothing is stored when one is thrown.
 */
public class InputException extends RuntimeException {

    private final Integer row;
    private final String field;
    private final String problem;

    public InputException(Integer row, String field, String problem) {
        super(describe(row, field, problem));
        this.row = row;
        this.field = field;
        this.problem = problem;
    }

    public InputException(String field, String problem) {
        this(null, field, problem);
    }

    private static String describe(Integer row, String field, String problem) {
        if (row != null && field != null) {
            return "Row " + row + ", column " + field + ": " + problem;
        }
        if (row != null) {
            return "Row " + row + ": " + problem;
        }
        return field == null ? problem : field + ": " + problem;
    }

    /** The 1-based line of the file (the header is row 1), or null. */
    public Integer row() {
        return row;
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }

    /** The column or form field, or null. */
    public String field() {
        return field;
    }
}
