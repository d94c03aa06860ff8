package org.oversight.structure;

import java.time.LocalDate;

/**
 * A unit has a new name from {@code effective}: each module that keeps the name renames what it holds under it, in the
 * same transaction, so no page ever shows the old and the new name as two parts of the council. What was published
 * before keeps the name it was published under.
 */
public record UnitRenamed(Unit.Kind kind, String before, String after, LocalDate effective) {
}
