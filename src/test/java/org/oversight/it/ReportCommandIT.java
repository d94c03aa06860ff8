package org.oversight.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oversight report} and {@code oversight audit --period} on an installation's data folder,
 * as the packaged jar runs them: the dashboard paper as a draft, its checks, and publishing it only
 * with a reason for its findings.
 */
class ReportCommandIT {

    private static final String ASCH = "Adult Social Care and Health";
    @TempDir static Path dir;
    static Path data;

    @BeforeAll
    static void installationWithTheDemo() throws Exception {
        data = dir.resolve("data");
        Launch.serveOnce(19800 + (int) (ProcessHandle.current().pid() % 90), "target/report-command-app.log", "--data", data.toString());
    }

    @Test
    void theDashboardPaperIsWrittenCheckedAndPublishedFromTheCommandLine() throws Exception {
        Path draft = dir.resolve("draft.pdf");
        String wrote = Launch.run("report", "dashboard", "--period", "2019-01", "--scope", ASCH, "--out", draft.toString(), "--data", data.toString());
        assertThat(wrote).isEqualTo("Wrote " + draft + ": the 2019-01 dashboard paper for " + ASCH + ", a draft.");
        try (PDDocument pdf = Loader.loadPDF(draft.toFile())) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Draft: " + ASCH + " performance dashboard, January 2019");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(20);
        }

        String audit = Launch.run("audit", "--period", "2019-01", "--scope", ASCH, "--data", data.toString());
        assertThat(audit).startsWith("{").contains("\"RATING_CONTRADICTS_FIGURES\" : 2", "\"COMMENTARY_TARGET\" : 2");

        Path published = dir.resolve("published.html");
        Launch.Result refused = Launch.attempt("512m", "report", "dashboard", "--period", "2019-01", "--scope", ASCH, "--format", "html",
                "--out", published.toString(), "--publish", "--data", data.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("the checks found 4 things");
        assertThat(published).doesNotExist();
        String done = Launch.run("report", "dashboard", "--period", "2019-01", "--scope", ASCH, "--format", "html", "--out", published.toString(),
                "--publish", "--accept", "The paper's own ratings, kept as history", "--data", data.toString());
        assertThat(done).contains("published version 1", "SHA-256 of the HTML");
        assertThat(Files.readString(published)).contains("Published:", ASCH + " performance dashboard, January 2019");
    }
}
