package org.oversight.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/** Key decisions: numbered in sequence, tested against the threshold, 28 clear days' notice or urgency, only forward, the record of decision. */
@OversightTest
class DecisionsTest {

    @Autowired Decisions decisions;
    @Autowired TestUsers users;
    @Autowired Committees committees;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;
    @Autowired Reports reports;
    @LocalServerPort int port;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String page(java.net.http.HttpClient browser, String path) throws Exception {
        java.net.http.HttpResponse<String> r = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private Committee.Meeting twelfthOfMarch() {
        return meetings.meetings(committees.get("adult-social-care-cabinet-committee")).stream()
                .filter(m -> m.starts().equals(java.time.LocalDateTime.of(2019, 3, 12, 10, 0))).findFirst().orElseThrow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest(name = "spend {0}, savings {1}, several divisions {2}: key {3}")
    @CsvSource({"1000000, , false, false", "1000000.01, , false, true", ", 1500000, false, true", "5000, , true, true", ", , false, false"})
    void aKeyDecisionSpendsOrSavesOverTheThresholdOrAffectsTwoOrMoreDivisions(BigDecimal spend, BigDecimal savings, boolean several, boolean key) {
        assertThat(Decision.key(spend, savings, several, new BigDecimal("1000000"))).isEqualTo(key);
    }

    @ParameterizedTest(name = "on the plan {0}, taken {1}: {2} clear days")
    @CsvSource({"2019-01-01, 2019-01-30, 28", "2019-01-01, 2019-01-29, 27", "2019-02-01, 2019-03-02, 28", "2020-02-01, 2020-03-01, 28"})
    void clearDaysCountNeitherTheDayOfPublicationNorTheDayOfTheDecision(LocalDate onPlan, LocalDate taken, long clear) {
        assertThat(Decision.clearDays(onPlan, taken)).isEqualTo(clear);
    }

    @Test
    void theDemoHasTheCommitteesTwoKeyDecisions() {
        assertThat(decisions.get("18/00067")).extracting(Decision::key, Decision::status).containsExactly(true, Decision.Status.TO_COMMITTEE);
        assertThat(decisions.get("19/00011").title()).startsWith("Partnership Arrangements for the Provision of Mental Health");
    }

    @Test
    void aDecisionLoadedWithoutItsNoticeHasTheDayItWasFirstOnTheForwardPlanRecordedOnceAndThenItsClearDaysCount() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        String number = "86/" + String.format("%05d", System.nanoTime() % 100_000);
        decisions.load(number, "Rates and charges", Decision.Maker.CABINET_MEMBER, "Cabinet Member", true, Decision.Status.TO_COMMITTEE, null);
        Decision d = decisions.get(number);
        LocalDate today = LocalDate.of(2019, 3, 19);
        assertThatThrownBy(() -> decisions.take(number, today, null, d.version(), today)).as("a key decision not known to have been on the plan")
                .hasMessageContaining("record why it is urgent");
        assertThatThrownBy(() -> decisions.onForwardPlan(number, today.plusDays(1), d.version(), today)).hasMessageContaining("has not come yet");
        Decision planned = decisions.onForwardPlan(number, LocalDate.of(2019, 2, 1), d.version(), today);
        assertThat(planned.onForwardPlan()).isEqualTo(LocalDate.of(2019, 2, 1));
        assertThatThrownBy(() -> decisions.onForwardPlan(number, LocalDate.of(2019, 1, 1), planned.version(), today)).as("recorded once: the notice cannot be moved")
                .hasMessageContaining("as recorded");
        Decision taken = decisions.take(number, today, null, planned.version(), today);
        assertThat(taken.urgency()).as("46 clear days: no urgency needed").isNull();
        assertThat(taken.status()).isEqualTo(Decision.Status.TAKEN);
    }

    @Test
    void aKeyDecisionGoesFromThePlanToItsRecordOnlyForwardAndWithItsNotice() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        LocalDate today = LocalDate.of(2041, 1, 5);
        LocalDate later = LocalDate.of(2041, 3, 1);
        String expected = decisions.next(2041);
        assertThatThrownBy(() -> decisions.plan("41/09999", "Out of turn", Decision.Maker.CABINET, null, null, null, false, null, today))
                .as("a number out of sequence").hasMessageContaining("out of sequence: the next decision number is " + expected);
        Decision d = decisions.plan(null, "Highways maintenance contract", Decision.Maker.CABINET_MEMBER, "Cabinet Member for Highways",
                new BigDecimal("2400000"), null, false, LocalDate.of(2041, 2, 4), today);
        assertThat(d.number()).isEqualTo(expected);
        assertThat(d.key()).isTrue();
        assertThat(decisions.next(2041)).as("the next number of the year").isEqualTo("41/" + String.format("%05d", Integer.parseInt(expected.substring(3)) + 1));

        assertThatThrownBy(() -> decisions.take(d.number(), LocalDate.of(2041, 2, 2), null, d.version(), later)).isInstanceOf(InputException.class)
                .hasMessageContaining("for 27 clear days").hasMessageContaining("it needs 28 (from 3 February 2041)");
        assertThatThrownBy(() -> decisions.take(d.number(), LocalDate.of(2041, 2, 3), null, d.version(), later)).as("before the date the plan gave")
                .hasMessageContaining("taken on or after 4 February 2041");
        assertThatThrownBy(() -> decisions.take(d.number(), LocalDate.of(2041, 1, 1), null, d.version(), later)).as("before it was on the plan")
                .hasMessageContaining("was put on the forward plan on 5 January 2041");
        assertThatThrownBy(() -> decisions.take(d.number(), LocalDate.of(2041, 3, 2), null, d.version(), later)).as("not yet taken")
                .hasMessageContaining("has not come yet");
        assertThatThrownBy(() -> decisions.take(d.number(), LocalDate.of(2041, 2, 4), null, d.version() + 1, later)).as("someone else changed it")
                .isInstanceOf(ConflictException.class);
        Decision taken = decisions.take(d.number(), LocalDate.of(2041, 2, 4), null, d.version(), later);
        assertThat(taken.status()).isEqualTo(Decision.Status.TAKEN);
        assertThatThrownBy(() -> decisions.toCommittee(d.number(), "adult-social-care-cabinet-committee", taken.version()))
                .as("only forward").hasMessageContaining("a decision only moves forward");
        assertThatThrownBy(() -> decisions.publishRecord(d.number(), new Decision.Record("Award the contract", null, null, null, null, null, null,
                "Mr M Whiting", LocalDate.of(2041, 2, 4)), taken.version(), later)).extracting(e -> ((InputException) e).field()).isEqualTo("reasons");
        assertThatThrownBy(() -> decisions.publishRecord(d.number(), new Decision.Record("Award the contract", "Best value", null, null, null, null, null,
                "Mr M Whiting", LocalDate.of(2041, 2, 1)), taken.version(), later)).as("signed before it was taken").extracting(e -> ((InputException) e).field())
                .isEqualTo("signedOn");
        Decision recorded = decisions.publishRecord(d.number(), new Decision.Record("Award the contract", "Best value", "Within budget", "None",
                "None", "Extend the current contract", "None", "Mr M Whiting", LocalDate.of(2041, 2, 4)), taken.version(), later);
        assertThat(recorded.status()).isEqualTo(Decision.Status.RECORD_PUBLISHED);
        assertThat(recorded.record().alternatives()).isEqualTo("Extend the current contract");
    }

