package org.oversight.risk;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.oversight.shared.Text;

/** A new risk, from the form or the API; rated on its register's matrix. */
class NewRisk {

    @NotBlank(message = "Enter a risk code")
    @Pattern(regexp = "\\s*([A-Za-z][A-Za-z0-9 ._-]{1,19})?\\s*",
            message = "A risk code is 2 to 20 letters and digits starting with a letter, such as CRR0042")
    public String code;
    @NotBlank(message = "Enter a title")
    @Size(max = Text.NAME, message = "The title must be 200 characters or fewer")
    public String title;
    @Size(max = 20, message = "Choose at most 20 risk types")
    public List<String> types = new ArrayList<>();
    @Size(max = Text.LONG, message = "The cause must be 10,000 characters or fewer")
    public String cause;
    @Size(max = Text.LONG, message = "The event must be 10,000 characters or fewer")
    public String event;
    @Size(max = Text.LONG, message = "The consequence must be 10,000 characters or fewer")
    public String consequence;
    @NotEmpty(message = "Name at least one risk owner")
    @Size(max = 20, message = "Name at most 20 risk owners")
    public List<@Size(max = Text.NAME, message = "An owner's name must be 200 characters or fewer") String> owners = new ArrayList<>();
    @Size(max = 20, message = "Name at most 20 Cabinet Members")
    public List<@Size(max = Text.NAME, message = "A Cabinet Member's name must be 200 characters or fewer") String> cabinetMembers = new ArrayList<>();
    @Size(max = 50, message = "Link at most 50 indicators")
    public List<@Size(max = 30, message = "An indicator reference has at most 30 characters") String> indicatorRefs = new ArrayList<>();
    @NotNull(message = "Choose the current likelihood")
    public Integer currentLikelihood;
    @NotNull(message = "Choose the current impact")
    public Integer currentImpact;
    public Integer targetLikelihood;
    public Integer targetImpact;
    public Integer inherentLikelihood;
    public Integer inherentImpact;
}
