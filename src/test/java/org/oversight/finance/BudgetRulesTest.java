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
import org.oversight.shared.DecimalCell;
import org.oversight.shared.InputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rules of spec/budget-csv.md at their boundaries: nets, totals, revised and movement, the variance lists, volume and price. */
class BudgetRulesTest {

    private static List<RevenueLine> lines(String csv) {
        return BudgetCsv.read(new StringReader(csv)).lines();
    }

    @ParameterizedTest(name = "net {2} against {0} + {1}: inconsistent {3}")
    @CsvSource({"1000, -400, 600, false", "1000, -400, 601, false", "1000, -400, 599, false", "1000, -400, 602, true",
            "10.4, -2.1, 8.3, false", "10.4, -2.1, 8.4, false", "10.4, -2.1, 8.5, true", "1000, -400, 598, true"})
    void aNetIsGrossPlusIncomeToOneUnitInItsLastWrittenDigit(String gross, String income, String net, boolean inconsistent) {
        List<RevenueLine> l = lines("heading,cash_limit_gross,cash_limit_income,cash_limit_net\nHome care," + gross + "," + income + "," + net + "\n");
        assertThat(new RevenueBook(l).inconsistencies()).hasSize(inconsistent ? 1 : 0);
    }

    @Test
    void theRevisedVarianceTakesTheAdjustmentAndTheMovementIsFromTheLastReport() {
        RevenueLine l = lines("heading,variance_gross,variance_income,adjustment,last_reported\nNursing,\"1,250\",(237),-100,800\n").get(0);
        assertThat(l.variance()).as("gross + income when no net is written").isEqualByComparingTo("1013");
        assertThat(l.revised()).isEqualByComparingTo("913");
        assertThat(l.movement()).isEqualByComparingTo("113");
        RevenueLine first = lines("heading,variance_net\nNew service,50\n").get(0);
        assertThat(first.revised()).as("no adjustment is none").isEqualByComparingTo("50");
        assertThat(first.movement()).as("nothing reported last time: no movement").isNull();
    }

