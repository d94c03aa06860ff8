package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.shared.CsvTable;
import org.oversight.shared.InputException;

class ScorecardAuditTest {

    private static final String HEADER = "ref,title,polarity,unit,value,numerator,denominator,target,floor,previous,published_rag,published_dot,commentary\n";

    private static List<ScorecardAudit.Finding> audit(String rows) {
        return ScorecardAudit.audit(ScorecardAudit.read(new StringReader(HEADER + rows)));
    }

    @Test
    void aCleanScorecardRaisesNothing() {
        assertThat(audit("""
                1,Percentage of contacts resolved at source,H,%,77.0,770,1000,75.0,70.0,76.0,GREEN,↑,Performance rose again and is above the target.
                2,"Delays per 100,000 population",L,count,8.2,,,8.7,,9.0,G,IMPROVED,The figure fell this month and is 0.5 below the target.
                3,Total number of people supported,,count,38053,,,,,,,,Activity is as expected.
                """)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RATING_CONTRADICTS_FIGURES | published_rag | 1,Admissions,L,count,137,,,130,,,GREEN,,",
            "DIRECTION_CONTRADICTS_FIGURES | published_dot | 1,Admissions,L,count,137,,,130,,120,,↑,",
            "RATE_DISAGREES | value | 1,Contacts resolved,H,%,81.5%,5749,7096,80,,,,,",
            "FLOOR_BEYOND_TARGET | floor | 1,Contacts resolved,H,%,81.5,,,80,85,,,,",
            "COMMENTARY_DIRECTION | commentary | 1,Admissions,L,count,137,,,130,,150,,,Admissions increased this month.",
            "COMMENTARY_TARGET | commentary | 1,Admissions,L,count,137,,,130,,,,,Admissions are below the target.",
            "UNIT_SLIP | value | '1,\"Delayed transfers per 100,000 population\",L,count,11.3%,,,8.7,,,,,'"})
    void eachPlantedErrorIsFoundOnceInItsColumn(ScorecardAudit.Kind kind, String column, String row) {
        assertThat(audit(row + "\n")).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.column()).isEqualTo(column);
            assertThat(f.ref()).isEqualTo("1");
        });
    }

    @Test
    void aRepeatedReferenceIsFoundAtEachRepeat() {
        assertThat(audit("A,One,H,%,80,,,75,,,,,\nA,Again,H,%,80,,,75,,,,,\nA,Thrice,H,%,80,,,75,,,,,\n"))
                .extracting(ScorecardAudit.Finding::kind).containsExactly(ScorecardAudit.Kind.DUPLICATE_REF, ScorecardAudit.Kind.DUPLICATE_REF);
    }

    @Test
    void aRateIsCheckedToThePlacesItIsWrittenWithOnItsScale() {
        assertThat(audit("A3,Contacts resolved,H,%,81.5%,5749,7096,80,,,,,\n")).singleElement()
                .extracting(ScorecardAudit.Finding::message).isEqualTo("81.5% disagrees with 5,749 / 7,096 = 81.0%");
        assertThat(audit("A4,Contacts resolved,H,%,81%,5749,7096,80,,,,,\n")).as("81.02 is 81 to no places").isEmpty();
        assertThat(audit("A5,\"Delays per 100,000 population\",L,count,8.7,87,1000000,9,,,,,\n")).as("per 100,000").isEmpty();
        assertThat(audit("A6,\"Delays per 100,000 population\",L,count,8.6,87,1000000,9,,,,,\n")).singleElement()
                .extracting(ScorecardAudit.Finding::message).isEqualTo("8.6 disagrees with 87 / 1,000,000 = 8.7 per 100,000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Referrals fell, so the rate rose this month.",
            "The number of referrals increased.",
            "Admissions did not increase this month.",
            "Admissions have increased over the last 12 months.",
            "Homecare hours per older person remain above the target of 10 hours."})
    void aClauseAboutAnotherMeasureOrPeriodOrNegatedSaysNothing(String commentary) {
        assertThat(audit("1,Admissions to residential care,L,count,137,,,150,,150,,,\"" + commentary + "\"\n")).isEmpty();
    }

    @Test
    void aStatedGapFromTheTargetMustBeTheGap() {
        assertThat(audit("1,Admissions,L,count,137,,,150,,,,,We are 13 below the target.\n")).isEmpty();
        assertThat(audit("1,Admissions,L,count,137,,,150,,,,,We are 20 below the target.\n")).singleElement()
                .extracting(ScorecardAudit.Finding::kind).isEqualTo(ScorecardAudit.Kind.COMMENTARY_TARGET);
    }

    /**
     * The January 2019 adult social care dashboard as published (demo/), with its commentary: the
     * ratings of indicators 6 and 7 contradict their figures, and the commentary of 8 and 9 says
     * "less clients than the target" of figures above their targets. Nothing else is raised.
     */
    @Test
    void thePublishedJanuary2019DashboardHasTheContradictionsItsPaperHas() throws Exception {
        Map<String, CsvTable.Row> indicators = new HashMap<>();
        CsvTable.resource("demo/indicators.csv").forEach(r -> indicators.put(r.text("ref"), r));
        Map<String, String> commentary = new HashMap<>();
        CsvTable.resource("demo/commentary.csv").forEach(r -> commentary.put(r.text("ref") + "@" + r.text("period"), r.text("commentary")));
        Map<String, CsvTable.Row> december = new HashMap<>();
        StringWriter file = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(file, CSVFormat.RFC4180)) {
            out.printRecord("ref", "title", "polarity", "unit", "value", "target", "previous", "published_rag", "commentary");
            CsvTable.resource("demo/series.csv").forEach(r -> {
                if (r.text("period").equals("2018-12")) {
                    december.put(r.text("ref"), r);
                }
            });
            for (CsvTable.Row r : CsvTable.resource("demo/series.csv")) {
                if (!r.text("period").equals("2019-01")) {
                    continue;
                }
                CsvTable.Row i = indicators.get(r.text("ref"));
                out.printRecord(r.text("ref"), i.text("title"), i.text("kind").equals("KPI") ? i.text("polarity") : "", i.text("unit"),
                        r.text("value"), r.text("target"), december.containsKey(r.text("ref")) ? december.get(r.text("ref")).text("value") : "",
                        r.text("published_rag"), commentary.getOrDefault(r.text("ref") + "@2019-01", ""));
            }
        }
        Path csv = Files.createTempFile("january-2019", ".csv");
        Files.writeString(csv, file.toString());
        List<ScorecardAudit.Finding> findings = ScorecardAudit.audit(ScorecardAudit.read(new StringReader(file.toString())));
        assertThat(findings).extracting(f -> f.ref() + " " + f.kind()).containsExactly(
                "6 RATING_CONTRADICTS_FIGURES", "7 RATING_CONTRADICTS_FIGURES", "8 COMMENTARY_TARGET", "9 COMMENTARY_TARGET");
        assertThat(findings.get(2).message()).contains("139 less clients than the 2018-19 January target", "2,188 is above the target 2,049");
        assertThat(ScorecardAudit.run(csv)).contains("\"summary\"", "\"RATING_CONTRADICTS_FIGURES\" : 2", "\"COMMENTARY_TARGET\" : 2");
    }

    @Test
    void aFileThatCannotBeReadNamesTheRowAndColumn() {
        assertThatThrownBy(() -> audit("1,Admissions,L,count,lots,,,130,,,,,\n")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).row()).isEqualTo(2)).hasMessageContaining("value");
        assertThatThrownBy(() -> audit("1,Admissions,L,count,137,,,130,,,,sideways,\n")).hasMessageContaining("published_dot");
    }
}
