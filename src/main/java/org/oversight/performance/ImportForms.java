package org.oversight.performance;

import java.time.YearMonth;
import java.util.Base64;

import jakarta.validation.constraints.NotNull;
import org.oversight.shared.InputException;
import org.springframework.web.multipart.MultipartFile;

/** The four forms of loading figures from a file: a scorecard or a figures file sent to be checked, then confirmed. */
final class ImportForms {

    private ImportForms() {
    }

    /** A scorecard to preview: the month its figures are for, and the file. */
    static class Scorecard {
        @NotNull(message = "Month: enter the month the figures are for, such as January 2019")
        public YearMonth month;
        /** None when the form did not come as an upload. */
        public MultipartFile file;
    }

    /** A previewed scorecard confirmed: the very bytes previewed, and the state every row was previewed against. */
    static class ConfirmedScorecard {
        @NotNull(message = "Month: enter the month the figures are for, such as January 2019")
        public YearMonth month;
        @NotNull(message = "Upload the scorecard again: the confirmation did not carry it")
        public String content;
        public String fileName;
        @NotNull(message = "Upload the scorecard again: the confirmation did not say what the preview showed")
        public String seen;

        byte[] bytes() {
            try {
                return Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new InputException("content", "the confirmed file was damaged in transit: upload it again");
            }
        }
    }

    /** A figures file to check. */
    static class FiguresFile {
        /** None when the form did not come as an upload. */
        public MultipartFile file;
    }

    /** A checked figures file confirmed, with the counts its check showed. */
    static class ConfirmedFigures {
        @NotNull(message = "Check the file again: the confirmation did not say what the check showed")
        public String counts;
    }
}
