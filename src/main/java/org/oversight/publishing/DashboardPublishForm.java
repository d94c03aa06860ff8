package org.oversight.publishing;

import java.time.YearMonth;

import jakarta.validation.constraints.NotNull;

/** The dashboard's publish form: as a paper's, for the month it names (and the directorate, or none for the whole council). */
class DashboardPublishForm extends PublishForm {

    @NotNull(message = "Say which month's dashboard to publish")
    public YearMonth month;
}