    @Test
    void aTotalIsTheSumOfTheLinesAboveItInItsGroupAndAGroupLineTheSumOfItsLines() {
        String csv = """
                heading,group,cash_limit_net,variance_net
                Adult Social Care,,300,33
                Older People - Nursing,Adult Social Care,100,10
                Learning Disability,Adult Social Care,200,20
                Total Adult Social Care,Adult Social Care,300,30
                Children,,50,5
                TOTAL,,350,38
                """;
        List<RevenueBook.Inconsistency> found = new RevenueBook(lines(csv)).inconsistencies();
        assertThat(found).extracting(RevenueBook.Inconsistency::heading, RevenueBook.Inconsistency::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Adult Social Care", "variance_net"));
        assertThat(found.get(0).computed()).isEqualByComparingTo("30");
    }

    /** Two lines of a group given by name only (no line of its own), then a total of another file's figures. */
    private static final String TWO_LINES = """
            heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_gross,variance_income,variance_net
            Older People,Test Directorate,100,-10,90,5,0,5
            Learning Disability,Test Directorate,50,-10,40,-2,0,-2
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Total,,150,-20,130,500,0,500", "TOTAL,,150,-20,130,500,0,500", "Total Test Directorate,,150,-20,130,500,0,500",
            "Total Test Directorate,Test Directorate,150,-20,130,500,0,500"})
    void aTotalIsCheckedAgainstTheLinesItClosesWhateverItsGroupAGrandTotalAgainstEveryLineAboveIt(String total) {
        List<RevenueLine> lines = lines(TWO_LINES + total + "\n");
        List<RevenueBook.Inconsistency> found = new RevenueBook(lines).inconsistencies();
        assertThat(found).extracting(RevenueBook.Inconsistency::row, RevenueBook.Inconsistency::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "variance_gross"), org.assertj.core.groups.Tuple.tuple(4, "variance_net"));
        assertThat(found.get(1).computed()).as("the two lines' variances").isEqualByComparingTo(lines.get(0).varianceNet().add(lines.get(1).varianceNet()));
        assertThat(new RevenueBook(lines(TWO_LINES + total.replace("500,0,500", "3,0,3") + "\n")).inconsistencies()).as("a true total").isEmpty();
    }

    @Test
    void aTotalWithNoLinesAboveItAddsUpNothingAndAGrandTotalTakesEachGroupOnceByItsOwnLine() {
        assertThat(new RevenueBook(lines("heading,group,cash_limit_net\nTotal,,130\nOlder People,,130\n")).inconsistencies())
                .as("a total comes after its lines").extracting(RevenueBook.Inconsistency::row).containsExactly(2);
        String csv = """
                heading,group,cash_limit_net,variance_net
                Adults,,300,33
                Older People,Adults,100,13
                Learning Disability,Adults,200,20
                Nursing,Health,40,-2
                TOTAL,,340,31
                Total (excluding schools),,340,31
                """;
        assertThat(new RevenueBook(lines(csv)).inconsistencies()).as("Adults by its own line, Health (not a line) by its lines").isEmpty();
        assertThat(new RevenueBook(lines(csv.replace("TOTAL,,340,31", "TOTAL,,640,64"))).inconsistencies()).as("Adults counted twice")
                .extracting(RevenueBook.Inconsistency::column).containsExactly("cash_limit_net", "variance_net");
    }

    @ParameterizedTest(name = "revised {0} with threshold 100: pressure {1}, underspend {2}")
    @CsvSource({"100, true, false", "99.9, false, false", "-100, false, true", "-99, false, false", "0, false, false", "250, true, false"})
    void theVarianceListsHoldLinesAtOrOverTheThresholdInSize(String revised, boolean pressure, boolean underspend) {
        RevenueBook book = new RevenueBook(lines("heading,variance_net\nLine," + revised + "\n"));
        assertThat(book.pressures(BudgetCommand.THRESHOLD)).hasSize(pressure ? 1 : 0);
        assertThat(book.underspends(BudgetCommand.THRESHOLD)).hasSize(underspend ? 1 : 0);
    }

    @Test
    void theVarianceListsRunLargestFirstAndLeaveOutTotalsAndGroups() {
        RevenueBook book = new RevenueBook(lines("""
                heading,group,variance_net
                Directorate,,900
                Small,Directorate,150
                Large,Directorate,600
                Saving,Directorate,-300
                Total Directorate,Directorate,450
                """));
        assertThat(book.pressures(BudgetCommand.THRESHOLD)).extracting(RevenueBook.Variance::heading).containsExactly("Large", "Small");
        assertThat(book.underspends(BudgetCommand.THRESHOLD)).extracting(RevenueBook.Variance::heading).containsExactly("Saving");
    }

    @ParameterizedTest(name = "{0} affordable, {1} forecast, £{2} budgeted, £{3} forecast: volume {4}, price {5}")
    @CsvSource({"1000, 1100, 500, 520, 52000, 20000", "1000, 900, 500, 480, -48000, -20000", "10, 10.5, 100, 101, 51, 10",
            "3, 3, 10.25, 10.5, 0, 1", "3, 3, 10.5, 10.25, 0, -1"})
    void theVarianceSplitsIntoVolumeAndPriceInWholePounds(String affordable, String forecast, String budgetCost, String forecastCost, String volume,
                                                         String price) {
        ActivityBudget a = new ActivityBudget(2, "Nursing (weeks)", new BigDecimal(affordable), new BigDecimal(forecast), new BigDecimal(budgetCost),
                new BigDecimal(forecastCost), null, null);
        assertThat(a.volumeVariance()).isEqualByComparingTo(volume);
        assertThat(a.priceVariance()).isEqualByComparingTo(price);
        assertThat(a.totalVariance()).isEqualByComparingTo(new BigDecimal(volume).add(new BigDecimal(price)));
    }

    @Test
    void aBadCellNamesItsRowAndColumnAndAFileIsOneTableOrTheOther() {
        assertThatThrownBy(() -> lines("heading,cash_limit_net\nHome care,1o0\n")).isInstanceOf(InputException.class)
                .extracting(e -> ((InputException) e).row(), e -> ((InputException) e).field()).containsExactly(2, "cash_limit_net");
        assertThatThrownBy(() -> lines("heading,group\nA,\nA,\n")).hasMessageContaining("each heading is one line of its group");
        assertThat(lines("heading,group\nX,\nY,\nPrevention,X\nPrevention,Y\n")).as("a service line in two directorates").hasSize(4);
        assertThatThrownBy(() -> lines("heading,group\nX,\nY,\nX,Y\nZ,X\n")).extracting(e -> ((InputException) e).field()).isEqualTo("group");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("service,heading\nx,y\n"))).hasMessageContaining("separate files");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("name,amount\nx,1\n"))).hasMessageContaining("needs a heading column");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("service,forecast_units\nNursing,-5\n"))).extracting(e -> ((InputException) e).field())
                .isEqualTo("forecast_units");
    }

    @Test
    void theCommandPrintsTheSpecsJsonAndStoresNothing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("lines.csv");
        Files.writeString(f, """
                heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,adjustment,last_reported,comment
                Older People - Nursing,,"2,000",(500),"1,600",300,-50,200,More placements
                Home care,,900,-100,800,-120,,-100,Fewer hours
                """);
        JsonNode out = JsonMapper.builder().build().readTree(BudgetCommand.run(f, BudgetCommand.THRESHOLD));
        assertThat(out.get("lines").get(0).get("revised").decimalValue()).isEqualByComparingTo("250");
        assertThat(out.get("lines").get(0).get("movement").decimalValue()).isEqualByComparingTo("50");
        assertThat(out.get("inconsistencies").get(0).get("column").asString()).isEqualTo("cash_limit_net");
        assertThat(out.get("inconsistencies").get(0).get("computed").decimalValue()).isEqualByComparingTo("1500");
        assertThat(out.get("pressures").get(0).get("heading").asString()).isEqualTo("Older People - Nursing");
        assertThat(out.get("underspends").get(0).get("amount").decimalValue()).isEqualByComparingTo("-120");
        Path lying = dir.resolve("lying.csv");
        Files.writeString(lying, TWO_LINES + "Total,,150,-20,130,500,0,500\n");
        JsonNode found = JsonMapper.builder().build().readTree(BudgetCommand.run(lying, BudgetCommand.THRESHOLD)).get("inconsistencies");
        assertThat(found).as("the grand total of a group with no line of its own").extracting(n -> n.get("column").asString())
                .containsExactly("variance_gross", "variance_net");
        Path a = dir.resolve("activity.csv");
        Files.writeString(a, "service,affordable_units,forecast_units,budget_unit_cost,forecast_unit_cost\nNursing (weeks),1000,1100,500,520\nDay care,,,,\n");
        JsonNode services = JsonMapper.builder().build().readTree(BudgetCommand.run(a, BudgetCommand.THRESHOLD)).get("services");
        assertThat(services.get(0).get("total_variance").decimalValue()).isEqualByComparingTo("72000");
        assertThat(services.get(1).get("volume_variance").isNull()).as("a missing figure stays missing").isTrue();
        Path lines = dir.resolve("service-lines.csv");
        Files.writeString(lines, "directorate,service_line,cash_limit_net\nAdults,Older People,81.0\n");
        assertThatThrownBy(() -> BudgetCommand.run(lines, BudgetCommand.THRESHOLD)).as("not a table of the spec: refused, not printed as an empty one")
                .hasMessageContaining("service line files in the app");
    }

    private static CapitalLine scheme(String csv) {
        return BudgetCsv.read(new StringReader("directorate,scheme,approved_cost,real_variance,delayed,funding\n" + csv + "\n")).schemes().get(0);
    }

    @ParameterizedTest(name = "real {0}, delayed {1}, funding \"{2}\": {3}")
    @CsvSource(delimiter = '|', value = {
            "0      | no  |                        | GREEN",
            "-0.5   | no  |                        | GREEN",
            "0.001  | no  |                        | AMBER",
            "0.5    | no  | Grant: 10.5            | GREEN",
            "0.5    | no  | Grant: 10.4            | AMBER",
            "0.5    | no  | Grant: 6; Borrowing: 4.5 | GREEN",
            "0      | yes |                        | AMBER",
            "-1     | yes |                        | AMBER",
            "0.001  | yes | Grant: 20              | RED",
            "0.5    |     |                        | ''"})
    void aSchemesStatusIsGreenOnTimeAndBudgetAmberDelayedOrOverAndUnfundedRedDelayedAndOver(String real, String delayed, String funding, String status) {
        CapitalLine l = scheme("GET,Bridge,10," + real + "," + java.util.Objects.toString(delayed, "") + ",\"" + java.util.Objects.toString(funding, "") + "\"");
        assertThat(l.status() == null ? "" : l.status().name()).isEqualTo(status);
    }

    @ParameterizedTest(name = "real movement {0}, rephasing movement {1}: reported {2}")
    @CsvSource({"100000, 0, false", "100001, 0, true", "-100001, 0, true", "0, 1000000, false", "0, -1000001, true", ", 1000001, true", ",, false"})
    void aSchemeIsInTheHeadlinesWhenItsRealMovementIsOver100kOrItsRephasingOver1m(BigDecimal real, BigDecimal rephasing, boolean reported) {
        assertThat(CapitalLine.reported(real, rephasing, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD)).isEqualTo(reported);
    }

    @Test
    void aCapitalLinesVarianceIsRealPlusRephasingAndItsMovementsAreFromTheSplitLastReported() {
        List<CapitalLine> lines = BudgetCsv.read(new StringReader("""
                directorate,scheme,budget,real_variance,rephasing_variance,last_real,last_rephasing,previous_spend,spend_to_date,approved_cost
                GET,A28 Chart Road,10,0.2,-2.827,0.1,0,1,2,3
                GET,Westwood Relief,5,-1,,0,,,,
                """)).schemes();
        assertThat(lines.get(0).yearVariance()).isEqualByComparingTo("-2.627");
        assertThat(lines.get(0).forecast()).isEqualByComparingTo("7.373");
        assertThat(lines.get(0).spentBeyondApproval()).as("spent 3 of 3 approved").isFalse();
        assertThat(lines.get(1).yearVariance()).as("a missing part leaves the variance missing").isNull();
        CapitalProgramme p = new CapitalProgramme(lines, List.of(), CapitalProgramme.REAL_THRESHOLD.movePointLeft(6), CapitalProgramme.REPHASING_THRESHOLD.movePointLeft(6));
        CapitalProgramme.Row total = p.directorates().get(0).total();
        assertThat(total.real()).isEqualByComparingTo("-0.8");
        assertThat(total.realMovement()).isEqualByComparingTo("-0.9");
        assertThat(total.rephasingMovement()).as("the sum of what is there").isEqualByComparingTo("-2.827");
        assertThat(p.headlines()).extracting(CapitalProgramme.Row::scheme).containsExactly("A28 Chart Road", "Westwood Relief");
        assertThat(scheme("GET,Overspent,3,0,no,").spentBeyondApproval()).isFalse();
        CapitalLine over = BudgetCsv.read(new StringReader("directorate,scheme,approved_cost,previous_spend,spend_to_date\nGET,X,3,2,1.001\n")).schemes().get(0);
        assertThat(over.spentBeyondApproval()).isTrue();
    }

    @Test
    void capitalAndReserveFilesNameTheRowAndColumnOfABadCell() {
        assertThatThrownBy(() -> scheme("GET,Bridge,10,0,maybe,")).extracting(e -> ((InputException) e).field()).isEqualTo("delayed");
        assertThatThrownBy(() -> scheme("GET,Bridge,10,0,no,Grant 2")).extracting(e -> ((InputException) e).field()).isEqualTo("funding");
        assertThatThrownBy(() -> scheme("GET,Bridge,10,0,no,Grant: 2; grant: 1")).hasMessageContaining("named twice");
        assertThatThrownBy(() -> scheme("GET,Bridge,-10,0,no,")).extracting(e -> ((InputException) e).field()).isEqualTo("approved_cost");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("directorate,scheme\nGET,A\nGET,A\n"))).hasMessageContaining("Row 3, column scheme");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("reserve,movement,description\nInsurance,0.9,Transfer\n")))
                .hasMessageContaining("no balances on an earlier line");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("reserve,balance_start,balance_end\nInsurance,1,\n")))
                .extracting(e -> ((InputException) e).field()).isEqualTo("balance_end");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("reserve,balance_start,balance_end,movement\nInsurance,1,2,\nInsurance,,,1\n")))
                .extracting(e -> ((InputException) e).field()).isEqualTo("description");
        assertThatThrownBy(() -> BudgetCsv.read(new StringReader("reserve,heading\nx,y\n"))).hasMessageContaining("separate files");
    }

    @ParameterizedTest(name = "{0} + movements {1} → {2}: unbalanced {3}")
    @CsvSource(delimiter = '|', value = {
            "30.171 | 2.230        | 32.400 | false",
            "30.171 | 2.230        | 32.401 | false",
            "30.171 | 2.230        | 32.403 | true",
            "163.2  | -10.9; -25.8 | 126.5  | false",
            "163.2  | -10.9; -25.8 | 126.6  | false",
            "163.2  | -10.9; -25.8 | 126.7  | true",
            "10     | -1           | 8      | false",
            "10.0   | -1.0         | 8.0    | true",
            "36.7   |              | 40     | false"})
    void aReservesMovementsTakeItsOpeningBalanceToTheProjectedOneToOneUnitInItsLastWrittenDigit(String opening, String movements, String projected, boolean unbalanced) {
        StringBuilder csv = new StringBuilder("reserve,balance_start,balance_end,movement,description\nR," + opening + "," + projected + ",,\n");
        for (String m : movements == null ? new String[0] : movements.split(";")) {
            csv.append("R,,,").append(m.strip()).append(",m\n");
        }
        assertThat(BudgetCsv.read(new StringReader(csv.toString())).reserves().get(0).unbalanced()).isEqualTo(unbalanced);
    }

    @ParameterizedTest(name = "{0} written, {1} added from {2} figures: beyond their rounding {3}")
    @CsvSource({"149.0, 148.9, 6, false", "149.0, 148.65, 6, true", "0.6, 0.4, 2, true", "0.6, 0.5, 2, false", "0.6, 0.45, 2, true",
            "938.1, 937.8, 60, false", "938.1, 934.9, 60, true", "13.8, 13.7, 1, false", "13.8, 13.6, 1, true"})
    void aWrittenTotalMayDifferFromItsRoundedPartsByHalfAUnitForEachAndForItselfAndNoMore(String written, String sum, int n, boolean beyond) {
        assertThat(DecimalCell.beyondRounding(new BigDecimal(written), new BigDecimal(sum), n)).isEqualTo(beyond);
    }

    private static List<ServiceLine> services(String rows) {
        return BudgetCsv.read(new StringReader("directorate,division,service_line,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,movement\n" + rows))
                .serviceLines();
    }

    @Test
    void aServiceLineTotalAddsUpItsDivisionItsDirectorateOrEveryLineAsItNamesThem() {
        List<ServiceLine> l = services("""
                CYPE,SCS,Asylum,23.6,-23.1,0.6,4.1,0.2
                CYPE,EYPS,Early Years,74.4,-73.4,1.0,0.6,0.0
                ASCH,,Older People,172.5,-91.5,81.0,4.0,0.7
                CYPE,SCS,Sub Total SCS,23.6,-23.1,0.6,4.1,0.2
                CYPE,,Sub Total CYPE,98.0,-96.5,1.6,4.7,0.2
                ,,TOTAL,270.5,-188.0,82.6,8.7,0.9
                """);
        ServiceLine scs = l.get(3), cype = l.get(4), all = l.get(5);
        assertThat(List.of(scs, cype, all)).allMatch(ServiceLine::total);
        assertThat(l.subList(0, 3).stream().filter(scs::covers)).extracting(ServiceLine::name).containsExactly("Asylum");
        assertThat(l.subList(0, 3).stream().filter(cype::covers)).extracting(ServiceLine::name).containsExactly("Asylum", "Early Years");
        assertThat(l.stream().filter(all::covers)).as("a total never adds up another total").extracting(ServiceLine::name)
                .containsExactly("Asylum", "Early Years", "Older People");
        assertThat(ServiceLine.roundedTo(l, new BigDecimal(1_000_000))).as("written to £0.1m").isEqualByComparingTo("100000");
        assertThat(ServiceLine.roundedTo(services("X,,Y,1200,-200,1000,,\n"), BigDecimal.ONE)).as("written to the pound").isEqualByComparingTo("1");
        assertThat(ServiceLine.roundedTo(services("X,,Y,164,0,164,1.6,0\n"), new BigDecimal(1_000_000))).as("a spreadsheet's 164 and 0 beside 1.6: the file "
                + "is to £0.1m").isEqualByComparingTo("100000");
        assertThat(services("X,,Grand total,1,0,1,,\nX,,  sub-Total x,1,0,1,,\nX,,Totally new service,1,0,1,,\n")).extracting(ServiceLine::total)
                .containsExactly(true, true, false);
    }

    @Test
    void aServiceLinesFileNamesTheRowAndColumnOfABadCell() {
        assertThatThrownBy(() -> services(",,Older People,1,0,1,,\n")).extracting(e -> ((InputException) e).field()).isEqualTo("directorate");
        assertThatThrownBy(() -> services("ASCH,,Older People,1,0.5,1.5,,\n")).extracting(e -> ((InputException) e).field()).isEqualTo("cash_limit_income");
        assertThatThrownBy(() -> services("ASCH,,Older People,1,0,1,,\nASCH,,Older People,2,0,2,,\n")).hasMessageContaining("Row 3, column service_line");
        assertThatThrownBy(() -> services(",SCS,Sub Total SCS,1,0,1,,\n")).hasMessageContaining("names its directorate too");
        assertThat(BudgetCsv.read(new StringReader("directorate,service_line\nASCH,Older People\n")).kind()).as("a service_line column makes the file service lines, "
                + "though it names directorates as a capital file does").isEqualTo(BudgetCsv.Kind.SERVICE_LINES);
    }

    @Test
    void aDirectorateOfTheHeadlineWithoutServiceLinesIsFoundButOneReportedOutsideItIsNot() {
        java.time.YearMonth m = java.time.YearMonth.of(2017, 9);
        Budget.Figures budget = new Budget.Figures(null, null, new BigDecimal("81000000"), new BigDecimal("4000000"), null, null, null, null);
        Budget book = new Budget(m, List.of(new Budget.Heading(1, null, "Adults", 0, false), new Budget.Heading(2, null, "Children", 1, false),
                new Budget.Heading(3, null, "Schools", 2, true)), java.util.Map.of(1L, budget, 2L, budget, 3L, budget), null);
        List<ServiceLine> lines = services("Adults,,Older People,172.5,-91.5,81.0,4.0,\n").stream().map(l -> new ServiceLine(l.row(), l.directorate(), l.division(),
                l.name(), l.gross().movePointRight(6), l.income().movePointRight(6), l.net().movePointRight(6), l.variance().movePointRight(6), null,
                new BigDecimal("100000"))).toList();
        ServiceAnalysis a = ServiceAnalysis.of(lines, book, x -> x.movePointLeft(6).toPlainString());
        assertThat(a.disagreements()).extracting(ServiceAnalysis.Disagreement::directorate).containsExactly("Children");
        assertThat(a.disagreements().get(0).text()).contains("has no service lines");
    }
}
