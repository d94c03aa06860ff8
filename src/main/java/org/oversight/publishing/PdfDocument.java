package org.oversight.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * A paper's HTML (well-formed XHTML, as the paper templates are written) printed to PDF: A4 from
 * its own print stylesheet, charts kept as vector graphics, text in an embedded font, and tagged
 * (PDF/UA: structure tree, language and title from the document) so a screen reader can read it.
 */
final class PdfDocument {

    private static final String FONT = "DejaVu Sans";

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
