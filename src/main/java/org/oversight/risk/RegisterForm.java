package org.oversight.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.oversight.shared.Text;

/** A new register, from the form or the API: under a parent, except the corporate register. */
class RegisterForm {

    @NotBlank(message = "Enter the register's code")
    @Pattern(regexp = "\\s*([A-Za-z][A-Za-z0-9_-]{1,19})?\\s*",
            message = "A register code is 2 to 20 letters, digits, - or _, starting with a letter")
    public String code;
    @NotBlank(message = "Enter the register's name")
    @Size(max = Text.NAME, message = "The name must be 200 characters or fewer")
    public String name;
    public String parent;
    /** For a directorate's or a division's register: the part of the council it is the register of, chosen from the structure. */
    public String unit;
    @NotNull(message = "Choose corporate, directorate, division or project")
    public Register.Level level;
}
