package org.oversight.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.logging.Level;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper's HTML (well-formed XHTML, as the paper templates are written) printed to PDF: A4 from
 * its own print stylesheet, charts kept as vector graphics, text in an embedded font, and tagged
 * (PDF/UA: structure tree, language and title from the document) so a screen reader can read it.
 */
final class PdfDocument {

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
                if (level.intValue() >= Level.SEVERE.intValue()) {
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

    static byte[] print(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder pdf = new PdfRendererBuilder();
            pdf.useFastMode();
            pdf.usePdfUaAccessbility(true);
            pdf.useSVGDrawer(new BatikSVGDrawer());
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