    @Test
    void aKeyDecisionTakenWithoutItsNoticeNeedsItsUrgencyRecorded() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        LocalDate today = LocalDate.of(2042, 6, 1);
        Decision d = decisions.plan(null, "Emergency repairs to a care home", Decision.Maker.LEADER, null, null, null, true, null, today);
        assertThatThrownBy(() -> decisions.take(d.number(), today.plusDays(3), " ", d.version(), today.plusDays(3))).hasMessageContaining("or its urgency recorded");
        Committee c = committees.create("Urgency committee " + System.nanoTime(), Committee.Kind.CABINET_COMMITTEE, null, null);
        Committee.Meeting may = meetings.schedule(c.code(), LocalDate.of(2042, 5, 20), LocalTime.of(10, 0), null, null, null, null);
        Committee.Meeting july = meetings.schedule(c.code(), LocalDate.of(2042, 7, 14), LocalTime.of(10, 0), null, null, null, null);
        Decision sent = decisions.toCommittee(d.number(), c.code(), d.version());
        Decision taken = decisions.take(d.number(), today.plusDays(3), "The roof failed in a storm; residents could not stay", sent.version(),
                today.plusDays(3));
        assertThat(taken.urgency()).isEqualTo("The roof failed in a storm; residents could not stay");
        assertThat(decisions.urgentSince(may, july)).as("reported to the committee's next meeting").extracting(Decision::number).containsExactly(d.number());
        assertThat(decisions.urgentSince(null, may)).as("not to the one before it was taken").isEmpty();
        Decision small = decisions.plan(null, "Minor grant", Decision.Maker.CABINET_MEMBER, null, new BigDecimal("5000"), null, false, null, today);
        assertThat(decisions.take(small.number(), today, null, small.version(), today).status()).as("not a key decision: no notice needed")
                .isEqualTo(Decision.Status.TAKEN);
    }

    @Test
    void theDemosKeyDecisionsLinkToTheItemsOfTwelveMarch2019ThatTookThemAndEachItemLinksBackToItsDecisionAndRecord() throws Exception {
        Committee.Meeting m = twelfthOfMarch();
        java.net.http.HttpClient anyone = java.net.http.HttpClient.newHttpClient();
        for (String[] d : new String[][]{{"18/00067", "7"}, {"19/00011", "8"}}) {
            assertThat(page(anyone, "/decisions/" + d[0])).as(d[0] + " names the item and meeting that took it")
                    .contains("href=\"/meetings/" + m.id() + "/items/" + d[1] + "\"").contains("href=\"/meetings/" + m.id() + "\"");
            assertThat(page(anyone, "/meetings/" + m.id() + "/items/" + d[1])).as("item " + d[1] + " names its decision and its record")
                    .contains("href=\"/decisions/" + d[0] + "\"").contains("record of decision not yet published");
        }
        assertThat(page(anyone, "/meetings/" + m.id())).as("the agenda links each decision item to its decision").contains("href=\"/decisions/18/00067\"");
    }

    @Test
    void aDecisionIsLinkedToAnAgendaItemChosenFromTheMeetingsOfTheCommitteeItWasSentToAndNothingElse() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Linking committee " + System.nanoTime(), Committee.Kind.CABINET_COMMITTEE, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2043, 3, 3), LocalTime.of(10, 0), null, null, null, null);
        agendas.addItem(m.id(), Committee.Section.B, "Day care fees", null, false, null, null);
        agendas.addItem(m.id(), Committee.Section.B, "Withdrawn paper", null, false, null, null);
        agendas.withdraw(m.id(), 2);
        Committee.Item fees = agendas.item(m, 1, true);
        Decision d = decisions.plan(null, "Day care fees", Decision.Maker.CABINET_MEMBER, null, null, null, true, null, LocalDate.of(2043, 1, 2));
        Decision sent = decisions.toCommittee(d.number(), c.code(), d.version());
        long demoItem = agendas.item(twelfthOfMarch(), 9, true).id();
        assertThatThrownBy(() -> decisions.takenAt(d.number(), 999_999_999L, sent.version())).as("an item that does not exist")
                .isInstanceOf(InputException.class).hasMessageContaining("no agenda item").extracting(e -> ((InputException) e).field()).isEqualTo("item");
        assertThatThrownBy(() -> decisions.takenAt(d.number(), demoItem, sent.version())).as("an item of another committee's meeting")
                .isInstanceOf(InputException.class).hasMessageContaining(c.name());
        long withdrawn = jdbc.sql("select id from agenda_item where meeting_id = :m and number = 2").param("m", m.id()).query(Long.class).single();
        assertThatThrownBy(() -> decisions.takenAt(d.number(), withdrawn, sent.version())).as("a withdrawn item").hasMessageContaining("withdrawn");
        assertThat(decisions.get(d.number()).version()).as("nothing stored of a refused link").isEqualTo(sent.version());
        assertThat(decisions.choices(decisions.get(d.number()))).as("the list the clerk chooses from: the committee's items, not withdrawn")
                .extracting(Decisions.ItemChoice::id).containsExactly(fees.id());
        Decision linked = decisions.takenAt(d.number(), fees.id(), sent.version());
        assertThat(decisions.takenAt(linked)).get().extracting(Decisions.TakenAt::meetingId, Decisions.TakenAt::number).containsExactly(m.id(), 1);
        assertThat(decisions.atItem(fees.id())).extracting(Decision::number).containsExactly(d.number());
        assertThatThrownBy(() -> decisions.takenAt(d.number(), fees.id(), sent.version())).as("read before the change").isInstanceOf(ConflictException.class);
        String clerkPage = page(users.signedIn(port, Role.CLERK), "/decisions/" + d.number());
        assertThat(clerkPage).as("chosen from a list").contains("<select class=\"govuk-select\" id=\"item\" name=\"item\"");
    }

    @Test
    void aReportsDecisionIsChosenFromTheDecisionsThatExistAndAReportNamingNoneIsRefusedWhole() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Report committee " + System.nanoTime(), Committee.Kind.CABINET_COMMITTEE, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2043, 4, 4), LocalTime.of(10, 0), null, null, null, null);
        agendas.addItem(m.id(), Committee.Section.B, "Transport policy", null, false, null, null);
        Committee.Item item = agendas.item(m, 1, true);
        assertThatThrownBy(() -> reports.saveReport(item, new Committee.Report(item.id(), "x".repeat(501), null, "43/99999", null, null, null, null,
                "Summary", null, null, null, 0), -1)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(FormErrors.refused((InputException) e, "form").all())
                        .containsOnlyKeys("from", "decisionNo").extractingByKey("decisionNo").asString().contains("There is no decision 43/99999"));
        assertThat(reports.report(item)).as("nothing of a refused report").isEmpty();
        Decision d = decisions.plan(null, "Transport policy", Decision.Maker.CABINET, null, null, null, true, null, LocalDate.of(2043, 1, 3));
        reports.saveReport(item, new Committee.Report(item.id(), null, null, d.number(), null, null, null, null, "Summary", null, null, null, 0), -1);
        java.net.http.HttpClient clerk = users.signedIn(port, Role.CLERK);
        String itemPage = page(clerk, "/meetings/" + m.id() + "/items/1");
        assertThat(itemPage).as("the report links its decision").contains("href=\"/decisions/" + d.number() + "\"")
                .as("chosen from a list of the decisions").contains("<select class=\"govuk-select\" id=\"decisionNo\" name=\"decisionNo\"")
                .contains("<option value=\"18/00067\"");
        assertThat(page(clerk, "/decisions/" + d.number())).as("the decision links its report").contains("href=\"/meetings/" + m.id() + "/items/1\"");
    }

}
