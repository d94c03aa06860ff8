package org.oversight.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A year's rates loaded all or nothing, worked out from the pay award and CPI, approved with a decision taken, then never changed. */
@OversightTest
class RatesTest {

    @Autowired RatesAndCharges rates;
    @Autowired RateScheduleImport imports;
    @Autowired RatesUplift uplift;
    @Autowired RatesApproval approval;
    @Autowired NextYearRates nextYear;
    @Autowired JdbcClient jdbc;

    private static final String FILE = """
            id,item,unit,current,basis,formula,multiple,proposed,notes
            meal,Meal,per meal,4.05,CPI,,,4.15,
            snacks,Meal and snacks,per meal,5.05,FORMULA,meal + 1,,5.15,hot meal + £1
            fee,Self-funders' fee,flat rate,106.91,PAY,,,109.80,
            pfi,PFI scheme,per week,15.58,CPI,,0.02,,must divide by 2
            badge,Blue badge,per application,10.00,FIXED,,,,
            """;

    /** A year no other test uses, so the tests run in any order on the one database. */
    private static FinancialYear freshYear(JdbcClient jdbc) {
        while (true) {
            FinancialYear y = new FinancialYear(2100 + ThreadLocalRandom.current().nextInt(95));
            // Nor a neighbour: a schedule approved the year before flags this year's rates as not the ones approved.
            if (jdbc.sql("select count(*) from rate_schedule where year between :y - 1 and :y + 1").param("y", y.startYear()).query(Integer.class).single() == 0) {
                return y;
            }
        }
    }

    /** A decision of the executive as the clerk records it: taken on {@code takenOn}, or not yet (on the forward plan). */
    private String decision(LocalDate takenOn) {
        String number;
        do {
            number = String.format("88/%05d", ThreadLocalRandom.current().nextInt(100_000));
        } while (jdbc.sql("select count(*) from decision where number = :n").param("n", number).query(Integer.class).single() > 0);
        jdbc.sql("insert into decision (number, title, maker, is_key, several_divisions, status, taken_on) values (:n, 'Rates and charges', 'CABINET_MEMBER', true, true, :s, :t)")
                .param("n", number).param("s", takenOn == null ? "FORWARD_PLAN" : "TAKEN").param("t", takenOn).update();
        return number;
    }

    @Test
    void theDemoIsTheCommitteesAppendixWithTheSixFiguresThatDoNotFollowTheirBasisFlagged() {
        RatesAndCharges.Schedule s = rates.schedule(new FinancialYear(2019)).orElseThrow();
        assertThat(s.pay()).isEqualByComparingTo("2.8");
        assertThat(s.cpi()).isEqualByComparingTo("2.4");
        assertThat(s.paySource()).contains("13 February 2019");
        List<RatesAndCharges.Proposed> proposal = rates.proposal(s);
        assertThat(proposal).hasSize(31);
        assertThat(proposal.stream().filter(RatesAndCharges.Proposed::differs).map(RatesAndCharges.Proposed::id))
                .containsExactly("deferred_setup", "deferred_annual", "selffunder_fee", "pfi_older_people", "day_ld_standard", "day_ld_standard_half");
        assertThat(s.approved()).as("decision 18/00067 had not been taken when the paper went to committee").isFalse();
    }

