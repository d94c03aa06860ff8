package org.oversight.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bad input from a user or a file. Carries where it was found (row, column or form field) so
 * every message can name it; nothing is stored when one is thrown. A form's mistakes are
 * refused all at once ({@link #refuse}): the first speaks for them, {@link #each} lists them.
 */
public class InputException extends RuntimeException {

    private final Integer row;
    private final String field;
    private final String problem;
    private final List<InputException> each;

    public InputException(Integer row, String field, String problem) {
        super(describe(row, field, problem));
        this.row = row;
        this.field = field;
        this.problem = problem;
        this.each = null;
    }

    public InputException(String field, String problem) {
        this(null, field, problem);
    }

    private InputException(List<InputException> each) {
        super(String.join("; ", each.stream().map(Throwable::getMessage).toList()));
        this.row = each.get(0).row;
        this.field = each.get(0).field;
        this.problem = each.get(0).problem;
        this.each = List.copyOf(each);
    }

    /**
     * Refuses every mistake of a form at once, in the order of its boxes ({@code boxes}: the fields as the form has them; any other
     * last), one a box, the first found for it; nothing when there is none.
     */
    public static void refuse(List<InputException> mistakes, List<String> boxes) {
        List<InputException> ordered = new ArrayList<>(mistakes);
        ordered.sort(Comparator.comparingInt(e -> boxes.contains(e.field) ? boxes.indexOf(e.field) : boxes.size()));
        Set<String> seen = new HashSet<>();
        ordered.removeIf(e -> e.field != null && !seen.add(e.field));
        if (ordered.size() == 1) {
            throw ordered.get(0);
        }
        if (!ordered.isEmpty()) {
            throw new InputException(ordered);
        }
    }

    /** The box's value as read, or null with its mistake added to {@code mistakes}, so that the form's other boxes are checked too. */
    public static <T> T read(List<InputException> mistakes, Supplier<T> box) {
        try {
            return box.get();
        } catch (InputException e) {
            mistakes.addAll(e.each());
            return null;
        }
    }

    /** Every mistake this refuses: itself alone, or each of a form's. */
    public List<InputException> each() {
        return each == null ? List.of(this) : each;
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
