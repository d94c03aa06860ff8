package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.oversight.platform.DisplayFormat;
import org.oversight.platform.LineChart;

/** An indicator's trend chart, as its page and its paper draw it: actual in its ratings' colours, target, floor. */
final class IndicatorChart {

    private IndicatorChart() {
    }

    static String svg(Indicator i, DisplayFormat fmt, List<YearMonth> months, List<BigDecimal> values, List<Targets.Standard> standards, List<Rag> rags) {
        List<String> labels = months.stream().map(fmt::month).toList();
        boolean kpi = i.kind() == Indicator.Kind.KPI;
        LineChart chart = new LineChart(i.ref() + " " + i.title() + ": trend",
                "Monthly actual" + (kpi ? ", target and floor" : "") + " from " + labels.get(0) + " to " + labels.get(labels.size() - 1)
                        + "; the same figures are in the table above.", labels)
                .axis("%".equals(i.unit()) ? "Percentage (%)" : i.unit());
        if (kpi) {
            List<BigDecimal> floors = standards.stream().map(Targets.Standard::floor).toList();
            if (floors.stream().anyMatch(f -> f != null)) {
                // The side of the floor that fails it is tinted: below it when higher is better, above when lower is.
                LineChart.Series floor = new LineChart.Series("Floor standard", floors, "#d4351c", "2 4");
                chart.series(i.polarity() == Polarity.HIGHER ? floor.shaded("below") : i.polarity() == Polarity.LOWER ? floor.shaded("above") : floor);
            }
            chart.series(new LineChart.Series("Target", standards.stream().map(Targets.Standard::target).toList(), "#0b0c0c", "6 4"));
        }
        // Each actual figure is drawn in its rating's colour and carries its letter, so the chart reads without colour too.
        chart.series(new LineChart.Series("Actual" + (kpi ? " (G, A, R: its rating)" : ""), values, "#1d70b8", null)
                .marked(rags.stream().map(r -> !kpi || r == Rag.NOT_RATED ? "" : r.label().substring(0, 1)).toList(),
                        rags.stream().map(r -> kpi ? colour(r) : null).toList()));
        return chart.svg();
    }

    /** GOV.UK's green, orange and red; an unrated point keeps the line's blue. */
    private static String colour(Rag rag) {
        return switch (rag) {
            case GREEN -> "#00703c";
            case AMBER -> "#f47738";
            case RED -> "#d4351c";
            case NOT_RATED -> null;
        };
    }
}
