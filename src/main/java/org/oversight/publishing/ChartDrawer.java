package org.oversight.publishing;

import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.List;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.w3c.dom.Element;

/**
 * Batik's SVG drawer, each chart set up when its page is painted and let go straight after. Batik's
 * own image keeps its whole drawing (about a megabyte a chart) until the last page is printed, so a
 * paper of a few hundred charts exhausted the server's memory; drawn this way a chart costs memory
 * only while it is being drawn.
 */
final class ChartDrawer implements SVGDrawer {

    private final BatikSVGDrawer batik = new BatikSVGDrawer();

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double width, double height, double dotsPerPixel) {
        SVGImage sized = batik.buildSVGImage(svg, box, css, width, height, dotsPerPixel);
        int intrinsicWidth = sized.getIntrinsicWidth();
        int intrinsicHeight = sized.getIntrinsicHeight();
        return new SVGImage() {
            @Override
            public int getIntrinsicWidth() {
                return intrinsicWidth;
            }

            @Override
            public int getIntrinsicHeight() {
                return intrinsicHeight;
            }

            @Override
            public void drawSVG(OutputDevice device, RenderingContext c, double x, double y) {
                batik.buildSVGImage(svg, box, css, width, height, dotsPerPixel).drawSVG(device, c, x, y);
            }
        };
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> rules, SharedContext context) {
        batik.importFontFaceRules(rules, context);
    }

    @Override
    public void withUserAgent(UserAgentCallback agent) {
        batik.withUserAgent(agent);
    }

    @Override
    public void addFontFile(File file, String family, Integer weight, BaseRendererBuilder.FontStyle style) throws IOException, FontFormatException {
        batik.addFontFile(file, family, weight, style);
    }

    @Override
    public void close() throws IOException {
        batik.close();
    }
}
