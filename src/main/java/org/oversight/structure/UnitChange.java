package org.oversight.structure;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a unit's history: opened, renamed, moved, its holders changed, closed. */
public record UnitChange(LocalDate effective, String what, String before, String after, String by, Instant at) {
}
