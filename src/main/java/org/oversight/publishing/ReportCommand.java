package org.oversight.publishing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.oversight.shared.InputException;
import org.springframework.context.ApplicationContext;

/**
 * {@code oversight report dashboard|qpr|exceptions|risks --period YYYY-MM [--scope NAME] [--format pdf|html] --out FILE
 * [--publish --accept WHY]} and {@code oversight audit --period YYYY-MM [--scope NAME] [--kind KIND]}: the paper
 * or its checks from the stored data, in the app started for the command.
 */
public final class ReportCommand {

    private ReportCommand() {
    }

    /** Writes the paper (a draft, or with {@code publish} the version it publishes) and says what it wrote. */
    public static String report(ApplicationContext app, String kind, YearMonth month, String scope, String format, Path out,
                                boolean publish, String why) {
        if (!Papers.KINDS.contains(kind)) {
            throw new InputException("kind", "'" + kind + "' is not a paper Oversight makes: the kinds are " + String.join(", ", Papers.KINDS));
        }
        if (!format.equals("pdf") && !format.equals("html")) {
            throw new InputException("format", "'" + format + "' is not a format: use pdf or html");
        }
        Papers papers = app.getBean(Papers.class);
        byte[] content;
        String what;
        String title;
        if (publish) {
            PaperRepository.Version v = papers.publish(kind, month, scope, "command line", why != null, why, null);
            content = format.equals("pdf") ? papers.pdf(v) : papers.html(v).getBytes(StandardCharsets.UTF_8);
            title = v.title();
            what = "published version " + v.version() + " (SHA-256 of the " + format.toUpperCase() + ": "
                    + (format.equals("pdf") ? v.pdfSha256() : v.htmlSha256()) + ")";
        } else {
            Papers.Draft draft = papers.draft(kind, month, scope);
            Publication.Document d = draft.document();
            String html = d.html().html(null, null, draft.findings().stream().map(Papers::words).toList());
            content = format.equals("pdf") ? PdfDocument.print(html) : html.getBytes(StandardCharsets.UTF_8);
            title = d.title();
            what = "a draft";
        }
        write(out, content);
        return "Wrote " + out + ": " + title + ", " + what + ".";
    }

    /**
     * Written whole or not at all: into a new file beside {@code out}, then moved over it, so a link
     * at {@code out} is replaced, not followed, and a reader never sees half a paper.
     */
    private static void write(Path out, byte[] content) {
        Path dir = out.toAbsolutePath().getParent();
        Path part = null;
        try {
            part = Files.createTempFile(dir, ".oversight-", ".part");
            Files.write(part, content);
            Files.move(part, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (part != null) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException ignored) {
                // The part file is named for what it is; the message below says what went wrong.
            }
            throw new InputException("out", "cannot write " + out + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The checks on the stored data, as {@code audit FILE.csv} prints them for a file: the dashboard's, or with {@code kind} another paper's. */
    public static String audit(ApplicationContext app, String kind, YearMonth month, String scope) {
        return ScorecardAudit.json(app.getBean(Papers.class).findings(kind, month, scope));
    }
}
