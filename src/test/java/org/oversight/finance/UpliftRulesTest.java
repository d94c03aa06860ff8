package org.oversight.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.shared.InputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules of spec/rates-csv.md at their boundaries: uplifts, rounding to multiples, formulas in dependency order, cycles, unknown ids. */
class UpliftRulesTest {

    private static final BigDecimal PAY = new BigDecimal("2.8"), CPI = new BigDecimal("2.4");

    private static List<RateSchedule.Uplifted> uplift(String rows) {
        return RateSchedule.read(new StringReader("id,item,unit,current,basis,formula,multiple,proposed\n" + rows)).uplift(PAY, CPI);
    }

    @ParameterizedTest(name = "{0} × (1 + {1}) to a multiple of {2}: {3}")
    @CsvSource({"100.00, 2.8%, 0.01, 102.80", "10.00, 1.58%, 0.01, 10.16", "0.50, 1%, 0.01, 0.51", "0.25, 2%, 0.01, 0.26",
            "35.00, 0%, 0.07, 35.00", "35.00, 2.8%, 0.07, 35.98", "100, 0.035%, 0.07, 100.03", "100, 0.1%, 0.07, 100.10",
            "1.00, 2.5%, 0.02, 1.02", "1.00, 3%, 0.02, 1.04", "1.00, 1%, 0.02, 1.02"})
    void aRateRisesByItsPercentageAndIsRoundedHalfUpToAWholeMultiple(String current, String basis, String multiple, String expected) {
        assertThat(uplift("r,Rate,per week," + current + "," + basis + ",," + multiple + ",\n").get(0).value()).isEqualByComparingTo(expected);
    }

    @Test
    void theHalfWayPointRoundsUp() {
        assertThat(RateSchedule.round(new BigDecimal("0.035"), new BigDecimal("0.07"))).as("half a multiple").isEqualByComparingTo("0.07");
        assertThat(RateSchedule.round(new BigDecimal("0.0349"), new BigDecimal("0.07"))).isEqualByComparingTo("0");
        assertThat(RateSchedule.round(new BigDecimal("10.005"), new BigDecimal("0.01"))).isEqualByComparingTo("10.01");
        assertThat(RateSchedule.round(new BigDecimal("1.03"), new BigDecimal("0.02"))).as("1.03 is half way between 1.02 and 1.04").isEqualByComparingTo("1.04");
    }

    @Test
    void payAndCpiAreTheYearsAndFixedKeepsTheRate() {
        List<RateSchedule.Uplifted> u = uplift("a,Home care,per hour,18.00,PAY,,,\nb,Meal,per meal,4.00,cpi,,,\nc,Fee,flat rate,25.00,FIXED,,,\n");
        assertThat(u).extracting(RateSchedule.Uplifted::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("18.50"), new BigDecimal("4.10"), new BigDecimal("25.00"));
        assertThat(u).extracting(RateSchedule.Uplifted::rule).containsExactly("PAY 2.8%", "CPI 2.4%", "FIXED");
    }

    @Test
    void aFormulaIsWorkedOutFromTheNewRatesItNamesWhereverTheyStandAndThenRounded() {
        List<RateSchedule.Uplifted> u = uplift("""
                allowance,Allowance,per week,"2 * reward_0_8 + extra",FORMULA,"2 * reward_0_8 + extra",0.07,
                reward_0_8,Reward 0-8,per week,100.00,PAY,,,
                extra,Extra,per week,10.00,FORMULA,meal + 1,,
                meal,Hot meal,per meal,4.00,CPI,,,
                """.replace("\"2 * reward_0_8 + extra\",FORMULA", "0,FORMULA"));
        assertThat(u.get(2).value()).as("hot meal + £1, the meal's new rate").isEqualByComparingTo("5.10");
        assertThat(u.get(0).value()).as("2 × 102.80 + 5.10 = 210.70, a multiple of 0.07").isEqualByComparingTo("210.70");
        assertThat(uplift("a,A,,0,FORMULA,(b - 1) / 3,,\nb,B,,10,FIXED,,,\n").get(0).value()).isEqualByComparingTo("3.00");
    }

