package org.oversight.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A paper's HTML (well-formed XHTML, as the paper templates are written) printed to PDF: A4 from
 * its own print stylesheet, charts kept as vector graphics, text in an embedded font, and tagged
 * (PDF/UA: structure tree, language and title from the document) so a screen reader can read it.
 */
public final class PdfDocument {

    private static final String FONT = "DejaVu Sans";

    static {
        // The printer's own chatter (fonts loaded, selectors matched) is not the app's log: its warnings are, through SLF4J.
        XRLog.setLoggerImpl(new XRLogger() {
            @Override
            public void log(String where, Level level, String message) {
                log(where, level, message, null);
            }

            @Override
            public void log(String where, Level level, String message, Throwable th) {
                Logger log = LoggerFactory.getLogger(where);
                // The printer reads no media query; the paper's phone rules are for the screen alone, so skipping them is right.
                if (message != null && message.contains("Skipping @media rule")) {
                    log.debug(message);
                } else if (level.intValue() >= Level.SEVERE.intValue()) {
                    log.error(message, th);
                } else if (level.intValue() >= Level.WARNING.intValue()) {
                    log.warn(message, th);
                } else {
                    log.debug(message, th);
                }
            }

            @Override
            public void setLevel(String where, Level level) {
            }

            @Override
            public boolean isLogLevelEnabled(Diagnostic diagnostic) {
                return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
            }
        });
    }

    private PdfDocument() {
    }

    /** Printing takes a core for about a second: no more at once than there are cores; others wait their turn, a while. */
    private static final Semaphore PRINTERS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /** The last drafts printed, by the SHA-256 of their HTML: the same draft asked for again is not printed again. */
    private static final Map<String, byte[]> PRINTED = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 16;
        }
    });

    /** A draft's PDF: the one printed last time when the draft has not changed since. */
    static byte[] draft(String xhtml) {
        String key = DigestUtils.sha256Hex(xhtml);
        byte[] pdf = PRINTED.get(key);
        if (pdf == null) {
            pdf = print(xhtml);
            PRINTED.put(key, pdf);
        }
        return pdf;
    }

    /** The XHTML printed, waiting its turn among the printers (a 503 after 30 seconds). */
    public static byte[] print(String xhtml) {
        try {
            if (!PRINTERS.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many papers are being printed at once: try again in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Printing was interrupted");
        }
        try {
            return render(printable(xhtml));
        } finally {
            PRINTERS.release();
        }
    }

    /**
     * XML 1.0 cannot hold most control characters, and text pasted from a word processor brings them
     * (its line break is a vertical tab): they become line breaks or go, so one cannot stop a paper.
     */
    static String printable(String xhtml) {
        return xhtml.replaceAll("[\\x0B\\x0C\\x85\\u2028\\u2029]", "\n").replaceAll("[\\x00-\\x08\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]", "");
    }

    private static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder pdf = new PdfRendererBuilder();
            pdf.useFastMode();
            pdf.usePdfUaAccessbility(true);
            pdf.useSVGDrawer(new ChartDrawer());
            pdf.useFont(() -> PdfDocument.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            pdf.useFont(() -> PdfDocument.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            pdf.withHtmlContent(xhtml, "/");
            pdf.toStream(out);
            pdf.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
