package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.oversight.shared.Dates;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;

/** The three target forms of an indicator's page: a year's target and floor, a phased target, an activity threshold. */
final class TargetForms {

    private TargetForms() {
    }

    /** A financial year's target, floor (as a value or a percentage of the target) and tolerance. */
    static class Year {
        @NotNull(message = "Enter the financial year, such as 2018-19")
        public FinancialYear year;
        public BigDecimal target;
        public BigDecimal floor;
        public BigDecimal floorPercent;
        public BigDecimal tolerance;
        /** Null when the year had no targets before. */
        public Integer version;

        Targets.Year toYear() {
            return new Targets.Year(year.startYear(), target, floor, floorPercent, tolerance, 0);
        }
    }

    /** A target for one month or one quarter of a year, overriding the year's. */
    static class Phase {
        @NotNull(message = "Enter the financial year, such as 2018-19")
        public FinancialYear phaseYear;
        @NotBlank(message = "Enter a month such as 2018-07, or a quarter Q1 to Q4")
        @Pattern(regexp = "\\s*(?i:q[1-4]|\\d{4}-\\d{1,2})?\\s*", message = "Enter a month such as 2018-07, or a quarter Q1 to Q4")
        public String period;
        public BigDecimal phaseTarget;
        public BigDecimal phaseFloor;

        /** The first and last month the phase covers. */
        List<YearMonth> months() {
            String p = period.strip();
            if (p.matches("(?i)q[1-4]")) {
                return Catalogue.quarterMonths(phaseYear, p.charAt(1) - '0');
            }
            try {
                YearMonth m = Dates.writtenMonth(p).orElseThrow(() -> new IllegalArgumentException(
                        "'" + p + "' is not a month: enter a month such as 2018-07, or a quarter Q1 to Q4"));
                return List.of(m, m);
            } catch (IllegalArgumentException e) {
                throw new InputException("period", e.getMessage());
            }
        }
    }

    /** The expected range of an activity indicator for a quarter. */
    static class Threshold {
        @NotNull(message = "Enter the financial year, such as 2018-19")
        public FinancialYear thresholdYear;
        @NotNull(message = "Choose a quarter, Q1 to Q4")
        public Integer quarter;
        public BigDecimal lower;
        public BigDecimal upper;
    }
}
