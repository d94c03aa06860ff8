package org.oversight.structure;

import java.time.LocalDate;

/**
 * A part of the council: a directorate, a division under it, a service or a team. Every module names it by
 * {@link #name()}; {@link #shortName()} (ASCH) is how papers and addresses abbreviate it.
 */
public record Unit(long id, String authority, Kind kind, Long parentId, String name, String shortName,
                   String cabinetMember, String corporateDirector, LocalDate openedOn, LocalDate closedOn, int version) {

    public enum Kind {
        DIRECTORATE, DIVISION, SERVICE, TEAM;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean openOn(LocalDate day) {
        return (openedOn == null || !day.isBefore(openedOn)) && (closedOn == null || !day.isAfter(closedOn));
    }

    /** The short name when it has one: the part of an address (/directorates/ASCH) and a paper's tight column. */
    public String shortOrName() {
        return shortName == null ? name : shortName;
    }
}
