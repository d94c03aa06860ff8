package org.oversight.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.oversight.shared.Text;

/** A control that keeps a risk in check, and who runs it. */
class ControlForm {

    @NotBlank(message = "Describe the control")
    @Size(max = Text.LONG, message = "The control must be 10,000 characters or fewer")
    public String controlTitle;
    @Size(max = Text.NAME, message = "The owner's name must be 200 characters or fewer")
    public String controlOwner;
}