    @Test
    void aFileIsLoadedAllOrNothingAndLoadingItAgainReplacesTheRatesButNotThePayAwardAndCpi() {
        FinancialYear y = freshYear(jdbc);
        imports.load(y, FILE.getBytes(StandardCharsets.UTF_8), null, "officer");
        assertThat(rates.proposal(rates.schedule(y).orElseThrow())).as("no pay award or CPI given: no figure for what rises by them; the formula follows the meal as proposed")
                .extracting(RatesAndCharges.Proposed::id, p -> p.computed() == null ? null : p.computed().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("meal", null), org.assertj.core.groups.Tuple.tuple("snacks", "5.15"),
                        org.assertj.core.groups.Tuple.tuple("fee", null), org.assertj.core.groups.Tuple.tuple("pfi", null),
                        org.assertj.core.groups.Tuple.tuple("badge", "10.00"));
        uplift.save(y, new BigDecimal("2.8"), "pay award", new BigDecimal("2.4"), "CPI September", null, "officer");
        RatesAndCharges.Schedule s = rates.schedule(y).orElseThrow();
        assertThat(rates.proposal(s)).extracting(p -> p.computed().toPlainString()).containsExactly("4.15", "5.15", "109.90", "15.96", "10.00");
        assertThat(rates.proposal(s).stream().filter(RatesAndCharges.Proposed::differs).map(RatesAndCharges.Proposed::id)).containsExactly("fee");

        assertThatThrownBy(() -> imports.load(y, (FILE + "bad,Bad,per week,1.00,FORMULA,meal * nothing,,,\n").getBytes(StandardCharsets.UTF_8), s.version(), "officer"))
                .isInstanceOf(InputException.class).hasMessageContaining("Row 7, column formula").hasMessageContaining("'nothing'");
        assertThatThrownBy(() -> imports.load(y, FILE.replace("4.05", "4.05.1").getBytes(StandardCharsets.UTF_8), s.version(), "officer"))
                .hasMessageContaining("Row 2, column current");
        assertThatThrownBy(() -> imports.load(y, (FILE + "big,Big,,999999999.99,FIXED,,,,\nbigger,Bigger,,1,FORMULA,big * 2,,,\n").getBytes(StandardCharsets.UTF_8),
                s.version(), "officer")).as("a rate a formula makes too large to keep").hasMessageContaining("Row 8, column formula");
        assertThatThrownBy(() -> imports.load(y, FILE.getBytes(StandardCharsets.ISO_8859_1), s.version(), "officer"))
                .hasMessageContaining("not UTF-8");
        assertThat(rates.schedule(y).orElseThrow()).as("nothing of a refused file").satisfies(held -> {
            assertThat(held.version()).isEqualTo(s.version());
            assertThat(held.lines()).hasSize(5);
        });

        imports.load(y, FILE.replace("badge,Blue badge,per application,10.00,FIXED,,,,\n", "").getBytes(StandardCharsets.UTF_8), s.version(), "officer");
        RatesAndCharges.Schedule again = rates.schedule(y).orElseThrow();
        assertThat(again.lines()).hasSize(4);
        assertThat(again.pay()).isEqualByComparingTo("2.8");
        assertThatThrownBy(() -> imports.load(y, FILE.getBytes(StandardCharsets.UTF_8), s.version(), "officer"))
                .as("a page read before the load is stale").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> uplift.save(y, new BigDecimal("2.8"), null, null, null, again.version(), "officer"))
                .isInstanceOf(InputException.class).hasMessageContaining("Say where the pay award comes from");
    }

    @Test
    void aScheduleIsApprovedOnlyWithADecisionTakenByTheDayItTakesEffectAndAReasonForEachFigureThatIsNotItsBasis() {
        FinancialYear y = freshYear(jdbc);
        imports.load(y, FILE.getBytes(StandardCharsets.UTF_8), null, "officer");
        LocalDate april = y.firstMonth().atDay(9);
        assertThatThrownBy(() -> approval.approve(y, "18/00067", april, Map.of(), null, "officer")).as("no pay award or CPI yet")
                .hasMessageContaining("Give the pay award and CPI first");
        uplift.save(y, new BigDecimal("2.8"), "pay award", new BigDecimal("2.4"), "CPI September", null, "officer");
        Map<String, String> why = Map.of("fee", "Rounded down to £2.10 a week");
        String notTaken = decision(null);
        String taken = decision(april.minusDays(20));
        assertThatThrownBy(() -> approval.approve(y, "99/0001", april, why, null, "officer")).hasMessageContaining("not a decision number");
        assertThatThrownBy(() -> approval.approve(y, taken, april.minusYears(1), why, null, "officer")).hasMessageContaining("take effect in " + y.label());
        assertThatThrownBy(() -> approval.approve(y, taken, april, Map.of("fee", "\u00a0\u200b"), null, "officer")).as("a reason that prints as nothing")
                .isInstanceOf(InputException.class).hasMessageContaining("Say why");
        assertThatThrownBy(() -> approval.approve(y, taken, april, Map.of(), null, "officer")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).field()).isEqualTo("reason-fee")).hasMessageContaining("gives £109.90");
        assertThatThrownBy(() -> approval.approve(y, notTaken, april, why, null, "officer")).isInstanceOf(InputException.class)
                .hasMessageContaining("has not been taken");
        assertThat(rates.schedule(y).orElseThrow().approved()).as("a refusal from the decision's side leaves the schedule proposed").isFalse();
        assertThat(jdbc.sql("select count(*) from rate_item where year = :y and approved is not null").param("y", y.startYear()).query(Integer.class).single())
                .as("and no rate half approved").isZero();
        String late = decision(april.plusDays(5));
        assertThatThrownBy(() -> approval.approve(y, late, april, why, null, "officer")).hasMessageContaining("before decision " + late);
        int version = rates.schedule(y).orElseThrow().version();
        assertThatThrownBy(() -> approval.approve(y, taken, april, why, version - 1, "officer")).isInstanceOf(ConflictException.class);

        approval.approve(y, taken, april, why, version, "officer");
        RatesAndCharges.Approved a = rates.approved(y).orElseThrow();
        assertThat(a.decisionNo()).isEqualTo(taken);
        assertThat(a.effectiveFrom()).isEqualTo(april);
        assertThat(a.rates()).extracting(r -> r.id() + " " + r.approved().toPlainString() + " " + r.workedOut().toPlainString())
                .as("each rate as proposed, or as worked out where none was").containsExactly("meal 4.15 4.15", "snacks 5.15 5.15", "fee 109.80 109.90",
                        "pfi 15.96 15.96", "badge 10.00 10.00");
        assertThat(a.rates().get(2).departure()).isEqualTo("Rounded down to £2.10 a week");
        await().untilAsserted(() -> assertThat(jdbc.sql("select what || ' ' || href from decision_outcome o join decision d on d.id = o.decision_id where d.number = :n")
                .param("n", taken).query(String.class).list()).as("the decision's page names what it approved, linked to the appendix, once the approval is committed")
                .containsExactly("Rates and charges " + y.label() + ", taking effect on " + DisplayFormat.dateWords(april) + " /papers/rates/"
                        + y.firstMonth() + "/versions"));

        int approvedVersion = rates.schedule(y).orElseThrow().version();
        assertThatThrownBy(() -> imports.load(y, FILE.getBytes(StandardCharsets.UTF_8), approvedVersion, "officer")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("do not change");
        assertThatThrownBy(() -> uplift.save(y, BigDecimal.ONE, "x", BigDecimal.ONE, "y", null, "officer")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> approval.approve(y, taken, april, why, null, "officer")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRefusedApprovalNamesEveryMistakeAtOnceInTheOrderOfTheFormsBoxes() {
        FinancialYear y = new FinancialYear(2019);
        RatesAndCharges.Schedule s = rates.schedule(y).orElseThrow();
        List<String> reasons = rates.proposal(s).stream().filter(p -> p.unexplained() != null).map(p -> "reason-" + p.id()).toList();
        assertThat(reasons).as("the demo's figures that do not follow their basis, each to be explained").hasSizeGreaterThan(1);
        List<String> boxes = new java.util.ArrayList<>(List.of("decision", "effective"));
        boxes.addAll(reasons);
        assertThatThrownBy(() -> approval.approve(y, "18/0067", null, Map.of(), s.version(), "officer")).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(FormErrors.refused((InputException) e, "approval").all().keySet()).containsExactlyElementsOf(boxes));
        assertThatThrownBy(() -> approval.approve(y, "18/00067", y.firstMonth().atDay(9), Map.of(), s.version(), "officer")).as("a decision not yet taken")
                .satisfies(e -> assertThat(FormErrors.refused((InputException) e, "approval").all().keySet()).containsExactlyElementsOf(
                        boxes.stream().filter(b -> !b.equals("effective")).toList()));
        assertThat(rates.schedule(y).orElseThrow().approved()).isFalse();
    }

    @Test
    void aFormulaFollowsTheRatesAsProposedSoThatWhatIsApprovedAgreesWithItself() {
        FinancialYear y = freshYear(jdbc);
        imports.load(y, FILE.replace("4.05,CPI,,,4.15", "4.05,CPI,,,4.25").getBytes(StandardCharsets.UTF_8), null, "officer");
        uplift.save(y, new BigDecimal("2.8"), "pay award", new BigDecimal("2.4"), "CPI September", null, "officer");
        List<RatesAndCharges.Proposed> p = rates.proposal(rates.schedule(y).orElseThrow());
        assertThat(p.get(0).computed()).as("4.05 + 2.4%").isEqualByComparingTo("4.15");
        assertThat(p.get(1).computed()).as("the meal as proposed, 4.25, + £1").isEqualByComparingTo("5.25");
        assertThat(p.stream().filter(RatesAndCharges.Proposed::differs).map(RatesAndCharges.Proposed::id)).containsExactly("meal", "snacks", "fee");
    }

    @Test
    void theApprovedRatesStartNextYearsSchedule() {
        FinancialYear y = freshYear(jdbc);
        imports.load(y, FILE.getBytes(StandardCharsets.UTF_8), null, "officer");
        uplift.save(y, new BigDecimal("2.8"), "pay award", new BigDecimal("2.4"), "CPI September", null, "officer");
        assertThatThrownBy(() -> nextYear.csv(y)).hasMessageContaining("have not been approved");
        LocalDate april = y.firstMonth().atDay(1);
        approval.approve(y, decision(april), april, Map.of("fee", "As the paper says"), null, "officer");
        String next = nextYear.csv(y);
        assertThat(next.lines().toList().get(3)).as("the approved fee is next year's current rate, nothing proposed").isEqualTo("fee,Self-funders' fee,flat rate,109.80,PAY,,0.01,,");
        FinancialYear following = new FinancialYear(y.startYear() + 1);
        jdbc.sql("delete from rate_schedule where year = :y").param("y", following.startYear()).update();
        imports.load(following, next.getBytes(StandardCharsets.UTF_8), null, "officer");
        assertThat(rates.schedule(following).orElseThrow().lines()).extracting(l -> l.rate().id() + " " + l.rate().current().toPlainString() + " " + l.rate().formulaText())
                .containsExactly("meal 4.15 ", "snacks 5.15 meal + 1", "fee 109.80 ", "pfi 15.96 ", "badge 10.00 ");
        assertThat(rates.proposal(rates.schedule(following).orElseThrow())).noneMatch(RatesAndCharges.Proposed::startsElsewhere);

        imports.load(following, next.replace("109.80", "100.00").getBytes(StandardCharsets.UTF_8), rates.schedule(following).orElseThrow().version(), "officer");
        assertThat(rates.proposal(rates.schedule(following).orElseThrow()).stream().filter(RatesAndCharges.Proposed::startsElsewhere)
                .map(p -> p.id() + " " + p.current().toPlainString() + " approved " + p.approvedBefore().toPlainString()))
                .as("a rate that does not start from the one approved the year before").containsExactly("fee 100.00 approved 109.80");
        uplift.save(following, new BigDecimal("2"), "pay award", new BigDecimal("2"), "CPI", null, "officer");
        String used = jdbc.sql("select decision_no from rate_schedule where year = :y").param("y", y.startYear()).query(String.class).single();
        assertThatThrownBy(() -> approval.approve(following, used, following.firstMonth().atDay(1), Map.of(), null, "officer"))
                .as("a start that is not the year before's rate needs its reason").hasMessageContaining("starts from £100.00, not the £109.80 approved for the year before");
        assertThatThrownBy(() -> approval.approve(following, used, following.firstMonth().atDay(1), Map.of("fee", "Cut by the Cabinet Member"), null, "officer"))
                .hasMessageContaining("a decision of their own");
        assertThatThrownBy(() -> imports.load(following, next.getBytes(StandardCharsets.UTF_8), null, "officer"))
                .as("a year's rates replaced only from its page, with the version read").hasMessageContaining("load the file on its page");
    }
}
