package org.oversight.delays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.shared.InputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules of spec/delays-csv.md at their boundaries: the total, half of both to social care, shares, the rate per 100,000. */
class DelaysRulesTest {

    private static DelayedDays row(String nhs, String socialCare, String both) {
        return DelaysCommand.read(new StringReader("organisation,period,nhs,social_care,both\nTrust,2019-01," + nhs + "," + socialCare + "," + both + "\n"),
                new ArrayList<>()).get(0);
    }

    @ParameterizedTest(name = "{0} NHS, {1} social care, {2} both: total {3}, attributable to social care {4}")
    @CsvSource({"291, 35, 0, 326, 35", "1808, 105, 35, 1948, 122.5", "35, 21, 49, 105, 45.5", "0, 0, 1, 1, 0.5", "0, 0, 0, 0, 0"})
    void theTotalIsTheSumAndSocialCareHasItsOwnDaysAndHalfOfBoth(String nhs, String sc, String both, String total, String attributable) {
        DelayedDays d = row(nhs, sc, both);
        assertThat(d.total()).isEqualByComparingTo(total);
        assertThat(d.attributableToSocialCare()).isEqualByComparingTo(attributable);
    }

    @ParameterizedTest(name = "{0} of {1}: {2}%")
    @CsvSource({"3161, 4110, 76.9", "855, 4110, 20.8", "94, 4110, 2.3", "1, 8, 12.5", "1, 3, 33.3", "2, 3, 66.7", "1, 1, 100.0"})
    void aShareIsInPercentToOneDecimalPlaceHalfUp(String part, String total, String percent) {
        DelayedDays d = row(part, new BigDecimal(total).subtract(new BigDecimal(part)).toPlainString(), "0");
        assertThat(d.share(d.nhs())).isEqualByComparingTo(percent);
        assertThat(d.share(d.nhs()).scale()).isEqualTo(1);
    }

    @Test
    void noDelaysHaveNoShares() {
        DelayedDays d = row("0", "0", "0");
        assertThat(d.share(d.nhs())).isNull();
    }

    @ParameterizedTest(name = "{0} days in {1} of {2} people: {3} per 100,000 a day")
    @CsvSource({"4110, 2019-01, 1173300, 11.3", "3569, 2017-09, 1209000, 9.8", "2800, 2019-02, 1000000, 10.0", "2800, 2020-02, 1000000, 9.7",
            "700, 2017-11-30, 1000000, 10.0", "105, 2017-11-30, 1000000, 1.5"})
    void theRatePer100000IsTheDaysOverTheDaysOfThePeriodOverThePopulation(String days, String period, String population, String rate) {
        assertThat(DelayedDays.per100k(new BigDecimal(days), DelayedDays.Period.parse(period), new BigDecimal(population))).isEqualByComparingTo(rate);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"2019-01, 2019-01", "January 2019, 2019-01", "Jan-19, 2019-01", "2017-11-30, 2017-11-30", "30/11/2017, 2017-11-30",
            "30 November 2017, 2017-11-30"})
    void aPeriodIsAMonthOrAWeeksEndWrittenAsAMonthOrADateBoxReadsIt(String written, String period) {
        assertThat(DelayedDays.Period.parse(written)).hasToString(period);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1989-12|Row 2, column period: '1989-12' is not a month Oversight keeps: its years run from 1990 to 2199",
            "2200-01-06|Row 2, column period: '2200-01-06' is not a date Oversight keeps: its years run from 1990 to 2199",
            "2019-13|Row 2, column period: '2019-13' is not a period: write a month as 2019-01 or a week by the day it ends, 2017-11-30"})
    void aPeriodNotKeptOrNotReadIsNamedByItsRowAndColumn(String written, String message) {
        assertThatThrownBy(() -> DelaysCommand.read(new StringReader("organisation,period,nhs,social_care,both\nTrust," + written + ",1,0,0\n"),
                new ArrayList<>())).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void aBadCellNamesItsRowAndColumn() {
        assertThatThrownBy(() -> row("-1", "0", "0")).extracting(e -> ((InputException) e).field()).isEqualTo("nhs");
        assertThatThrownBy(() -> row("1", "", "0")).extracting(e -> ((InputException) e).field()).isEqualTo("social_care");
        assertThatThrownBy(() -> DelaysCommand.read(new StringReader("organisation,period,nhs,social_care,both\nTrust,2019-13,1,1,1\n"), new ArrayList<>()))
                .hasMessageContaining("Row 2, column period");
        assertThatThrownBy(() -> DelaysCommand.read(new StringReader("organisation,nhs,social_care\nTrust,1,1\n"), new ArrayList<>())).hasMessageContaining("both");
    }

    @Test
    void theCommandPrintsTheSpecsJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("delays.csv");
        Files.writeString(f, """
                organisation,period,nhs,social_care,both
                Dartford and Gravesham NHS Trust,2019-01,291,35,0
                Kent and Medway Partnership Trust,2019-01,35,21,49
                """);
        JsonNode out = JsonMapper.builder().build().readTree(DelaysCommand.run(f, new BigDecimal("1000000")));
        assertThat(out.get("rows").get(1).get("attributable_social_care").decimalValue()).isEqualByComparingTo("45.5");
        assertThat(out.get("rows").get(1).get("pct_both").decimalValue()).isEqualByComparingTo("46.7");
        assertThat(out.get("total").get("total").decimalValue()).isEqualByComparingTo("431");
        assertThat(out.get("per_100k").decimalValue()).as("431 ÷ 31 ÷ 1,000,000 × 100,000").isEqualByComparingTo("1.4");
        Files.writeString(f, "organisation,period,nhs,social_care,both\nA,2019-01,1,0,0\nA,2019-02,1,0,0\n");
        assertThat(JsonMapper.builder().build().readTree(DelaysCommand.run(f, new BigDecimal("1000000"))).get("per_100k").isNull())
                .as("two periods: no one rate").isTrue();
        assertThat(JsonMapper.builder().build().readTree(DelaysCommand.run(f, null)).get("per_100k").isNull()).isTrue();
    }
}
