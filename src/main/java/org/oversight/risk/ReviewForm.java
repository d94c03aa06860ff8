package org.oversight.risk;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.oversight.shared.DateInput;
import org.oversight.shared.Text;

/** A review of a risk, from the form or the API: new ratings, a comment, the next review date. */
class ReviewForm {

    @NotNull(message = "Choose the current likelihood")
    public Integer currentLikelihood;
    @NotNull(message = "Choose the current impact")
    public Integer currentImpact;
    public Integer targetLikelihood;
    public Integer targetImpact;
    @Size(max = Text.LONG, message = "The comment must be 10,000 characters or fewer")
    public String comment;
    /** Three months on when not given. */
    public DateInput nextReview;
    /** The risk's circumstances changed so much that its old score is no comparison (** in the papers). */
    public boolean contextChanged;
    public int version;

    ReviewForm() {
    }

    ReviewForm(Integer currentLikelihood, Integer currentImpact, Integer targetLikelihood, Integer targetImpact, String comment,
               LocalDate nextReview, boolean contextChanged, int version) {
        this.currentLikelihood = currentLikelihood;
        this.currentImpact = currentImpact;
        this.targetLikelihood = targetLikelihood;
        this.targetImpact = targetImpact;
        this.comment = comment;
        this.nextReview = DateInput.of(nextReview);
        this.contextChanged = contextChanged;
        this.version = version;
    }
}
