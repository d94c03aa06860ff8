package org.oversight.finance;

import java.time.YearMonth;

import jakarta.validation.constraints.NotNull;
import org.springframework.web.multipart.MultipartFile;

/**
 * The forms of the budget pages, each box a field named as the page names it. Amounts are typed in £000s and read by the service
 * that saves them, so that a figure that cannot be read is refused with the unit it is in.
 */
final class BudgetForms {

    private static final String NO_MONTH = "Choose the month the forecast is for";

    private BudgetForms() {
    }

    /** A heading's forecast for the month (a line's variance, or an adjustment at any level) against the version read: -1 when there was none. */
    static class Forecast {
        @NotNull(message = NO_MONTH)
        public YearMonth month;
        public String varianceGross;
        public String varianceIncome;
        public String varianceNet;
        public String adjustment;
        public String managementAction;
        public String comment;
        public int version = -1;
    }

    /** Whether a directorate is reported outside the headline total. */
    static class Headline {
        @NotNull(message = NO_MONTH)
        public YearMonth month;
        public boolean outside;
    }

    /** A portfolio's narrative for the month, in its four parts, against the version read: -1 when there was none. */
    static class Narrative {
        @NotNull(message = NO_MONTH)
        public YearMonth month;
        public String reasons;
        public String actions;
        public String mtfp;
        public String rollForwards;
        public int version = -1;
    }

    /** A capital scheme's month: spend to date, the real and rephasing variances, whether it is delayed (yes, no, or blank: not known), and why. */
    static class CapitalForecast {
        @NotNull(message = NO_MONTH)
        public YearMonth month;
        public String spendToDate;
        public String real;
        public String rephasing;
        public String delayed;
        public String comment;
        public int version = -1;
    }

    /** A month's monitoring file, the unit its amounts are in, and whether it sets the year's budget book (a changed cash limit with its reason). */
    static class Upload {
        public YearMonth month;
        public BudgetImport.Unit unit;
        public MultipartFile file;
        public boolean setsBook;
        public String reason;
    }
}
