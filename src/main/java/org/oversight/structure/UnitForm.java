package org.oversight.structure;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.oversight.shared.DateInput;
import org.oversight.shared.Text;

/** A unit as the form (or the API) gives it: new, or changed from a date. */
public class UnitForm {

    @NotNull(message = "Choose whether it is a directorate, a division, a service or a team")
    public Unit.Kind kind;
    @NotBlank(message = "Enter the unit's name")
    @Size(max = Text.NAME, message = "The name must be 200 characters or fewer")
    public String name;
    @Pattern(regexp = "\\s*([A-Za-z0-9& -]{1,20})?\\s*", message = "A short name is up to 20 letters, digits, spaces, & or -, such as ASCH")
    public String shortName;
    /** The unit it sits under, by its name, chosen from the structure; none for a directorate. */
    public String parent;
    @Size(max = Text.NAME, message = "The Cabinet Member must be 200 characters or fewer")
    public String cabinetMember;
    @Size(max = Text.NAME, message = "The Corporate Director must be 200 characters or fewer")
    public String corporateDirector;
    /** The other names it was written under, one a line. */
    @Size(max = 4000, message = "The other names must be 4,000 characters or fewer")
    public String aliases;
    /** For a new unit, the day it opened; for a change, the day the change takes effect. */
    public DateInput effective;
    /** The day it closed, when it has. */
    public DateInput closed;
    public int version;

    static UnitForm of(Unit u, List<String> aliases) {
        UnitForm f = new UnitForm();
        f.kind = u.kind();
        f.name = u.name();
        f.shortName = u.shortName();
        f.cabinetMember = u.cabinetMember();
        f.corporateDirector = u.corporateDirector();
        f.aliases = String.join("\n", aliases);
        f.closed = DateInput.of(u.closedOn());
        f.version = u.version();
        return f;
    }
}