    @Test
    void aCycleOrAnUnknownIdOrABadFormulaIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> uplift("a,A,,1,FORMULA,b + 1,,\nb,B,,1,FORMULA,c * 2,,\nc,C,,1,FORMULA,a,,\n")).hasMessageContaining("Row 2, column formula")
                .hasMessageContaining("a → b → c → a");
        StringBuilder chain = new StringBuilder();
        for (int n = 0; n < 5_000; n++) {
            chain.append("r").append(n).append(",R,,1,FORMULA,r").append(n + 1).append(" + 0.01,,\n");
        }
        chain.append("r5000,R,,1,FIXED,,,\n");
        assertThatThrownBy(() -> uplift(chain.toString())).as("a chain of thousands refused by name, not a stack overflow").isInstanceOf(InputException.class)
                .hasMessageContaining("more than " + RateSchedule.DEPTH + " deep");
        assertThatThrownBy(() -> uplift("a,A,,1,FORMULA,a + 1,,\n")).hasMessageContaining("a → a");
        assertThatThrownBy(() -> uplift("a,A,,1,FORMULA,nobody + 1,,\n")).hasMessageContaining("'nobody'").extracting(e -> ((InputException) e).field())
                .isEqualTo("formula");
        assertThatThrownBy(() -> uplift("a,A,,1,FORMULA,(2 + ,,\n")).extracting(e -> ((InputException) e).field()).isEqualTo("formula");
        assertThatThrownBy(() -> uplift("a,A,,1,FORMULA,1 / (b - b),,\nb,B,,1,FIXED,,,\n")).hasMessageContaining("divides by 0");
        assertThatThrownBy(() -> uplift("a,A,,1,FORMULA,,,\n")).extracting(e -> ((InputException) e).field()).isEqualTo("formula");
        assertThatThrownBy(() -> uplift("a,A,,1,PAY,b,,\nb,B,,1,FIXED,,,\n")).hasMessageContaining("basis is FORMULA");
        assertThatThrownBy(() -> uplift("a,A,,1,SOMETIMES,,,\n")).extracting(e -> ((InputException) e).field()).isEqualTo("basis");
        assertThatThrownBy(() -> uplift("a,A,,1,PAY,,0,\n")).extracting(e -> ((InputException) e).field()).isEqualTo("multiple");
        assertThatThrownBy(() -> uplift("a,A,,1,PAY,,,\na,B,,1,PAY,,,\n")).hasMessageContaining("Row 3, column id");
    }

    @Test
    void theCommandPrintsTheSpecsJsonWithTheMismatches(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rates.csv");
        Files.writeString(f, """
                id,item,unit,current,basis,formula,multiple,proposed
                homecare,Home care,per hour,18.00,PAY,,,18.50
                meal,Hot meal,per meal,4.00,CPI,,,4.20
                """);
        String json = UpliftCommand.run(f, PAY, CPI);
        JsonNode out = JsonMapper.builder().build().readTree(json);
        assertThat(out.get("items").get(0).get("new").decimalValue()).isEqualByComparingTo("18.50");
        assertThat(json).as("numbers with two decimals").contains("\"new\" : 4.10,").contains("\"current\" : 18.00,");
        assertThat(out.get("mismatches")).hasSize(1);
        assertThat(out.get("mismatches").get(0).get("id").asString()).isEqualTo("meal");
        assertThat(out.get("mismatches").get(0).get("published").decimalValue()).isEqualByComparingTo("4.20");
    }

    @Test
    void theMarch2019SchedulesPublishedFiguresFollowFromTheirBasisOrAreFlagged() throws Exception {
        Path demo = Path.of(getClass().getResource("/demo/rates/asc-2019-20.csv").toURI());
        JsonNode out = JsonMapper.builder().build().readTree(UpliftCommand.run(demo, PAY, CPI));
        assertThat(out.get("items")).hasSize(31);
        List<String> flagged = new java.util.ArrayList<>();
        out.get("mismatches").forEach(m -> flagged.add(m.get("id").asString()));
        assertThat(flagged).as("the figures the paper publishes that its stated basis does not give").containsExactlyInAnyOrder("deferred_setup",
                "deferred_annual", "selffunder_fee", "pfi_older_people", "day_ld_standard", "day_ld_standard_half");
    }
}
