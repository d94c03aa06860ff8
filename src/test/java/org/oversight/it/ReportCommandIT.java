package org.oversight.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.Commands;

/**
 * {@code oversight report} and {@code oversight audit --period} on an installation's data folder:
 * each kind of paper as a draft, its checks, publishing only with a reason for its findings, and the
 * papers the demo publishes on first start. The first draft is written by the packaged jar as its own
 * process (the fonts and templates a paper needs are found inside it, and standard output carries only
 * the result); the rest run through the same entry point in this JVM, without a cold start each.
 */
class ReportCommandIT {

    private static final String ASCH = "Adult Social Care and Health";
    @TempDir static Path dir;
    static Path data;

    @BeforeAll
    static void installationWithTheDemo() throws Exception {
        data = dir.resolve("data");
        Commands.serveOnce("--oversight.data=" + data);
    }

    @Test
    void theDashboardPaperIsWrittenCheckedAndPublishedFromTheCommandLine() throws Exception {
        Path draft = dir.resolve("draft.pdf");
        String wrote = Launch.run("report", "dashboard", "--period", "2019-01", "--scope", ASCH, "--out", draft.toString(), "--data", data.toString());
        assertThat(wrote).isEqualTo("Wrote " + draft + ": " + ASCH + " performance dashboard, January 2019, a draft.");
        try (PDDocument pdf = Loader.loadPDF(draft.toFile())) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Draft: " + ASCH + " performance dashboard, January 2019");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(20);
        }

        String audit = Commands.run("audit", "--period", "2019-01", "--scope", ASCH, "--data", data.toString());
        assertThat(audit).startsWith("{").contains("\"RATING_CONTRADICTS_FIGURES\" : 2", "\"COMMENTARY_TARGET\" : 2");
        Commands.Result again = Commands.attempt("report", "dashboard", "--period", "2019-01", "--scope", ASCH, "--out", draft.toString(),
                "--publish", "--accept", "Again", "--data", data.toString());
        assertThat(again.err()).as("the demo published the committee's dashboard on first start").contains("nothing has changed since version 1");

        Path published = dir.resolve("published.html");
        Commands.Result refused = Commands.attempt("report", "dashboard", "--period", "2019-01", "--format", "html",
                "--out", published.toString(), "--publish", "--data", data.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("the checks found 4 things");
        assertThat(published).doesNotExist();
        String done = Commands.run("report", "dashboard", "--period", "2019-01", "--format", "html", "--out", published.toString(),
                "--publish", "--accept", "The paper's own ratings, kept as history", "--data", data.toString());
        assertThat(done).contains("published version 1", "SHA-256 of the HTML");
        assertThat(Files.readString(published)).contains("Published:", "Council performance dashboard, January 2019");
    }

    @Test
    void theQprExceptionAndRiskReportsAreWrittenAndCheckedFromTheCommandLine() throws Exception {
        Path qpr = dir.resolve("qpr.html");
        assertThat(Commands.run("report", "qpr", "--period", "2018-12", "--format", "html", "--out", qpr.toString(), "--data", data.toString()))
                .isEqualTo("Wrote " + qpr + ": Quarterly Performance Report, Quarter 3 2018-19 (October to December 2018), a draft.");
        assertThat(Files.readString(qpr)).contains("Executive summary", "Activity indicators against their expected range");
        assertThat(Commands.run("audit", "--kind", "qpr", "--period", "2018-12", "--data", data.toString())).contains("\"RATING_CONTRADICTS_FIGURES\" : 1");

        Path risks = dir.resolve("risks.pdf");
        Commands.Result again = Commands.attempt("report", "risks", "--period", "2017-12", "--scope", "CORPORATE", "--out", risks.toString(),
                "--publish", "--accept", "Again", "--data", data.toString());
        assertThat(again.err()).as("the demo published the December 2017 corporate register on first start").contains("nothing has changed since version 1");
        assertThat(Commands.run("report", "risks", "--period", "2017-12", "--scope", "CORPORATE", "--out", risks.toString(), "--data", data.toString()))
                .isEqualTo("Wrote " + risks + ": Corporate Risk Register, risk register report, December 2017, a draft.");
        Commands.Result noRegister = Commands.attempt("report", "risks", "--period", "2017-12", "--out", risks.toString(), "--data", data.toString());
        assertThat(noRegister.err()).contains("name the register: the registers are", "CORPORATE");
        Commands.Result unknown = Commands.attempt("report", "minutes", "--period", "2017-12", "--out", risks.toString(), "--data", data.toString());
        assertThat(unknown.err()).contains("the kinds are dashboard, qpr, exceptions, risks, budget");
        Path budget = dir.resolve("budget.pdf");
        assertThat(Commands.run("report", "budget", "--period", "2017-09", "--out", budget.toString(), "--data", data.toString()))
                .isEqualTo("Wrote " + budget + ": Revenue and capital budget monitoring, September 2017, a draft.");
        assertThat(Files.size(budget)).isPositive();
    }
}
