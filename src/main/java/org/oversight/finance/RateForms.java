package org.oversight.finance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.oversight.shared.DateInput;
import org.oversight.shared.FinancialYear;
import org.springframework.web.multipart.MultipartFile;

/** The forms of the rates and charges pages, each box a field named as the page names it. */
final class RateForms {

    private RateForms() {
    }

    /** A year's rates file; {@code version} the schedule's as read when it is loaded again on its page, none for a new year. */
    static class RatesFile {
        @NotNull(message = "Give the financial year, such as 2019-20")
        public FinancialYear year;
        public MultipartFile file;
        public Integer version;
    }

    /** The year's pay award and CPI, as percentages (2.8 or 2.8%), each with where it comes from. */
    static class Uplift {
        public BigDecimal pay;
        public String paySource;
        public BigDecimal cpi;
        public String cpiSource;
        public Integer version;
    }

    /** The decision that approved the schedule, the day it takes effect, and a reason for each rate that needs one. */
    static class Approval {

        private static final String REASON = "reason-";

        public String decision;
        public DateInput effective = new DateInput();
        public Integer version;
        /**
         * Each reason by its rate's id. Its boxes are named reason-{id}, after rates no field can name, so they are read from the
         * request's parameters ({@link #reasons(Map)}); not public, so that what was typed is not kept as one field.
         */
        Map<String, String> reasons = new LinkedHashMap<>();

        /** The reasons sent, by their rates' ids. */
        static Map<String, String> reasons(Map<String, String[]> parameters) {
            Map<String, String> out = new LinkedHashMap<>();
            parameters.forEach((name, values) -> {
                if (name.startsWith(REASON) && values.length > 0) {
                    out.put(name.substring(REASON.length()), values[0]);
                }
            });
            return out;
        }

        /** The reasons as their boxes are named, to be shown again with the form's errors. */
        Map<String, String> typedReasons() {
            Map<String, String> out = new LinkedHashMap<>();
            reasons.forEach((id, text) -> out.put(REASON + id, text));
            return out;
        }
    }
}
