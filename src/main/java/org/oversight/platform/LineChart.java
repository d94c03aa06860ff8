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

    /**
     * One line. {@code marks}: a word beside each point (its rating, say), so the chart reads in
     * black and white; {@code pointColours}: each point's own fill (its RAG colour); {@code step}:
     * the value holds until the next point (a risk's score between reviews); {@code shade}: the
     * area beyond the line, {@code "below"} or {@code "above"}, tinted (the side of a floor
     * standard that fails it). Each may be null or false.
     */
    public record Series(String name, List<BigDecimal> values, String colour, String dash, List<String> marks,
                         List<String> pointColours, boolean step, String shade) {
        public Series(String name, List<BigDecimal> values, String colour, String dash) {
            this(name, values, colour, dash, null, null, false, null);
        }

        public Series marked(List<String> marks, List<String> pointColours) {
            return new Series(name, values, colour, dash, marks, pointColours, step, shade);
        }

        public Series stepped() {
            return new Series(name, values, colour, dash, marks, pointColours, true, shade);
        }

        public Series shaded(String side) {
            return new Series(name, values, colour, dash, marks, pointColours, step, side);
        }
    }

    /** A horizontal zone of the value axis, tinted and named at the right edge: a risk band. */
    public record Zone(double from, double to, String fill, String name) {
    }

    private static final int W = 720, H = 300, LEFT = 64, RIGHT = 64, TOP = 16, BOTTOM = 56;

    private final String title, description;
    private final List<String> labels;
    private final List<Series> series = new ArrayList<>();
    private final List<Zone> zones = new ArrayList<>();
    private String axis;
    private Double fixedLo, fixedHi, fixedStep;

    public LineChart(String title, String description, List<String> labels) {
        this.title = title;
        this.description = description;
        this.labels = List.copyOf(labels);
    }

    private String id = "chart";

    /** The prefix of the title's and description's ids: a page with several charts gives each its own. */
    public LineChart id(String id) {
        this.id = id;
        return this;
    }

    /** The values' unit written up the left edge: 'Percentage (%)', 'Number'. */
    public LineChart axis(String axis) {
        this.axis = axis;
        return this;
    }

    /** A fixed value range and tick step (a risk matrix's 0 to 25 in fives) instead of one fitted to the figures. */
    public LineChart range(double lo, double hi, double step) {
        this.fixedLo = lo;
        this.fixedHi = hi;
        this.fixedStep = step;
        return this;
    }

    public LineChart zone(Zone zone) {
        zones.add(zone);
        return this;
    }

    public LineChart series(Series s) {
        series.add(s);
        return this;
    }

    public static String svg(String title, String description, List<String> labels, List<Series> series) {
        LineChart chart = new LineChart(title, description, labels);
        series.forEach(chart::series);
        return chart.svg();
    }

    public String svg() {
        List<BigDecimal> all = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(v -> v != null).forEach(all::add));
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"oversight-chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" font-family=\"Arial, sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>");
        if (all.isEmpty() || labels.isEmpty()) {
            return out.append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2)
                    .append("\" text-anchor=\"middle\">No figures to chart</text></svg>").toString();
        }
        double lo, hi, step0;
        if (fixedLo != null) {
            lo = fixedLo;
            hi = fixedHi;
            step0 = fixedStep;
        } else {
            double min = all.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
            double max = all.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
            // Ticks on a round step (1, 2, 2.5 or 5 times a power of ten) that covers every figure: 80, 85, 90, not 342, 394, 447.
            step0 = nice((max > min ? max - min : Math.max(1, Math.abs(max) * 0.2)) / 4);
            lo = Math.floor(min / step0) * step0;
            hi = Math.ceil(max / step0) * step0;
            // A line exactly on a round tick at the edge would lie on the frame (a target of 70 on the axis): one step of room.
            if (lo == min && min != 0) {
                lo -= step0;
            }
            if (hi == max) {
                hi += step0;
            }
            // A single figure (or a flat line) sits mid-chart, between round ticks either side.
            while ((hi - lo) / step0 < 2) {
                lo -= step0;
                hi += step0;
            }
        }
        int ticks = (int) Math.floor((hi - lo) / step0 + 1e-9);
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        double xStep = labels.size() > 1 ? plotW / (labels.size() - 1) : 0;
        double bottom = TOP + plotH;
        double from = lo, span = hi - lo;
        Scale y = v -> bottom - (v - from) / span * plotH;
        for (Zone z : zones) {
            double top = y.at(Math.min(z.to(), hi)), base = y.at(Math.max(z.from(), lo));
            out.append(String.format("<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", LEFT, top, plotW, base - top, z.fill()));
            // Named in the zone's top right corner, inside the plot: the space right of it is for the last point's mark.
            out.append(halo(W - RIGHT - 4, top + 14, "end", "", z.fill(), z.name()));
        }
        for (Series s : series) {
            if (s.shade() != null) {
                out.append(shade(s, xStep, y, s.shade().equals("below") ? bottom : TOP));
            }
        }
        for (int t = 0; t <= ticks; t++) {
            double v = lo + step0 * t;
            double ty = y.at(v);
            out.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>", LEFT, W - RIGHT, ty, ty));
            out.append(String.format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#0b0c0c\">%s</text>", LEFT - 6, ty + 4, tick(v, step0)));
        }
        // Only every n-th label is written when they would otherwise overlap (about 6 px a character at 12 px).
        int widest = labels.stream().mapToInt(String::length).max().orElse(1);
        int room = Math.max(1, (int) (plotW / (widest * 6 + 8)));
        int every = Math.max(1, (labels.size() + room - 1) / room);
        for (int i = 0; i < labels.size(); i++) {
            // The last label is always written: it is the month or review the page is about.
            int last = labels.size() - 1;
            if (i == last || i % every == 0 && last - i >= every) {
                out.append(String.format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#0b0c0c\">%s</text>",
                        LEFT + xStep * i, H - BOTTOM + 18, esc(labels.get(i))));
            }
        }
        if (axis != null) {
            out.append(String.format("<text transform=\"rotate(-90)\" x=\"%.1f\" y=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">%s</text>",
                    -(TOP + plotH / 2), esc(axis)));
        }
        int legendX = LEFT;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            StringBuilder points = new StringBuilder();
            Double lastY = null;
            for (int i = 0; i < s.values().size() && i < labels.size(); i++) {
                BigDecimal v = s.values().get(i);
                if (v == null) {
                    lastY = null;
                    continue;
                }
                double x = LEFT + xStep * i, py = y.at(v.doubleValue());
                if (lastY == null) {
                    path.append(String.format(" M%.1f %.1f", x, py));
                } else {
                    path.append(s.step() ? String.format(" H%.1f V%.1f", x, py) : String.format(" L%.1f %.1f", x, py));
                }
                String fill = s.pointColours() == null || i >= s.pointColours().size() || s.pointColours().get(i) == null ? s.colour() : s.pointColours().get(i);
                points.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                        x, py, s.pointColours() == null ? "3" : "5", fill));
                String mark = s.marks() == null || i >= s.marks().size() ? null : s.marks().get(i);
                if (mark != null && !mark.isEmpty()) {
                    // A white halo keeps the word readable over lines; on a step line it sits right of the point, clear of the riser.
                    points.append(halo(s.step() ? x + 7 : x, s.step() ? py - 4 : py - 8, s.step() ? "start" : "middle",
                            " font-size=\"10\" font-weight=\"bold\"", "#ffffff", mark));
                }
                lastY = py;
            }
            out.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"2.5\"").append(dash(s)).append("/>").append(points);
            out.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                    legendX, legendX + 24, H - 14, H - 14, s.colour(), dash(s)));
            out.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\">%s</text>", legendX + 30, H - 10, esc(s.name())));
            legendX += 40 + 7 * s.name().length();
        }
        return out.append("</svg>").toString();
    }

    /**
     * Text on a halo of {@code ground}: the same words drawn first as a thick outline, then over it,
     * which every SVG renderer draws alike (a PDF's included; paint-order is not read by all).
     */
    private static String halo(double x, double y, String anchor, String font, String ground, String text) {
        String at = String.format("x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s", x, y, anchor, font);
        return "<text " + at + " fill=\"" + ground + "\" stroke=\"" + ground + "\" stroke-width=\"3\" aria-hidden=\"true\">" + esc(text) + "</text>"
                + "<text " + at + " fill=\"#0b0c0c\">" + esc(text) + "</text>";
    }

    private interface Scale {
        double at(double value);
    }

    /** The area between a line and the plot's edge, one polygon per unbroken run of values. */
    private String shade(Series s, double xStep, Scale y, double edge) {
        StringBuilder out = new StringBuilder();
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= s.values().size() && i <= labels.size(); i++) {
            BigDecimal v = i < s.values().size() && i < labels.size() ? s.values().get(i) : null;
            if (v != null) {
                run.add(new double[] {LEFT + xStep * i, y.at(v.doubleValue())});
                continue;
            }
            if (!run.isEmpty()) {
                // A lone value still gets a sliver, so a single month's floor is visible.
                double x0 = run.get(0)[0] - (run.size() == 1 ? 6 : 0), x1 = run.get(run.size() - 1)[0] + (run.size() == 1 ? 6 : 0);
                StringBuilder d = new StringBuilder(String.format("M%.1f %.1f", x0, edge));
                d.append(String.format(" L%.1f %.1f", x0, run.get(0)[1]));
                run.forEach(p -> d.append(String.format(" L%.1f %.1f", p[0], p[1])));
                d.append(String.format(" L%.1f %.1f L%.1f %.1f Z", x1, run.get(run.size() - 1)[1], x1, edge));
                out.append("<path d=\"").append(d).append("\" fill=\"").append(s.colour()).append("\" fill-opacity=\"0.12\" stroke=\"none\"/>");
                run.clear();
            }
        }
        return out.toString();
    }

    private static String dash(Series s) {
        return s.dash() == null ? "" : " stroke-dasharray=\"" + s.dash() + "\"";
    }

    /** A tick's value with as many decimals as its step needs: 85, 2.5, 0.25. */
    private static String tick(double v, double step) {
        BigDecimal s = BigDecimal.valueOf(step).stripTrailingZeros();
        return String.format("%,." + Math.max(0, s.scale()) + "f", v);
    }

    /** The round step nearest above {@code raw}: 1, 2, 2.5 or 5 times a power of ten. */
    public static double nice(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String esc(String s) {
        // The five XML specials only, never named HTML entities: the chart is also read as XML when a paper is printed.
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
