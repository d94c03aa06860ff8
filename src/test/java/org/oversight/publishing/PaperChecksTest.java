package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.publishing.ScorecardAudit.Kind;

/** The checks only a whole paper can make: each planted error is found, and a clean paper raises nothing. */
class PaperChecksTest {

    private static Publication.Table matrix(String... rows) {
        List<List<String>> r = new ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split("\\|")));
        }
        return new Publication.Table("summary", "Executive summary", QprDocument.MATRIX, r, true);
    }

    private static Publication.Table kpis(String... ratingAndDirection) {
        List<List<String>> r = new ArrayList<>();
        int n = 1;
        for (String rd : ratingAndDirection) {
            String[] p = rd.split("\\|");
            r.add(List.of(Integer.toString(n++), "Indicator", "1", "1", "–", p[0], p[1]));
        }
        return new Publication.Table("kpis-x", "KPIs", List.of("Ref", "Indicator", "Figure", "Target", "Floor", "Rating", "Since last quarter"), r, false);
    }

    private static QprDocument.Section section(String directorate, Publication.Table kpis) {
        return new QprDocument.Section(directorate, List.of(), List.of(), kpis, new Publication.Table("a", "a", List.of("Ref"), List.of(), false));
    }

    @Test
    void aSummaryMatrixThatAgreesWithItsSectionsAndAddsUpRaisesNothing() {
        Publication.Table m = matrix("Adults|1|1|0|1|0|1", "Children|0|0|1|0|1|0", "Total|1|1|1|1|1|1");
        assertThat(QprDocument.checks(m, List.of(section("Adults", kpis("Green|↑ improved", "Amber|↓ worse")),
                section("Children", kpis("Red|↔ no change"))))).isEmpty();
    }

    @Test
    void aSummaryCountThatDisagreesWithTheRowsItSummarisesIsFound() {
        Publication.Table m = matrix("Adults|2|0|0|1|0|1", "Total|2|0|0|1|0|1");
        assertThat(QprDocument.checks(m, List.of(section("Adults", kpis("Green|↑ improved", "Amber|↓ worse")))))
                .extracting(f -> f.kind() + " " + f.ref() + " " + f.column() + ": " + f.message())
                .containsExactly("SUMMARY_COUNT_DISAGREES Executive summary, Adults Green: the summary counts 2 Green KPIs, but the rows it summarises have 1",
                        "SUMMARY_COUNT_DISAGREES Executive summary, Adults Amber: the summary counts 0 Amber KPIs, but the rows it summarises have 1");
    }

    @Test
    void aTotalThatIsNotTheSumOfItsPartsIsFound() {
        Publication.Table m = matrix("Adults|1|0|0|0|0|0", "Children|2|0|0|0|0|0", "Total|4|0|0|0|0|0");
        assertThat(DocumentChecks.totals(m)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.TOTAL_NOT_SUM);
            assertThat(f.column()).isEqualTo("Green");
            assertThat(f.message()).isEqualTo("the total 4 is not the sum of the 2 rows above it, 3");
        });
        Publication.Table money = new Publication.Table("t", "Budget", List.of("Line", "Net"), List.of(List.of("A", "£1,250.50"),
                List.of("B", "£-250.50"), List.of("Total", "£1,000.00")), true);
        assertThat(DocumentChecks.totals(money)).as("pounds, pence and thousands read as written").isEmpty();
        Publication.Table row = new Publication.Table("t", "Status", List.of("Who", "Done", "Open", "All"), List.of(List.of("A", "2", "3", "6")), false);
        assertThat(DocumentChecks.rowTotals(row, 3, 1, 2)).singleElement().extracting(ScorecardAudit.Finding::message)
                .isEqualTo("the total 6 is not the sum of Done, Open, 5");
    }

    @Test
    void datesOutOfOrderAndAReviewDatePassedOnACurrentRiskAreFound() {
        LocalDate march = LocalDate.of(2019, 3, 1), april = LocalDate.of(2019, 4, 1);
        assertThat(DocumentChecks.inOrder("CRR1", "last_review", "the last review,", april, "the next,", march)).get()
                .extracting(ScorecardAudit.Finding::message).isEqualTo("the last review, 1 April 2019 is after the next, 1 March 2019");
        assertThat(DocumentChecks.inOrder("CRR1", "last_review", "the last review,", march, "the next,", march)).as("the same day is in order").isEmpty();
        assertThat(DocumentChecks.inOrder("CRR1", "last_review", "the last review,", null, "the next,", march)).as("a missing date stays missing").isEmpty();
        assertThat(DocumentChecks.reviewPassed("CRR1", march, LocalDate.of(2019, 3, 31))).get().extracting(ScorecardAudit.Finding::kind)
                .isEqualTo(Kind.REVIEW_DATE_PASSED);
        assertThat(DocumentChecks.reviewPassed("CRR1", LocalDate.of(2019, 3, 31), LocalDate.of(2019, 3, 31))).as("due on the day").isEmpty();
    }

    @Test
    void aNumberInTheTextThatIsNotInTheDataIsFoundAndYearsDatesAndPeriodsAreNot() {
        List<BigDecimal> data = List.of(new BigDecimal("77.0"), new BigDecimal("75.0"), new BigDecimal("1276"), new BigDecimal("1085"));
        assertThat(DocumentChecks.numbers("2", "Performance rose to 83% in January, against a target of 75%.", "Contacts", data))
                .extracting(ScorecardAudit.Finding::message).containsExactly(
                        "the text says 83, which is not a figure, target or floor of the last 13 months, nor a difference between them");
        assertThat(DocumentChecks.numbers("2", "At 77% we are 2 points above the 75% target; 1,276 referrals, 191 over the 1,085 expected.",
                "Contacts", data)).as("figures, targets and their differences, written with thousands").isEmpty();
        assertThat(DocumentChecks.numbers("2", "Since 31 March 2018, within 28 days, per 100,000 people, in 2018-19 and Q3.", "Contacts", data))
                .as("dates, periods, scales, years and quarters are words").isEmpty();
        assertThat(DocumentChecks.numbers("8", "People aged 65+ in care", "Number of people aged 65+ in permanent residential care", data))
                .as("a number of the indicator's own title").isEmpty();
        assertThat(DocumentChecks.numbers("10", "Mostly people over the age of 65; 695 people aged 18-64.", "Homecare", data))
                .as("ages are words; a figure of another breakdown is not in the data").extracting(ScorecardAudit.Finding::message)
                .singleElement().asString().startsWith("the text says 695,");
    }

    @Test
    void aChangeInPerCentOrAnAverageOfTheSeriesIsInTheData() {
        List<BigDecimal> series = List.of(new BigDecimal("2220"), new BigDecimal("2200"), new BigDecimal("2214"));
        assertThat(DocumentChecks.numbers("8", "Down by 6 people in the year (0.3% decrease), averaging 2,211.", "Residential care", series, series))
                .as("2,214 against 2,220 is 0.27%, written 0.3; the average of the three is 2,211.3").isEmpty();
        assertThat(DocumentChecks.numbers("8", "A 0.5% decrease.", "Residential care", series, series)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} is reported in the quarter ending {1}")
    @CsvSource({"2018-04, 2018-06", "2018-06, 2018-06", "2018-07, 2018-09", "2018-12, 2018-12", "2019-01, 2019-03", "2019-03, 2019-03"})
    void aQprIsFiledUnderItsQuartersLastMonth(String asked, String end) {
        assertThat(new QprDocument(null, null, null, null).period(YearMonth.parse(asked))).isEqualTo(YearMonth.parse(end));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {"2018-06; Quarter 1 2018-19 (April to June 2018)", "2018-12; Quarter 3 2018-19 (October to December 2018)",
            "2019-03; Quarter 4 2018-19 (January to March 2019)"})
    void aQuarterIsNamedAsTheCouncilNamesIt(String end, String name) {
        assertThat(QprDocument.quarter(YearMonth.parse(end))).isEqualTo(name);
    }

    @Test
    void onlyAMissingExceptionReportBlocksPublicationOutright() {
        assertThat(List.of(Kind.values())).filteredOn(Kind::blocks).containsExactly(Kind.EXCEPTION_MISSING);
    }

    private static Publication.Table money(boolean total, String... rows) {
        List<List<String>> r = new ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split("\\|")));
        }
        return new Publication.Table("revenue", "Table 1", List.of("Directorate", "Variance", "Adjustment", "Revised", "Last", "Movement"), r, total);
    }

    @ParameterizedTest(name = "rows {0} and {1}, total {2}: found {3}")
    @CsvSource({"1.001, 2.001, 3.002, 0", "1.001, 2.001, 3.003, 0", "1.001, 2.001, 3.001, 0", "1.001, 2.001, 3.000, 1", "1.001, 2.001, 3.004, 1",
            "1.001, 2.001, 2.999, 1", "1.001, –, 1.001, 0", "–, –, 5.000, 0"})
    void aRoundedTotalIsTheSumOfItsRowsToWhatTheirRoundingExplains(String a, String b, String total, int found) {
        // Two rows and a total, each rounded to the nearest 0.001: at most 0.0015 apart, which a printed difference of 0.002 exceeds.
        assertThat(DocumentChecks.roundedTotals(money(true, "A|" + a + "|–|–|–|–", "B|" + b + "|–|–|–|–", "Total|" + total + "|–|–|–|–")))
                .hasSize(found).allSatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.TOTAL_NOT_SUM));
    }

    @ParameterizedTest(name = "variance {0}, adjustment {1}, revised {2}: found {3}")
    @CsvSource({"2.753, -1.361, 1.392, 0", "2.753, -1.361, 1.393, 0", "2.753, -1.361, 1.394, 1", "0.220, –, 0.220, 0", "0.220, –, 0.221, 0",
            "0.220, –, 0.222, 1", "–, –, 0.5, 0"})
    void aRevisedVarianceIsTheVarianceWithTheAdjustmentToTheirRounding(String variance, String adjustment, String revised, int found) {
        Publication.Table t = money(false, "Education|" + variance + "|" + adjustment + "|" + revised + "|–|–");
        assertThat(DocumentChecks.roundedRule(t, 3, List.of(1, 2), List.of())).hasSize(found);
    }

    @Test
    void aMovementIsTheRevisedLessTheLastReported() {
        Publication.Table t = money(false, "Education|2.753|-1.361|1.392|2.495|-1.103", "Asylum|4.109|-0.150|3.959|3.914|0.145");
        assertThat(DocumentChecks.roundedRule(t, 5, List.of(3), List.of(4))).extracting(ScorecardAudit.Finding::ref).containsExactly("Table 1, Asylum");
    }

    @Test
    void aTotalRowsRuleAllowsTheRoundingOfEveryRowItAddsUpButARowOnlyItsOwn() {
        // Appendix 1 to £0.1m: each line's net is gross + income to its own rounding; the sub total adds the printed lines, so its net may be
        // further from its gross + income, by up to the rows' rounding together.
        Publication.Table lines = new Publication.Table("appendix", "Appendix 1", List.of("Service line", "Gross", "Income", "Net"), List.of(
                List.of("A", "52.9", "-4.7", "48.3"), List.of("B", "14.5", "-4.4", "10.2"), List.of("C", "40.7", "-3.1", "37.7"),
                List.of("Sub Total", "108.1", "-12.2", "96.2")), true);
        assertThat(DocumentChecks.roundedRule(lines, 3, List.of(1, 2), List.of())).as("each line a tenth out, the sub total three: within three rows' rounding")
                .isEmpty();
        Publication.Table row = new Publication.Table("appendix", "Appendix 1", lines.header(), List.of(List.of("A", "52.9", "-4.7", "48.4"),
                lines.rows().get(1), lines.rows().get(2), List.of("Sub Total", "108.1", "-12.2", "96.3")), true);
        assertThat(DocumentChecks.roundedRule(row, 3, List.of(1, 2), List.of())).extracting(ScorecardAudit.Finding::ref).as("a row's own is two tenths out")
                .containsExactly("Appendix 1, A");
    }
}
