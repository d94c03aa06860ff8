package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.shared.CsvTable;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo is the January 2019 Adult Social Care dashboard as published, rated by the engine. */
@OversightTest
class DemoDashboardTest {

    private static final YearMonth JAN_19 = YearMonth.of(2019, 1);

    @Autowired
    Dashboards dashboards;

    private List<Dashboard.Line> published() {
        return dashboards.build(JAN_19, "Adult Social Care and Health", null).lines().stream()
                .filter(l -> l.publishedRag() != null && JAN_19.equals(l.figurePeriod()))
                .toList();
    }

    @Test
    void theDashboardHasTheTwentyMeasuresOfThePaperAndRatesThirteen() {
        Dashboard d = dashboards.build(JAN_19, "Adult Social Care and Health", null);
        // The paper: "20 measures ... a RAG rating has been applied for 13 of these".
        assertThat(d.lines()).hasSize(20);
        assertThat(d.total().rated()).isEqualTo(13);
    }

    @Test
    void reproducesThePublishedRatingsExceptWhereThePapersFiguresContradictThem() {
        Map<Boolean, List<String>> agree = published().stream().collect(Collectors.partitioningBy(
                l -> l.publishedRag() == l.rating().rag(), Collectors.mapping(l -> l.indicator().ref(), Collectors.toList())));
        assertThat(agree.get(true)).hasSize(11);
        // 7: 137 against a target of 130 (lower is better) is published GREEN; 6: published RED with no floor published.
        assertThat(agree.get(false)).containsExactlyInAnyOrder("6", "7");
        Dashboard.Line seven = published().stream().filter(l -> l.indicator().ref().equals("7")).findFirst().orElseThrow();
        assertThat(seven.discrepancy()).isTrue();
        assertThat(seven.rating().rag()).isEqualTo(Rag.AMBER);
        assertThat(seven.rating().reason()).contains("above the target").contains("lower is better");
    }

    @Test
    void aMonthsFigureComesWithThePreviousFigureAndTheOutturnItIsComparedWith() {
        // Indicator 17 (DoLS applications, lower is better) as the demo loads it: its monthly series and its 2017-18 outturn.
        TreeMap<YearMonth, BigDecimal> series = new TreeMap<>();
        CsvTable.resource("demo/series.csv").stream().filter(r -> r.required("ref").equals("17") && r.decimal("value") != null)
                .forEach(r -> series.put(YearMonth.parse(r.required("period")), r.decimal("value")));
        BigDecimal outturn = CsvTable.resource("demo/outturns.csv").stream()
                .filter(r -> r.required("ref").equals("17") && r.required("financial_year").equals("2017")).findFirst().orElseThrow().decimal("value");
        BigDecimal january = series.get(JAN_19);
        BigDecimal previous = series.lowerEntry(JAN_19).getValue();

        Dashboard.Line dols = dashboards.build(JAN_19, null, null).lines().stream()
                .filter(l -> l.indicator().ref().equals("17")).findFirst().orElseThrow();
        assertThat(dols.value()).isEqualByComparingTo(january);
        assertThat(dols.previous()).isEqualByComparingTo(previous);
        assertThat(dols.outturn()).isEqualByComparingTo(outturn);
        // Fewer applications is better: each arrow says which way January went from the figure it is compared with.
        assertThat(dols.dotPrevious()).isEqualTo(fewerIsBetter(january, previous));
        assertThat(dols.dotOutturn()).isEqualTo(fewerIsBetter(january, outturn));
    }

    private static Direction fewerIsBetter(BigDecimal latest, BigDecimal earlier) {
        int c = latest.compareTo(earlier);
        return c < 0 ? Direction.IMPROVED : c > 0 ? Direction.WORSENED : Direction.SAME;
    }

    @Test
    void aMissingFigureStaysMissing() {
        Dashboard.Line six = dashboards.build(JAN_19, null, null).lines().stream()
                .filter(l -> l.indicator().ref().equals("6")).findFirst().orElseThrow();
        // The paper gives no 2017-18 outturn for indicator 6.
        assertThat(six.outturn()).isNull();
        assertThat(six.dotOutturn()).isNull();
    }
}
