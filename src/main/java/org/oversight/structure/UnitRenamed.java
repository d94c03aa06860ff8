package org.oversight.structure;

import java.time.LocalDate;

/**
 * A unit has a new name from {@code effective}: each module that keeps the name renames what it holds under it, as a
 * reaction once the rename is committed (kept in the event publication registry until done, so a crash does not lose it).
 * What was published before keeps the name it was published under.
 */
public record UnitRenamed(Unit.Kind kind, String before, String after, LocalDate effective) {
}
