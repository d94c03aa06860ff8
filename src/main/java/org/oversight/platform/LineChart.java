package org.oversight.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A line chart drawn on the server as SVG, so it shows without JavaScript, prints in PDFs, and
 * carries its own text alternative. Missing points break the line rather than being invented.
 */
public final class LineChart {

    /** {@code marks}: a word beside each point (its rating, say), so the chart reads in black and white; may be null. */
    public record Series(String name, List<BigDecimal> values, String colour, String dash, List<String> marks) {
        public Series(String name, List<BigDecimal> values, String colour, String dash) {
            this(name, values, colour, dash, null);
        }
    }

    private static final int W = 720, H = 300, LEFT = 64, RIGHT = 40, TOP = 16, BOTTOM = 56;

    private LineChart() {
    }

    public static String svg(String title, String description, List<String> labels, List<Series> series) {
        return svg(title, description, null, labels, series);
    }

    /** With {@code axis}, the values' unit written up the left edge: 'Percentage (%)', 'Number'. */
    public static String svg(String title, String description, String axis, List<String> labels, List<Series> series) {
        List<BigDecimal> all = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(v -> v != null).forEach(all::add));
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"oversight-chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"Arial, sans-serif\" font-size=\"12\">")
                .append("<title id=\"chart-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"chart-desc\">").append(esc(description)).append("</desc>");
        if (all.isEmpty() || labels.isEmpty()) {
            return out.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2)
                    .append("\" text-anchor=\"middle\">No figures to chart</text></svg>").toString();
        }
        double min = all.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = all.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        // Ticks on a round step (1, 2, 2.5 or 5 times a power of ten) that covers every figure: 80, 85, 90, not 342, 394, 447.
        double step0 = nice((max > min ? max - min : Math.max(1, Math.abs(max) * 0.2)) / 4);
        double lo = Math.floor(min / step0) * step0, hi = Math.ceil(max / step0) * step0;
        // A single figure (or a flat line) sits mid-chart, between round ticks either side.
        while ((hi - lo) / step0 < 2) {
            lo -= step0;
            hi += step0;
        }
        int ticks = (int) Math.round((hi - lo) / step0);
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        double step = labels.size() > 1 ? plotW / (labels.size() - 1) : 0;
        for (int t = 0; t <= ticks; t++) {
            double v = lo + step0 * t;
            double y = TOP + plotH - plotH * t / ticks;
            out.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>", LEFT, W - RIGHT, y, y));
            out.append(String.format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#0b0c0c\">%s</text>", LEFT - 6, y + 4, tick(v, step0)));
        }
        for (int i = 0; i < labels.size(); i++) {
            out.append(String.format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#0b0c0c\">%s</text>",
                    LEFT + step * i, H - BOTTOM + 18, esc(labels.get(i))));
        }
        if (axis != null) {
            out.append(String.format("<text transform=\"rotate(-90)\" x=\"%.1f\" y=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">%s</text>",
                    -(TOP + plotH / 2), esc(axis)));
        }
        int legendX = LEFT;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < s.values().size() && i < labels.size(); i++) {
                BigDecimal v = s.values().get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + step * i;
                double y = TOP + plotH - (v.doubleValue() - lo) / (hi - lo) * plotH;
                path.append(pen ? " L" : " M").append(String.format("%.1f %.1f", x, y));
                out.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, s.colour()));
                String mark = s.marks() == null || i >= s.marks().size() ? null : s.marks().get(i);
                if (mark != null && !mark.isEmpty()) {
                    out.append(String.format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\" fill=\"#0b0c0c\">%s</text>",
                            x, y - 7, esc(mark)));
                }
                pen = true;
            }
            out.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"2.5\"").append(s.dash() == null ? "" : " stroke-dasharray=\"" + s.dash() + "\"").append("/>");
            out.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                    legendX, legendX + 24, H - 14, H - 14, s.colour(), s.dash() == null ? "" : " stroke-dasharray=\"" + s.dash() + "\""));
            out.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\">%s</text>", legendX + 30, H - 10, esc(s.name())));
            legendX += 40 + 8 * s.name().length();
        }
        return out.append("</svg>").toString();
    }

    /** A tick's value with as many decimals as its step needs: 85, 2.5, 0.25. */
    private static String tick(double v, double step) {
        BigDecimal s = BigDecimal.valueOf(step).stripTrailingZeros();
        return String.format("%,." + Math.max(0, s.scale()) + "f", v);
    }

    /** The round step nearest above {@code raw}: 1, 2, 2.5 or 5 times a power of ten. */
    static double nice(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
