package org.oversight.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.oversight.shared.DateInput;
import org.oversight.shared.Text;

/** An action added to a risk: what, who, what is planned, by when. */
class ActionForm {

    @NotBlank(message = "Describe the action")
    @Size(max = Text.LONG, message = "The action must be 10,000 characters or fewer")
    public String actionTitle;
    @Size(max = Text.NAME, message = "The owner's name must be 200 characters or fewer")
    public String actionOwner;
    @Pattern(regexp = "ACCEPTED|PROPOSED", message = "Choose whether the action is accepted or proposed")
    public String actionType;
    @Size(max = Text.LONG, message = "What is planned must be 10,000 characters or fewer")
    public String planned;
    public DateInput due;
}
