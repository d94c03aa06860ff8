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
}
