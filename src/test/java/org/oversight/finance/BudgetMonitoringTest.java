package org.oversight.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.DecimalCell;
import org.oversight.shared.InputException;
import org.oversight.structure.Unit;
import org.oversight.structure.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A month's monitoring file loaded all or nothing into the budget book, and the position worked out from it. */
@OversightTest
class BudgetMonitoringTest {

    @LocalServerPort int port;
    @Autowired Units units;
    @Autowired BudgetImport imports;
    @Autowired Budgets budgets;
    @Autowired CapitalProgrammes capitalProgrammes;
    @Autowired Reserves reserves;
    @Autowired ServiceLines serviceLines;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired Forecasts forecasts;
    @Autowired Narratives narratives;
    @Autowired CapitalForecasts capitalForecasts;
    @Autowired BudgetPapers papers;

    // A year of its own, so the other tests' books do not meet this one.
    private static final YearMonth AUGUST = YearMonth.of(2031, 8), SEPTEMBER = YearMonth.of(2031, 9);

    private static final String BOOK = """
            heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,adjustment,last_reported,comment
            Test Directorate %1$s,,,,,,-0.5,,
            Management action %1$s,Test Directorate %1$s,,,,,-0.5,,Corporate Director's adjustment
            Older People %1$s,Test Directorate %1$s,172.5,-91.5,81.0,4.0,,3.3,More nursing placements
            Learning Disability %1$s,Test Directorate %1$s,163.9,-13.2,150.6,1.6,,1.8,
            Total Test Directorate %1$s,Test Directorate %1$s,336.4,-104.7,231.6,5.6,,,
            """;

    private byte[] book(String name, String extra) {
        return (BOOK.formatted(name) + extra).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstMonthSetsTheBookAndThePositionIsWorkedOutFromItsLines() {
        String name = "A" + System.nanoTime();
        BudgetImport.Result r = imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        assertThat(r.headingsMade()).isEqualTo(4);
        assertThat(r.lines()).as("two service lines and the Corporate Director's adjustment, a line of its own").isEqualTo(3);
        Budget.Position d = budgets.of(AUGUST).positions().stream().filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst().orElseThrow();
        assertThat(d.cashLimit()).as("the sum of its lines, in pounds").isEqualByComparingTo("231600000");
        assertThat(d.variance()).isEqualByComparingTo("5600000");
        assertThat(d.revised()).as("with the Corporate Director's adjustment").isEqualByComparingTo("5100000");
        assertThat(d.lastReported()).as("the lines' last reported, in the first month loaded").isEqualByComparingTo("5100000");
        assertThat(d.movement()).isEqualByComparingTo("0");

        // September: forecasts only, against the book; August's revised is September's last reported.
        String september = """
                heading,group,variance_net,adjustment
                Management action %1$s,Test Directorate %1$s,,-1.0
                Older People %1$s,Test Directorate %1$s,4.4,
                Learning Disability %1$s,Test Directorate %1$s,1.2,
                """.formatted(name);
        imports.load(SEPTEMBER, BudgetImport.Unit.MILLIONS, september.getBytes(StandardCharsets.UTF_8), false, null, "officer");
        Budget.Position s = budgets.of(SEPTEMBER).positions().stream().filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst()
                .orElseThrow();
        assertThat(s.revised()).isEqualByComparingTo("4600000");
        assertThat(s.lastReported()).isEqualByComparingTo("5100000");
        assertThat(s.movement()).isEqualByComparingTo("-500000");
        assertThat(s.cashLimit()).as("the year's cash limits carry to each month").isEqualByComparingTo("231600000");
        assertThat(budgets.variances(budgets.of(SEPTEMBER), Budgets.THRESHOLD, 1)).extracting(p -> p.heading().name())
                .containsSubsequence("Older People " + name, "Learning Disability " + name);
    }

    @Test
    void aBadFileIsRefusedNamingTheLineAndColumnAndNothingIsStored() {
        String name = "B" + System.nanoTime();
        long before = jdbc.sql("select count(*) from budget_heading").query(Long.class).single();
        String badNet = BOOK.formatted(name).replace("172.5,-91.5,81.0", "172.5,-91.5,83.0");
        assertThatThrownBy(() -> imports.load(AUGUST, BudgetImport.Unit.MILLIONS, badNet.getBytes(StandardCharsets.UTF_8), true, null, "officer"))
                .isInstanceOf(InputException.class).hasMessageContaining("Row 4, column cash_limit_net");
        String badTotal = BOOK.formatted(name).replace("336.4,-104.7,231.6,5.6", "336.4,-104.7,231.6,6.6");
        assertThatThrownBy(() -> imports.load(AUGUST, BudgetImport.Unit.MILLIONS, badTotal.getBytes(StandardCharsets.UTF_8), true, null, "officer"))
                .hasMessageContaining("Row 6, column variance_net");
        assertThatThrownBy(() -> imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), false, null, "officer"))
                .as("a forecast for a heading that does not exist").hasMessageContaining("There is no heading");
        assertThat(jdbc.sql("select count(*) from budget_heading").query(Long.class).single()).isEqualTo(before);

        imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        byte[] virement = BOOK.formatted(name).replace("172.5,-91.5,81.0", "173.5,-91.5,82.0").replace("336.4,-104.7,231.6", "337.4,-104.7,232.6")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.load(AUGUST, BudgetImport.Unit.MILLIONS, virement, true, " ", "officer")).as("a cash limit change without a reason")
                .hasMessageContaining("give the reason for the change");
        imports.load(AUGUST, BudgetImport.Unit.MILLIONS, virement, true, "Winter pressures funding", "officer");
        assertThat(jdbc.sql("select reason from cash_limit_change c join budget_heading h on h.id = c.heading_id where h.name = :n")
                .param("n", "Older People " + name).query(String.class).single()).isEqualTo("Winter pressures funding");
        assertThat(jdbc.sql("select net from cash_limit_change c join budget_heading h on h.id = c.heading_id where h.name = :n")
                .param("n", "Older People " + name).query(BigDecimal.class).single()).isEqualByComparingTo("1000000");
    }

    @Test
    void aGrandTotalIsRefusedWhenItIsNotTheSumOfTheLinesItClosesWhateverItsGroupAndNothingIsStored() {
        String name = "G" + System.nanoTime();
        String lines = """
                heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_gross,variance_income,variance_net
                Older People %1$s,Test Directorate %1$s,100,-10,90,5,0,5
                Learning Disability %1$s,Test Directorate %1$s,50,-10,40,-2,0,-2
                """.formatted(name);
        long before = jdbc.sql("select count(*) from budget_heading").query(Long.class).single();
        for (String total : List.of("Total", "TOTAL", "Total Test Directorate " + name)) {
            assertThatThrownBy(() -> imports.load(AUGUST, BudgetImport.Unit.MILLIONS, bytes(lines + total + ",,150,-20,130,500,0,500\n"), true, null, "officer"))
                    .as(total).hasMessageContaining("Row 4, column variance_gross");
        }
        // Named otherwise, a total would be stored as a heading and counted again in the council's total: refused by name.
        for (String total : List.of("Grand Total", "Sub-total", "Subtotal")) {
            assertThatThrownBy(() -> imports.load(AUGUST, BudgetImport.Unit.MILLIONS, bytes(lines + total + ",,150,-20,130,500,0,500\n"), true, null, "officer"))
                    .as(total).hasMessageContaining("Row 4, column heading").hasMessageContaining("reads as a total");
        }
        assertThat(jdbc.sql("select count(*) from budget_heading").query(Long.class).single()).isEqualTo(before);
        assertThat(imports.load(AUGUST, BudgetImport.Unit.MILLIONS, bytes(lines + "Total,,150,-20,130,3,0,3\n"), true, null, "officer").lines())
                .as("a true grand total").isEqualTo(2);
    }

    @Test
    void theDemoIsTable1OfSeptember2017AndItsTotalsAreThePublishedTotalsToTheirRounding() throws Exception {
        Budget b = budgets.of(FinanceDemoData.MONTH);
        List<RevenueLine> published = BudgetCsv.read(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(FinanceDemoData.table1()),
                StandardCharsets.UTF_8)).lines();
        RevenueLine total = published.stream().filter(l -> l.heading().equals("TOTAL")).findFirst().orElseThrow();
        Budget.Position worked = budgets.total(b);
        BigDecimal million = new BigDecimal(1_000_000), unit = new BigDecimal("0.001");
        assertThat(worked.cashLimit().divide(million)).isCloseTo(total.cashLimitNet(), org.assertj.core.api.Assertions.within(unit));
        assertThat(worked.variance().divide(million)).isCloseTo(total.varianceNet(), org.assertj.core.api.Assertions.within(unit));
        assertThat(worked.adjustment().divide(million)).isCloseTo(total.adjustment(), org.assertj.core.api.Assertions.within(unit));
        assertThat(worked.lastReported().divide(million)).isCloseTo(total.lastReported(), org.assertj.core.api.Assertions.within(unit));
        // Each directorate as Table 1 prints it: its sub-total, to its rounding.
        for (RevenueLine line : published.stream().filter(l -> l.group().isEmpty() && !l.total()).toList()) {
            // Under the structure's one name for the directorate the paper wrote ("Adult Social Care & Health" is Adult Social Care and Health).
            String named = units.named(line.heading()).map(Unit::name).orElse(line.heading());
            Budget.Position p = b.positions().stream().filter(x -> x.heading().name().equals(named)).findFirst().orElseThrow();
            assertThat(p.cashLimit().divide(million)).as(line.heading()).isCloseTo(line.cashLimitNet(), org.assertj.core.api.Assertions.within(unit));
            assertThat(p.variance().divide(million)).as(line.heading()).isCloseTo(line.varianceNet(), org.assertj.core.api.Assertions.within(unit));
        }
    }

    @Test
    void aForecastTypedInThousandsIsSavedAsReadAndAStaleOneIsRefused() {
        String name = "D" + System.nanoTime();
        imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        Budget.Heading older = budgets.of(AUGUST).positions().stream().filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst()
                .orElseThrow().lines().get(1).heading();
        int read = forecasts.of(older.id(), AUGUST).orElseThrow().version();
        assertThatThrownBy(() -> forecasts.save(older, AUGUST, "300", "-100", "250", null, null, null, read, "officer")).as("net is gross + income")
                .extracting(e -> ((InputException) e).field()).isEqualTo("varianceNet");
        forecasts.save(older, AUGUST, "300", "-100", null, null, null, "Placements up", read, "officer");
        assertThat(forecasts.of(older.id(), AUGUST).orElseThrow().forecast().net()).isEqualByComparingTo("200000");
        assertThatThrownBy(() -> forecasts.save(older, AUGUST, null, null, "150", null, null, null, read, "officer")).as("read before the last save")
                .isInstanceOf(ConflictException.class);
        Budget.Heading directorate = budgets.heading(older.parentId()).orElseThrow();
        assertThatThrownBy(() -> forecasts.save(directorate, AUGUST, null, null, "150", null, null, null, -1, "officer")).as("a group's variance is its lines'")
                .hasMessageContaining("is the sum of its lines");
    }

    @Test
    void aMonthsActivityBudgetsAreLoadedAndTheirVariancesSplitIntoVolumeAndPrice() throws Exception {
        YearMonth month = YearMonth.of(2031, 10);
        String service = "Older People - Nursing (weeks) " + System.nanoTime();
        byte[] file = ("service,affordable_units,forecast_units,budget_unit_cost,forecast_unit_cost\n" + service + ",1000,1100,500,520\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(imports.load(month, BudgetImport.Unit.MILLIONS, file, false, null, "officer").lines()).isEqualTo(1);
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, ("service,forecast_units\nA,1\nA,2\n").getBytes(StandardCharsets.UTF_8),
                false, null, "officer")).hasMessageContaining("Row 3, column service");
        String page = users.signedIn(port, Role.MEMBER).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/budget/activity?month=2031-10"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains(service, "52,000", "20,000", "72,000");
    }

    @Test
    void theDirectoratePositionPageShowsTheTotalsAndIsForStaffOnly() throws Exception {
        String name = "C" + System.nanoTime();
        imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        var officer = users.signedIn(port, Role.FINANCE_OFFICER);
        String page = officer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/budget?month=2031-08")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Directorate position, August 2031", "Test Directorate " + name, "231.6", "5.1");
        var anonymous = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/budget")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.body()).doesNotContain("Test Directorate");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCapitalFileIsRefusedWholeWhenASchemeHasSpentBeyondItsApprovedCostOrItsFiguresDoNotAddUp() throws Exception {
        YearMonth month = YearMonth.of(2031, 11);
        String d = "Capital Directorate " + System.nanoTime();
        String header = "directorate,scheme,approved_cost,approval,previous_spend,spend_to_date,budget,variance,real_variance,rephasing_variance,delayed,funding\n";
        String schemes = d + ",Bridge,10,,6,3,5,-0.5,0.5,-1,yes,Grant: 10.5\n" + d + ",Depot,4,,1,1,2,,0,0,no,\n";
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + schemes + d + ",Library,2,,1.5,0.6,1,,0,0,no,\n"), false, null, "officer"))
                .as("spent 2.1 of an approved 2").hasMessageContaining("Row 4, column spend_to_date").hasMessageContaining("approval");
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + d + ",Bridge,10,,6,3,5,-0.2,0.5,-1,yes,\n"), false, null, "officer"))
                .hasMessageContaining("Row 2, column variance");
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + schemes + "Total,,,,,,7.3,,,,,\n"), false, null, "officer"))
                .hasMessageContaining("Row 4, column budget");
        assertThat(capitalProgrammes.of(month, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD).empty()).as("nothing was stored").isTrue();

        imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + schemes + d + ",Library,2,Cabinet 11 December 2031,1.5,0.6,1,,0,0,no,\nTotal,,,,,,8,,,,,\n"),
                false, null, "officer");
        CapitalProgramme p = capitalProgrammes.of(month, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD);
        CapitalProgramme.Directorate directorate = p.directorates().stream().filter(x -> x.total().directorate().equals(d)).findFirst().orElseThrow();
        assertThat(directorate.total().budget()).as("the sum of its schemes, in pounds").isEqualByComparingTo("8000000");
        assertThat(directorate.schemes()).extracting(CapitalProgramme.Row::status).containsExactly(CapitalLine.Status.RED, CapitalLine.Status.GREEN,
                CapitalLine.Status.GREEN);
        String page = users.signedIn(port, Role.MEMBER).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/budget/capital?month=2031-11"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains(d, "Bridge", "Red", "Overspend approved: Cabinet 11 December 2031", "Grant 10500000".substring(0, 5));
    }

    @Test
    void theDemosCapitalAndReservesAreThePapersTablesTheirTotalsAndMovementsWorkedOutAgain() {
        CapitalProgramme capital = capitalProgrammes.of(FinanceDemoData.MONTH, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD);
        CapitalLine total = BudgetCsv.read(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(FinanceDemoData.file("/demo/finance/capital-2017-09.csv")),
                StandardCharsets.UTF_8)).schemes().stream().filter(CapitalLine::total).findFirst().orElseThrow();
        BigDecimal million = new BigDecimal(1_000_000);
        assertThat(capital.total().budget().divide(million)).isEqualByComparingTo(total.budget());
        assertThat(capital.total().variance().divide(million)).isEqualByComparingTo(total.variance());
        assertThat(capital.total().realMovement().divide(million)).as("worked out; the paper's is checked on loading").isEqualByComparingTo(total.realMovement());
        assertThat(capital.total().rephasingMovement().divide(million)).isEqualByComparingTo(total.rephasingMovement());
        List<Reserves.Row> held = reserves.of(FinanceDemoData.MONTH);
        Reserves.Row schools = held.stream().filter(r -> !r.parts().isEmpty()).findFirst().orElseThrow();
        assertThat(schools.opening()).as("the group is the sum of its reserves").isEqualByComparingTo(schools.parts().get(0).opening().add(schools.parts().get(1).opening()));
        Reserves.Row earmarked = held.stream().filter(r -> r.name().equals("Earmarked Reserves")).findFirst().orElseThrow();
        assertThat(earmarked.movements().stream().map(ReserveLine.Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(earmarked.movement());
    }

    @Test
    void theHeadlineLeavesOutTheSchoolsAsThePapersTotalExcludingSchoolsDoes() {
        Budget b = budgets.of(FinanceDemoData.MONTH);
        RevenueLine excl = BudgetCsv.read(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(FinanceDemoData.table1()), StandardCharsets.UTF_8))
                .lines().stream().filter(l -> l.heading().startsWith("TOTAL (excl")).findFirst().orElseThrow();
        BigDecimal million = new BigDecimal(1_000_000);
        assertThat(budgets.headline(b).revised().divide(million)).isCloseTo(excl.revised(), org.assertj.core.api.Assertions.within(new BigDecimal("0.001")));
        assertThat(budgets.outside(b)).extracting(p -> p.heading().name()).containsExactly("Schools (CYP&E Directorate)");
    }

    @Test
    void managementActionAndThePortfoliosNarrativeAreSavedAsReadAndAStaleSaveIsRefused() {
        String name = "M" + System.nanoTime();
        imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        Budget.Heading directorate = budgets.of(AUGUST).positions().stream().filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst()
                .orElseThrow().heading();
        int read = forecasts.of(directorate.id(), AUGUST).map(ForecastRepository.Entered::version).orElse(-1);
        forecasts.save(directorate, AUGUST, null, null, null, "-500", "-1,200", null, read, "officer");
        Budget.Position p = budgets.of(AUGUST).positions().stream().filter(x -> x.heading().id() == directorate.id()).findFirst().orElseThrow();
        assertThat(p.managementAction()).isEqualByComparingTo("-1200000");
        assertThat(p.revised()).as("5.6m with the adjustments: the line's 0.5m and the directorate's own 0.5m").isEqualByComparingTo("4600000");
        assertThat(p.afterAction()).as("revised less 1.2m").isEqualByComparingTo("3400000");
        Budget.Position own = Budget.own(p);
        assertThat(own.revised().add(Budget.sum(p.lines(), Budget.Position::revised))).as("its lines and its own row add up to it")
                .isEqualByComparingTo(p.revised());
        assertThat(own.afterAction().add(Budget.sum(p.lines(), Budget.Position::afterAction))).isEqualByComparingTo(p.afterAction());
        BudgetPapers.Table appendix = papers.report(AUGUST).tables().stream().filter(t -> t.caption().contains("Test Directorate " + name)).findFirst().orElseThrow();
        assertThat(appendix.rows()).extracting(BudgetPapers.Row::label).contains("Test Directorate " + name + " as a whole");

        narratives.save(directorate, AUGUST, "Nursing placements up", null, "A pressure of 4m in 2032-33", null, -1, "officer");
        assertThatThrownBy(() -> narratives.save(directorate, AUGUST, "Another", null, null, null, -1, "officer"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> narratives.save(directorate, AUGUST, null, "x".repeat(8_001), null, null, 0, "officer"))
                .extracting(e -> ((InputException) e).field()).isEqualTo("actions");
        narratives.save(directorate, AUGUST, "Nursing placements up", "Review every placement", null, null, 0, "officer");
        assertThat(narratives.of(directorate.id(), AUGUST).orElseThrow().actions()).isEqualTo("Review every placement");
    }

    @Test
    void aReservesFileIsRefusedWholeWhenAReservesMovementsDoNotMakeItsProjectedBalance() {
        YearMonth month = YearMonth.of(2031, 12);
        String r = "Reserve " + System.nanoTime();
        String file = "reserve,group,balance_start,balance_end,movement,description\n" + r + ",,10.0,7.0,,\n" + r + ",,,,-2.0,Drawdown\n" + r + ",,,,-0.5,Other\n";
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, bytes(file), false, null, "officer")).hasMessageContaining("Row 2, column balance_end");
        assertThat(reserves.of(month)).isEmpty();
        imports.load(month, BudgetImport.Unit.MILLIONS, bytes(file.replace(",10.0,7.0,", ",10.0,7.5,")), false, null, "officer");
        assertThat(reserves.of(month)).extracting(Reserves.Row::movement).containsExactly(new BigDecimal("-2500000.000000"));
    }

    private static byte[] workbook(String... rows) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Ledger export");
            for (int r = 0; r < rows.length; r++) {
                String[] cells = rows[r].split(",", -1);
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].matches("-?[0-9.]+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aMonthsFileMayBeAnXlsxWorkbookReadWithTheSameRulesAsItsCsv() throws Exception {
        YearMonth month = YearMonth.of(2032, 1);
        String r = "Workbook reserve " + System.nanoTime();
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, workbook("reserve,balance_start,balance_end,movement,description",
                r + ",10,7.5,,", r + ",,,-2,Drawdown", r + ",,,x,Other"), false, null, "officer")).hasMessageContaining("Row 4, column movement");
        imports.load(month, BudgetImport.Unit.MILLIONS, workbook("reserve,balance_start,balance_end,movement,description", r + ",10,7.5,,", r + ",,,-2,Drawdown",
                r + ",,,-0.5,Other"), false, null, "officer");
        assertThat(reserves.of(month)).extracting(Reserves.Row::name).containsExactly(r);
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, new byte[] {'P', 'K', 3, 4, 0}, false, null, "officer"))
                .hasMessageContaining("not a readable XLSX workbook");
    }

    @Test
    void anActivityBudgetNamesItsIndicatorAndTheDashboardShowsTheBudgetBesideItToStaffOnly() throws Exception {
        String ref = jdbc.sql("select i.ref from indicator i join observation o on o.indicator_id = i.id where o.period = date '2019-01-01' order by i.ref limit 1")
                .query(String.class).single();
        String service = "Nursing weeks " + System.nanoTime();
        byte[] file = ("service,affordable_units,forecast_units,actual_units,budget_unit_cost,forecast_unit_cost,indicator\n" + service + ",1000,1100,560,500,520,"
                + ref + "\n").getBytes(StandardCharsets.UTF_8);
        imports.load(YearMonth.of(2018, 12), BudgetImport.Unit.POUNDS, file, false, null, "officer");
        var staff = users.signedIn(port, Role.MEMBER);
        String dashboard = staff.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard?month=2019-01")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(dashboard).as("January's dashboard shows December's activity budget, the latest before it").contains("The budgets of the activity", service,
                "December 2018", "72,000");
        String activity = staff.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/budget/activity?month=2018-12")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(activity).contains("Measured by indicator", "560", "<svg", "aria-labelledby=\"chart-0-title chart-0-desc\"")
                .as("the budget line links its indicator").contains("href=\"/indicators?ref=" + ref + "\"");
        HttpResponse<String> toIndicator = staff.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/indicators?ref=" + ref)).build(),
                HttpResponse.BodyHandlers.ofString());
        long id = jdbc.sql("select id from indicator where ref = :r").param("r", ref).query(Long.class).single();
        assertThat(toIndicator.statusCode()).isEqualTo(302);
        assertThat(toIndicator.headers().firstValue("Location").orElseThrow()).endsWith("/indicators/" + id);
        String indicatorPage = staff.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/indicators/" + id + "?month=2019-01")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(indicatorPage).as("the indicator's page shows its budget line").contains("Activity budget", service);
        String anonymous = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard?month=2019-01"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(anonymous).doesNotContain(service);
    }

    @Test
    void theWorkedOutMonthIsKeptOnlyUntilAFigureChanges() throws Exception {
        String name = "K" + System.nanoTime();
        imports.load(AUGUST, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        var officer = users.signedIn(port, Role.FINANCE_OFFICER);
        URI variances = URI.create("http://localhost:" + port + "/budget/variances?month=2031-08");
        assertThat(officer.send(HttpRequest.newBuilder(variances).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("Older People " + name, "4.000");
        Budget.Heading older = budgets.of(AUGUST).positions().stream().filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst()
                .orElseThrow().lines().get(1).heading();
        forecasts.save(older, AUGUST, null, null, "4,321", null, null, null, forecasts.of(older.id(), AUGUST).orElseThrow().version(), "officer");
        assertThat(officer.send(HttpRequest.newBuilder(variances).build(), HttpResponse.BodyHandlers.ofString()).body()).as("the lists rendered again")
                .contains("4.321").doesNotContain(">4.000<");
        assertThat(budgets.of(AUGUST).positions().stream().filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst().orElseThrow()
                .variance()).isEqualByComparingTo("5921000");
    }

    @Test
    void aLaterMonthsVirementAndAChangeToAReportedMonthLeaveWhatEachMonthReported() {
        YearMonth september = YearMonth.of(2033, 9), october = YearMonth.of(2033, 10);
        String name = "V" + System.nanoTime();
        imports.load(september, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        String octoberFile = """
                heading,group,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net
                Older People %1$s,Test Directorate %1$s,173.0,-91.5,81.5,4.2
                Learning Disability %1$s,Test Directorate %1$s,,,,1.6
                """.formatted(name);
        imports.load(october, BudgetImport.Unit.MILLIONS, bytes(octoberFile), true, "Winter pressures grant", "officer");
        java.util.function.Function<YearMonth, Budget.Position> directorate = m -> budgets.of(m).positions().stream()
                .filter(p -> p.heading().name().equals("Test Directorate " + name)).findFirst().orElseThrow();
        assertThat(directorate.apply(october).cashLimit()).isEqualByComparingTo("232100000");
        assertThat(directorate.apply(september).cashLimit()).as("September's cash limit as it was: the virement is October's").isEqualByComparingTo("231600000");
        BigDecimal reported = directorate.apply(october).lastReported();
        assertThat(reported).as("September's revised, as October began").isEqualByComparingTo(directorate.apply(september).revised());

        Budget.Heading older = directorate.apply(september).lines().get(1).heading();
        forecasts.save(older, september, null, null, "9,000", null, null, null, forecasts.of(older.id(), september).orElseThrow().version(), "officer");
        assertThat(directorate.apply(september).revised()).isNotEqualByComparingTo(reported);
        assertThat(directorate.apply(october).lastReported()).as("what was reported stays reported").isEqualByComparingTo(reported);
        assertThat(directorate.apply(october).lines().stream().filter(p -> p.heading().id() == older.id()).findFirst().orElseThrow().lastReported())
                .isEqualByComparingTo("4000000");
    }

    @Test
    void tooLongTooLargeOutOfRangeOrOutOfTheBookIsRefusedByRowAndColumnAndControlCharactersGo() {
        YearMonth month = YearMonth.of(2034, 5);
        String name = "H" + System.nanoTime();
        String header = "heading,group,cash_limit_net,variance_net,last_reported\n";
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + "x".repeat(201) + ",,1,0,\n"), true, null, "officer"))
                .hasMessageContaining("Row 2, column heading").hasMessageContaining("at most 200");
        assertThatThrownBy(() -> imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + name + ",,999999999999999,0,\n"), true, null, "officer"))
                .hasMessageContaining("Row 2, column cash_limit_net").hasMessageContaining("more than Oversight keeps");
        assertThatThrownBy(() -> imports.load(YearMonth.of(0, 1), BudgetImport.Unit.MILLIONS, bytes(header + name + ",,1,0,\n"), true, null, "officer"))
                .extracting(e -> ((InputException) e).field()).isEqualTo("month");

        // A line with a variance but nothing last reported: its directorate's last reported and movement stay missing, not part-added.
        imports.load(month, BudgetImport.Unit.MILLIONS, bytes(header + "D " + name + ",,,,\nA " + name + "\u0007\u001b[31m,D " + name + ",1,0.5,0.2\nB " + name + ",D "
                + name + ",1,0.3,\n"), true, null, "officer");
        Budget.Position d = budgets.of(month).positions().stream().filter(p -> p.heading().name().equals("D " + name)).findFirst().orElseThrow();
        assertThat(d.lines()).extracting(p -> p.heading().name()).as("the bell and the escape gone").contains("A " + name + "[31m");
        assertThat(d.lastReported()).isNull();
        assertThat(d.movement()).isNull();
        assertThat(d.revised()).isEqualByComparingTo("800000");

        Budget.Heading line = d.lines().get(0).heading();
        assertThatThrownBy(() -> forecasts.save(line, YearMonth.of(1999, 1), null, null, "10", null, null, null, -1, "officer"))
                .as("1999 is not in the book of the year 2034-35").extracting(e -> ((InputException) e).field()).isEqualTo("month");
        assertThatThrownBy(() -> narratives.save(budgets.heading(line.parentId()).orElseThrow(), YearMonth.of(1999, 1), "x", null, null, null, -1, "officer"))
                .extracting(e -> ((InputException) e).field()).isEqualTo("month");
    }

    @Test
    void theDemosServiceLinesAreAppendix1AndEachDirectoratesAgreeWithTable1ToTheirRounding() {
        ServiceAnalysis a = serviceLines.of(FinanceDemoData.MONTH);
        Budget b = budgets.of(FinanceDemoData.MONTH);
        assertThat(a.directorates()).extracting(ServiceAnalysis.Directorate::name).as("each a directorate of Table 1")
                .isSubsetOf(b.positions().stream().map(p -> p.heading().name()).toList()).hasSize(5);
        assertThat(a.disagreements()).as("the paper's Appendix 1 is Table 1 cut by service line").isEmpty();
        List<ServiceLine> published = BudgetCsv.read(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(FinanceDemoData.file("/demo/finance/service-lines-2017-09.csv")),
                StandardCharsets.UTF_8)).serviceLines();
        ServiceLine total = published.stream().filter(l -> l.name().startsWith("TOTAL")).findFirst().orElseThrow();
        long lines = published.stream().filter(l -> !l.total()).count();
        BigDecimal million = new BigDecimal(1_000_000);
        assertThat(DecimalCell.beyondRounding(total.net(), a.total().net().divide(million), (int) lines))
                .as("the lines add up to the paper's total to their rounding").isFalse();
        assertThat(a.total().variance().divide(million)).as("the managers' variance before adjustment, as Table 1's").isCloseTo(
                budgets.headline(b).variance().divide(million), org.assertj.core.api.Assertions.within(new BigDecimal("0.1").multiply(BigDecimal.valueOf(lines))));
        BudgetPapers.Report report = papers.report(FinanceDemoData.MONTH);
        assertThat(report.tables()).extracting(BudgetPapers.Table::caption).contains("Appendix 1: Children, Young People and Education, Specialist Children's Services (£m)",
                "Appendix 1: the directorates (£m)");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aServiceLinesFileIsRefusedWholeWhenATotalOrNetDoesNotAddUpOrItsDirectorateIsNotInTheBookAndDisagreementsWithTable1AreFound() {
        // A year of its own: the lists of another test's August must not meet these lines.
        YearMonth aug = YearMonth.of(2034, 8), sep = YearMonth.of(2034, 9);
        String name = "S" + System.nanoTime();
        imports.load(aug, BudgetImport.Unit.MILLIONS, book(name, ""), true, null, "officer");
        String d = "Test Directorate " + name;
        String file = "directorate,division,service_line,cash_limit_gross,cash_limit_income,cash_limit_net,variance_net,movement\n"
                + "\"" + d + "\",,Nursing,172.5,-91.5,81.0,4.0,\n\"" + d + "\",,Supported living,163.9,-13.2,150.6,1.6,\n"
                + "\"" + d + "\",,Sub Total,336.4,-104.7,231.6,5.6,\n";
        assertThatThrownBy(() -> imports.load(aug, BudgetImport.Unit.MILLIONS, bytes(file.replace("231.6,5.6", "231.6,5.9")), false, null, "officer"))
                .hasMessageContaining("Row 4, column variance_net");
        assertThatThrownBy(() -> imports.load(aug, BudgetImport.Unit.MILLIONS, bytes(file.replace("-91.5,81.0", "-91.5,83.0")), false, null, "officer"))
                .hasMessageContaining("Row 2, column cash_limit_net");
        assertThatThrownBy(() -> imports.load(aug, BudgetImport.Unit.MILLIONS, bytes(file.replace(d, d + " X")), false, null, "officer"))
                .hasMessageContaining("Row 2, column directorate");
        assertThat(serviceLines.of(aug).directorates()).extracting(ServiceAnalysis.Directorate::name).doesNotContain(d);

        assertThat(imports.load(aug, BudgetImport.Unit.MILLIONS, bytes(file.replace("-91.5,81.0", "-91.5,81.1").replace("-13.2,150.6", "-13.2,150.8")
                .replace("231.6,5.6", "231.9,5.6")), false, null, "officer").kind())
                .as("a sub total as the page prints it, its net the sum of its lines' rounded nets, not its gross + income").isEqualTo(BudgetCsv.Kind.SERVICE_LINES);
        imports.load(aug, BudgetImport.Unit.MILLIONS, bytes(file), false, null, "officer");
        ServiceAnalysis a = serviceLines.of(aug);
        assertThat(a.directorates()).extracting(ServiceAnalysis.Directorate::name).contains(d);
        assertThat(a.disagreements()).extracting(ServiceAnalysis.Disagreement::directorate).doesNotContain(d);

        // September's lines: a movement must be the variance less August's; lines that miss Table 1 by more than their rounding are found.
        String september = file.replace("4.0,\n", "4.5,0.4\n").replace("231.6,5.6,", "231.6,6.1,");
        assertThatThrownBy(() -> imports.load(sep, BudgetImport.Unit.MILLIONS, bytes(september), false, null, "officer"))
                .hasMessageContaining("Row 2, column movement");
        imports.load(sep, BudgetImport.Unit.MILLIONS, bytes(september.replace("4.5,0.4", "4.5,0.5")), false, null, "officer");
        assertThat(serviceLines.of(sep).disagreements()).filteredOn(x -> x.directorate().equals(d)).extracting(ServiceAnalysis.Disagreement::column)
                .as("September's book has no forecasts for these lines, so only the budgets are compared, and they agree").isEmpty();
        BudgetImport.Result loaded = imports.load(sep, BudgetImport.Unit.MILLIONS, bytes(file.replace("Supported living,163.9,-13.2,150.6",
                "Supported living,163.9,-12.2,151.7").replace("336.4,-104.7,231.6", "336.4,-103.7,232.7")), false, null, "officer");
        assertThat(loaded.warnings()).as("loaded, and said at once").anyMatch(w -> w.startsWith(d + ": the service lines' budgets (net) add up to £232.700m"));
        assertThat(serviceLines.of(sep).disagreements()).filteredOn(x -> x.directorate().equals(d)).extracting(ServiceAnalysis.Disagreement::column)
                .containsExactly("Net");
        assertThat(papers.report(sep).findings()).extracting(BudgetPapers.Note::heading).contains("Appendix 1, " + d);

        // Lines of noughts do not widen what rounding may explain: a £5m overstatement is found beside a hundred of them.
        StringBuilder padded = new StringBuilder(file.replace("Supported living,163.9,-13.2,150.6", "Supported living,168.9,-13.2,155.7")
                .replace("336.4,-104.7,231.6", "341.4,-104.7,236.7"));
        for (int i = 0; i < 100; i++) {
            padded.append('"').append(d).append("\",,Padding ").append(i).append(",0,0,0,0,0\n");
        }
        imports.load(sep, BudgetImport.Unit.MILLIONS, bytes(padded.toString()), false, null, "officer");
        assertThat(serviceLines.of(sep).disagreements()).filteredOn(x -> x.directorate().equals(d)).extracting(ServiceAnalysis.Disagreement::column)
                .containsExactly("Net");
        assertThat(serviceLines.of(sep).decimals()).as("a figure written 0 does not make the file whole millions").isEqualTo(1);
        assertThatThrownBy(() -> imports.load(sep, BudgetImport.Unit.MILLIONS, bytes(file.replace("\"" + d + "\",,Sub Total", "\"" + d + "\",Nowhere,Sub Total")),
                false, null, "officer")).as("a total of no line above it").hasMessageContaining("Row 4, column service_line");
        assertThatThrownBy(() -> imports.load(sep, BudgetImport.Unit.MILLIONS, bytes(file.replace("Nursing,172.5,-91.5,81.0", "Nursing,,,")), false, null,
                "officer")).as("a line without its budget").hasMessageContaining("Row 2, column cash_limit_net");
    }

    @Test
    void aSchemesMonthTypedOnTheFormStartsFromTheMonthBeforeAndIsRefusedWhenStaleOrSpentBeyondItsApproval() {
        YearMonth may = YearMonth.of(2035, 5), june = YearMonth.of(2035, 6);
        String d = "Capital Directorate " + System.nanoTime();
        String file = "directorate,scheme,approved_cost,previous_spend,spend_to_date,budget,later_years,real_variance,rephasing_variance,delayed,funding\n"
                + d + ",Bridge,10,4,1,3,3,0,0,no,Grant: 10\n";
        imports.load(may, BudgetImport.Unit.MILLIONS, bytes(file), false, null, "officer");
        long id = capitalProgrammes.of(may, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD).directorates().stream()
                .filter(x -> x.total().directorate().equals(d)).findFirst().orElseThrow().schemes().get(0).id();
        CapitalSchemeRepository.CapitalEntry read = capitalForecasts.entry(id, june).orElseThrow();
        assertThat(read.month()).as("June has none yet: the form starts from May's").isEqualTo(may);

        capitalForecasts.save(id, june, "1,500", "200", "-500", "yes", "Late start on site", -1, "officer");
        CapitalProgramme.Row row = capitalProgrammes.of(june, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD).directorates().stream()
                .filter(x -> x.total().directorate().equals(d)).findFirst().orElseThrow().schemes().get(0);
        assertThat(row.budget()).as("the budget carried from May").isEqualByComparingTo("3000000");
        assertThat(row.funding()).extracting(CapitalLine.Funding::source).containsExactly("Grant");
        assertThat(row.real()).isEqualByComparingTo("200000");
        assertThat(row.realMovement()).as("from May's real variance, 0").isEqualByComparingTo("200000");
        assertThat(row.forecast()).as("budget + real + rephasing").isEqualByComparingTo("2700000");
        assertThat(row.status()).as("delayed and over budget").isEqualTo(CapitalLine.Status.RED);

        assertThatThrownBy(() -> capitalForecasts.save(id, june, null, "0", "0", "no", null, -1, "officer")).as("read before June was made")
                .isInstanceOf(ConflictException.class);
        int version = capitalForecasts.entry(id, june).orElseThrow().version();
        capitalForecasts.save(id, june, null, "100", "-500", "yes", null, version, "officer");
        assertThatThrownBy(() -> capitalForecasts.save(id, june, null, "0", "0", "no", null, version, "officer")).as("a stale save")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> capitalForecasts.save(id, june, "7,000", "0", "0", "no", null, version + 1, "officer")).as("4m before and 7m now on a 10m scheme")
                .extracting(e -> ((InputException) e).field()).isEqualTo("spendToDate");
        assertThatThrownBy(() -> capitalForecasts.save(id, june, null, "999999999999999", "0", "no", null, version + 1, "officer"))
                .extracting(e -> ((InputException) e).field()).isEqualTo("real");

        assertThatThrownBy(() -> capitalForecasts.save(id, june, null, "0", "−4,000", "no", null, version + 1, "officer")).as("3m budget, 4m rephased")
                .hasMessageContaining("spend below zero");
        assertThatThrownBy(() -> capitalForecasts.save(id, june, "2,900", "0", "−500", "no", null, version + 1, "officer")).as("2.5m forecast, 2.9m spent")
                .extracting(e -> ((InputException) e).field()).isEqualTo("rephasing");
        // The month's file loaded again replaces the month: a form read before is stale, though the month's row is new.
        YearMonth july = june.plusMonths(1);
        capitalForecasts.save(id, july, null, "0", "0", "no", null, -1, "officer");
        int readInJuly = capitalForecasts.entry(id, july).orElseThrow().version();
        imports.load(july, BudgetImport.Unit.MILLIONS, bytes(file), false, null, "officer");
        assertThatThrownBy(() -> capitalForecasts.save(id, july, null, "0", "0", "no", null, readInJuly, "officer"))
                .isInstanceOf(ConflictException.class);
        // A directorate that reported the month before and not this month is named: the month's total is without it.
        String other = "Other " + d;
        YearMonth march = YearMonth.of(2035, 3), april = YearMonth.of(2035, 4);
        imports.load(march, BudgetImport.Unit.MILLIONS, bytes(file + "Third " + d + ",Road,1,0,0,1,0,0,0,no,\n"), false, null, "officer");
        imports.load(april, BudgetImport.Unit.MILLIONS, bytes(file + other + ",Road,1,0,0,1,0,0,0,no,\n"), false, null, "officer");
        assertThat(capitalProgrammes.of(april, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD).missing())
                .as("March is another year's").isEmpty();
        imports.load(may, BudgetImport.Unit.MILLIONS, bytes(file), false, null, "officer");
        assertThat(capitalProgrammes.of(may, CapitalProgramme.REAL_THRESHOLD, CapitalProgramme.REPHASING_THRESHOLD).missing()).containsExactly(other);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'capital_position' and record_id = :e").param("e", id + ":" + june)
                .query(Long.class).single()).as("each save audited").isEqualTo(2);
    }
}
