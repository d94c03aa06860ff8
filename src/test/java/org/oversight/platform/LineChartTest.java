package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineChartTest {

    @ParameterizedTest
    @CsvSource({"0.3, 0.5", "37, 50", "52.4, 100", "1.9, 2", "2.2, 2.5", "0.07, 0.1"})
    void aTickStepIsOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(double raw, double nice) {
        assertThat(LineChart.nice(raw)).isCloseTo(nice, within(1e-9));
    }

    @Test
    void theAxisIsMarkedInRoundStepsCoveringEveryFigure() {
        String svg = LineChart.svg("t", "d", List.of("Jan", "Feb", "Mar"),
                List.of(new LineChart.Series("Actual", List.of(new BigDecimal("342"), new BigDecimal("447"), new BigDecimal("598")), "#000", null)));
        Matcher m = Pattern.compile("text-anchor=\"end\" fill=\"#0b0c0c\">([0-9,.]+)</text>").matcher(svg);
        List<String> ticks = m.results().map(r -> r.group(1)).toList();
        assertThat(ticks).containsExactly("300", "400", "500", "600");
    }

    @Test
    void aStepLineHoldsEachValueUntilTheNextPoint() {
        String svg = new LineChart("t", "d", List.of("1 Jan 2019", "1 Apr 2019")).range(0, 25, 5)
                .series(new LineChart.Series("Score", List.of(new BigDecimal("20"), new BigDecimal("12")), "#000", null).stepped()).svg();
        assertThat(svg).containsPattern("d=\"M[0-9.]+ [0-9.]+ H[0-9.]+ V[0-9.]+\"");
    }

    @Test
    void aFixedRangeIsMarkedInItsOwnStepsWithNamedZones() {
        String svg = new LineChart("t", "d", List.of("a", "b")).range(0, 25, 5)
                .zone(new LineChart.Zone(0, 6.5, "#cce2d8", "Low")).zone(new LineChart.Zone(6.5, 15.5, "#fff7bf", "Medium"))
                .zone(new LineChart.Zone(15.5, 25, "#f4cdc6", "High"))
                .series(new LineChart.Series("Score", List.of(new BigDecimal("16"), new BigDecimal("16")), "#000", null)).svg();
        Matcher m = Pattern.compile("text-anchor=\"end\" fill=\"#0b0c0c\">([0-9,.]+)</text>").matcher(svg);
        assertThat(m.results().map(r -> r.group(1)).toList()).containsExactly("0", "5", "10", "15", "20", "25");
        assertThat(svg).contains(">Low</text>", ">Medium</text>", ">High</text>", "fill=\"#f4cdc6\"");
    }

    @Test
    void eachPointIsDrawnInItsOwnColourAndTheFloorsFailingSideIsTinted() {
        String svg = new LineChart("t", "d", List.of("Jan", "Feb")).series(new LineChart.Series("Floor", List.of(new BigDecimal("70"), new BigDecimal("70")),
                        "#d4351c", "2 4").shaded("below"))
                .series(new LineChart.Series("Actual", List.of(new BigDecimal("65"), new BigDecimal("80")), "#1d70b8", null)
                        .marked(List.of("R", "G"), List.of("#d4351c", "#00703c"))).svg();
        assertThat(svg).contains("fill=\"#d4351c\" fill-opacity=\"0.12\"");
        assertThat(Pattern.compile("<circle[^>]*r=\"5\" fill=\"(#[0-9a-f]+)\"").matcher(svg).results().map(r -> r.group(1)).toList())
                .containsExactly("#d4351c", "#00703c");
    }

    @Test
    void labelsThatWouldOverlapAreThinnedButTheLastIsAlwaysWritten() {
        List<String> labels = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "12 Sep 20" + (10 + i / 4)).toList();
        String svg = new LineChart("t", "d", labels).series(new LineChart.Series("x",
                java.util.Collections.nCopies(40, BigDecimal.ONE), "#000", null)).svg();
        long written = Pattern.compile("text-anchor=\"middle\" fill=\"#0b0c0c\">12 Sep").matcher(svg).results().count();
        assertThat(written).isBetween(4L, 10L);
        assertThat(svg).contains(">" + labels.get(39) + "</text>");
    }

    @Test
    void aLineOnARoundTickAtTheEdgeGetsAStepOfRoomSoItIsNotTheFrame() {
        String svg = LineChart.svg("t", "d", List.of("Jan", "Feb"), List.of(
                new LineChart.Series("Target", List.of(new BigDecimal("70"), new BigDecimal("70")), "#000", "6 4"),
                new LineChart.Series("Actual", List.of(new BigDecimal("75"), new BigDecimal("80")), "#00f", null)));
        List<String> ticks = Pattern.compile("text-anchor=\"end\" fill=\"#0b0c0c\">([0-9,.]+)</text>").matcher(svg).results().map(r -> r.group(1)).toList();
        assertThat(Double.parseDouble(ticks.get(0))).as("below the target at 70").isLessThan(70);
        assertThat(Double.parseDouble(ticks.get(ticks.size() - 1))).as("above the highest figure").isGreaterThan(80);
    }
}
