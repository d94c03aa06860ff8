package org.oversight.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.publishing.PaperPublished;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Committees, members, meetings and agendas: the rules, the exempt items kept from the public, standing items, the calendar feeds. */
@OversightTest
class GovernanceTest {

    @LocalServerPort int port;
    @Autowired Committees committees;
    @Autowired Memberships memberships;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;
    @Autowired Reports reports;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired WorkProgramme programme;
    @Autowired Decisions decisions;
    @Autowired AgendaPack pack;
    @Autowired Minutes minutes;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String publicly(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void theDemoCommitteeHasItsMembersAndTheAgendaOfTwelveMarch2019() {
        Committee c = committees.get("adult-social-care-cabinet-committee");
        List<Committee.Member> members = memberships.members(c, LocalDate.of(2019, 3, 12));
        assertThat(members).hasSize(14);
        assertThat(members.get(0)).extracting(Committee.Member::name, Committee.Member::role).containsExactly("Mrs P T Cole", Committee.Role.CHAIRMAN);
        assertThat(members.get(1)).extracting(Committee.Member::name, Committee.Member::role).containsExactly("Mrs C Bell", Committee.Role.VICE_CHAIRMAN);
        Committee.Meeting m = meetings.meetings(c).stream().filter(x -> x.starts().equals(LocalDateTime.of(2019, 3, 12, 10, 0))).findFirst().orElseThrow();
        List<Committee.Item> agenda = agendas.agenda(m, false);
        assertThat(agenda).hasSize(15);
        assertThat(agenda.get(6).title()).startsWith("18/00067");
        assertThat(agenda.get(13)).extracting(Committee.Item::section, Committee.Item::standingKind, Committee.Item::standingScope)
                .containsExactly(Committee.Section.D, "dashboard", "Adult Social Care and Health");
    }

    @Test
    void aStandingItemCarriesTheLatestPaperPublishedForAPeriodUpToTheMeeting() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Standing items panel " + System.nanoTime(), Committee.Kind.PANEL, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2018, 11, 20), LocalTime.of(14, 0), null, "Council Chamber", null, null);
        String scope = "Standing " + System.nanoTime();
        agendas.addItem(m.id(), Committee.Section.D, "Performance dashboard", null, false, "dashboard", scope);
        assertThat(agendas.agenda(m, false).get(0).paper()).as("nothing published yet").isNull();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new PaperPublished("dashboard", YearMonth.of(2018, 9), scope, 1, scope + " performance dashboard, September 2018", "x"));
            events.publishEvent(new PaperPublished("dashboard", YearMonth.of(2018, 10), scope, 1, scope + " performance dashboard, October 2018", "x"));
            events.publishEvent(new PaperPublished("dashboard", YearMonth.of(2018, 10), scope, 2, scope + " performance dashboard, October 2018", "x"));
            events.publishEvent(new PaperPublished("dashboard", YearMonth.of(2018, 12), scope, 1, scope + " performance dashboard, December 2018", "x"));
        });
        // Governance follows each publication once it is committed, in its own time.
        await().until(() -> jdbc.sql("select count(*) from published_paper where scope = :s").param("s", scope).query(Integer.class).single() == 4);
        assertThat(agendas.agenda(m, false).get(0).paper()).as("October's second version: December's is for a later meeting")
                .extracting(Committee.Paper::period, Committee.Paper::version).containsExactly(YearMonth.of(2018, 10), 2);
    }

    @Test
    void anExemptItemIsShownToStaffAndNowhereToThePublic() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Exempt items board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2019, 6, 4), LocalTime.of(10, 0), LocalTime.of(12, 30), "Darent Room", null, null);
        agendas.addItem(m.id(), Committee.Section.A, "Apologies and substitutes", null, false, null, null);
        agendas.addItem(m.id(), Committee.Section.C, "Disposal of Old Mill Farm (commercially sensitive)", "Terms of the sale", true, null, null);
        assertThat(agendas.agenda(m, true)).extracting(Committee.Item::title).contains("Disposal of Old Mill Farm (commercially sensitive)");
        assertThat(agendas.agenda(m, false)).extracting(Committee.Item::title).containsExactly("Apologies and substitutes");
        for (String path : List.of("/meetings/" + m.id(), "/committees/" + c.code(), "/committees/" + c.code() + "/meetings.ics", "/meetings.ics")) {
            assertThat(publicly(path)).as(path).doesNotContain("Old Mill Farm", "Terms of the sale");
        }
        assertThatThrownBy(() -> agendas.addItem(m.id(), Committee.Section.D, "Dashboard", null, true, "dashboard", ""))
                .as("a published paper cannot be exempt").hasMessageContaining("cannot be exempt");
    }

    @Test
    void aMeetingEndingBeforeItStartsAndAMemberOnACommitteeTwiceAreRefusedAndNothingIsStored() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Bad input committee " + System.nanoTime(), Committee.Kind.COMMITTEE, "To scrutinise.", null);
        LocalDate day = LocalDate.of(2019, 5, 1);
        LocalTime ten = LocalTime.of(10, 0);
        assertThatThrownBy(() -> meetings.schedule(c.code(), day, ten, ten.minusHours(1), null, null, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("not after it starts").extracting(e -> ((InputException) e).field()).isEqualTo("until");
        assertThatThrownBy(() -> meetings.schedule(c.code(), day, ten, ten, null, null, null)).hasMessageContaining("not after it starts");
        assertThatThrownBy(() -> meetings.schedule(c.code(), day, null, ten, null, null, null)).as("an end without a start")
                .extracting(e -> ((InputException) e).field()).isEqualTo("time");
        assertThatThrownBy(() -> meetings.schedule(c.code(), day, ten, null, null, "javascript:alert(1)", null)).hasMessageContaining("webcast");
        assertThat(meetings.meetings(c)).isEmpty();
        memberships.addMember(c.code(), "Mr A Member", "Independent", Committee.Role.MEMBER, LocalDate.of(2017, 5, 4), null);
        assertThatThrownBy(() -> memberships.addMember(c.code(), "Mr A Member", null, Committee.Role.SUBSTITUTE, LocalDate.of(2018, 1, 1), null))
                .hasMessageContaining("already a member");
        assertThatThrownBy(() -> memberships.addMember(c.code(), "Ms B Member", null, Committee.Role.MEMBER, LocalDate.of(2018, 1, 1), LocalDate.of(2017, 1, 1)))
                .extracting(e -> ((InputException) e).field()).isEqualTo("end");
        assertThat(memberships.members(c, LocalDate.of(2019, 1, 1))).extracting(Committee.Member::name).containsExactly("Mr A Member");
        memberships.addMember(c.code(), "Mrs C Chair", null, Committee.Role.CHAIRMAN, LocalDate.of(2017, 5, 25), null);
        assertThatThrownBy(() -> memberships.addMember(c.code(), "Mr D Second", null, Committee.Role.CHAIRMAN, LocalDate.of(2018, 5, 1), null))
                .as("two chairmen at once").hasMessageContaining("Mrs C Chair is Chairman");
        long chair = memberships.members(c, LocalDate.of(2019, 1, 1)).stream().filter(x -> x.name().equals("Mrs C Chair")).findFirst().orElseThrow().id();
        memberships.removeSeat(c.code(), chair);
        assertThat(memberships.members(c, LocalDate.of(2019, 1, 1))).extracting(Committee.Member::name).as("a seat entered in error, removed")
                .containsExactly("Mr A Member");
        memberships.addMember(c.code(), "Mr D Second", null, Committee.Role.CHAIRMAN, LocalDate.of(2018, 5, 1), null);
        assertThatThrownBy(() -> committees.create(c.name().toUpperCase(), Committee.Kind.PANEL, null, null)).hasMessageContaining("already a committee");
    }

    @Test
    void theCalendarFeedsAreValidICalendarWithEachMeetingAtItsTimeInUtc() throws Exception {
        String ics = publicly("/committees/adult-social-care-cabinet-committee/meetings.ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent march = events.stream().filter(e -> e.getDateTimeStart().get().getValue().startsWith("20190312")).findFirst().orElseThrow();
        assertThat(march.getDateTimeStart().get().getValue()).as("10:00 in London in March is 10:00 UTC").isEqualTo("20190312T100000Z");
        assertThat(march.getSummary().get().getValue()).isEqualTo("Adult Social Care Cabinet Committee");
        assertThat(march.getLocation().get().getValue()).isEqualTo("Darent Room - Sessions House");
        assertThat(ics).as("the January meeting, its time not recorded, is a whole-day event")
                .contains("DTSTART;VALUE=DATE:20190122\r\nDTEND;VALUE=DATE:20190123\r\n");
        assertThat(ics.lines().mapToInt(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max().orElseThrow()).as("folded at 75 octets")
                .isLessThanOrEqualTo(75);
        Calendar all = new CalendarBuilder().build(new StringReader(publicly("/meetings.ics")));
        all.validate();
        assertThat(all.getComponents("VEVENT")).hasSizeGreaterThanOrEqualTo(events.size());
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"10:00, 10:00", "10.00 am, 10:00", "2pm, 14:00", "2.30 pm, 14:30", "12 pm, 12:00", "12am, 00:00", "14.30, 14:30"})
    void aTimeIsReadAsClerksWriteIt(String typed, String time) {
        assertThat(Written.time("time", typed)).hasToString(time);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"25:00", "13pm", "ten", "10:75"})
    void aTimeThatIsNotOneIsRefusedNamingTheBox(String typed) {
        assertThatThrownBy(() -> Written.time("time", typed)).isInstanceOf(InputException.class)
                .extracting(e -> ((InputException) e).field()).isEqualTo("time");
    }

    @Test
    void theWorkProgrammeHasTheFutureMeetingsWithTheirItemsRequestsAndDecisionsForEndorsement() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        LocalDateTime now = LocalDateTime.of(2030, 6, 1, 9, 0);
        Committee c = committees.create("Programme committee " + System.nanoTime(), Committee.Kind.CABINET_COMMITTEE, null, null);
        Committee.Meeting past = meetings.schedule(c.code(), LocalDate.of(2030, 5, 1), LocalTime.of(10, 0), null, null, null, null);
        Committee.Meeting july = meetings.schedule(c.code(), LocalDate.of(2030, 7, 9), LocalTime.of(10, 0), null, null, null, null);
        agendas.addItem(july.id(), Committee.Section.D, "Performance dashboard", null, false, "dashboard", "Adult Social Care and Health");
        programme.request(c, "Dementia care in the community", "Mrs C Bell", july.id(), now);
        programme.request(c, "Day services review", null, null, now);
        assertThatThrownBy(() -> programme.request(c, "Too late", null, past.id(), now)).hasMessageContaining("future meeting of this committee");
        Decision d = decisions.plan(null, "Home care framework", Decision.Maker.CABINET_MEMBER, null, null, null, true, null, LocalDate.of(2030, 5, 20));
        decisions.toCommittee(d.number(), c.code(), d.version());

        WorkProgramme.Programme p = programme.of(c, now);
        assertThat(p.meetings()).extracting(m -> m.meeting().id()).containsExactly(july.id());
        assertThat(p.meetings().get(0).items()).extracting(Committee.Item::title).containsExactly("Performance dashboard");
        assertThat(p.meetings().get(0).requests()).extracting(WorkProgramme.Request::title).containsExactly("Dementia care in the community");
        assertThat(p.unplaced()).extracting(WorkProgramme.Request::title).containsExactly("Day services review");
        assertThat(p.decisions()).extracting(Decision::number).containsExactly(d.number());
        assertThat(p.lastUpdated()).isNotNull();
    }

    @Test
    void theClerkReordersTheAgendaUntilThePackIsPublishedAndTheReportsStayWithTheirItems() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Reordering board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2031, 2, 3), LocalTime.of(10, 0), null, null, null, null);
        for (String t : List.of("Apologies", "Budget", "Withdrawn", "Declarations of interest")) {
            agendas.addItem(m.id(), Committee.Section.A, t, null, false, null, null);
        }
        agendas.withdraw(m.id(), 3);
        agendas.addItem(m.id(), Committee.Section.C, "Care home fees", null, false, null, null);
        Committee.Item budget = agendas.item(m, 2, true);
        reports.saveReport(budget, new Committee.Report(budget.id(), "Director of Finance", null, null, "Unrestricted", null, null, null,
                "The budget.", Committee.Verb.CONSIDER, "the budget", null, 0), -1);
        agendas.move(m.id(), 4, id(m, 4), true);
        assertThatThrownBy(() -> agendas.move(m.id(), 2, budget.id(), true)).as("pressed twice: item 2 is another item now")
                .hasMessageContaining("agenda changed since you read it");
        agendas.move(m.id(), 2, id(m, 2), true);
        assertThat(agendas.agenda(m, true)).extracting(Committee.Item::title).containsExactly("Declarations of interest", "Apologies", "Budget",
                "Care home fees");
        assertThat(agendas.agenda(m, true)).extracting(Committee.Item::number).containsExactly(1, 2, 4, 5);
        assertThat(reports.report(agendas.item(m, 4, true))).as("the report moved with its item").get().extracting(Committee.Report::summary)
                .isEqualTo("The budget.");
        assertThatThrownBy(() -> agendas.move(m.id(), 1, id(m, 1), true)).hasMessageContaining("already first");
        assertThatThrownBy(() -> agendas.move(m.id(), 4, id(m, 4), false)).as("out of its section").hasMessageContaining("already last in section A");
        assertThatThrownBy(() -> agendas.move(m.id(), 3, 0, false)).as("withdrawn").hasMessageContaining("no item 3");
        String itemPage = "/meetings/" + m.id() + "/items/4";
        assertThat(publicly(itemPage)).as("a report before its pack is published is a draft").doesNotContain("The budget.")
                .contains("published with the meeting's agenda pack");
        agendas.publishPack(m, pack.assemble(m, false), jdbc.sql("select clock_timestamp()").query(java.time.OffsetDateTime.class).single(), "clerk");
        assertThatThrownBy(() -> agendas.move(m.id(), 2, id(m, 2), true)).hasMessageContaining("agenda pack is published");
        assertThat(publicly(itemPage)).as("and public once it is").contains("The budget.");
    }

    private long id(Committee.Meeting m, int number) {
        return agendas.item(m, number, true).id();
    }


    @Test
    void anExemptItemsWordsStayOutOfTheAuditTrailWhichRolesThatMayNotReadThemCanRead() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Audit board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2019, 2, 5), LocalTime.of(10, 0), null, null, null, Committee.Status.HELD);
        agendas.addItem(m.id(), Committee.Section.C, "Sale of Quarry Lane depot AUDITSECRET", "Terms AUDITSECRET", true, null, null);
        Committee.Item item = agendas.item(m, 1, true);
        reports.saveReport(item, new Committee.Report(item.id(), "Director", null, null, "Exempt - paragraph 3", null, null, null, "AUDITSECRET summary",
                Committee.Verb.CONSIDER, "AUDITSECRET", "The AUDITSECRET price", 0), -1);
        minutes.add(m, new Minutes.Minute(0, 1, "Quarry Lane AUDITSECRET", "AUDITSECRET", "RESOLVED that AUDITSECRET", null, null, null, true),
                LocalDateTime.of(2019, 3, 1, 9, 0));
        assertThat(jdbc.sql("select count(*) from audit_event where concat(summary, before::text, after::text) like '%AUDITSECRET%'").query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select summary from audit_event where record_type = 'agenda_item' and record_id = :r").param("r", Long.toString(item.id()))
                .query(String.class).list()).as("named by its id, which does not move").singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("added: an exempt item");
    }

    @Test
    void aPastedControlCharacterDoesNotStopThePackAndTheAgendaOfAMeetingWithMinutesIsClosed() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Pasted text board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        assertThatThrownBy(() -> meetings.schedule(c.code(), LocalDate.of(2019, 2, 6), LocalTime.of(10, 0), null, "Room\u0001 2", null, null))
                .extracting(e -> ((InputException) e).field()).isEqualTo("location");
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2019, 2, 6), LocalTime.of(10, 0), null, "Room 2", null, Committee.Status.HELD);
        agendas.addItem(m.id(), Committee.Section.A, "Pasted from Word", "Line one\u000bline two\u000c\u0001", false, null, null);
        assertThat(pack.assemble(m, false).pages()).isGreaterThanOrEqualTo(1);
        assertThat(publicly("/committees/" + c.code() + "/meetings.ics")).doesNotContain("\u0001");
        assertThatThrownBy(() -> meetings.schedule(c.code(), LocalDate.of(2027, 3, 28), LocalTime.of(1, 30), null, null, null, null))
                .as("a time the clocks skip").hasMessageContaining("clocks go forward");
        minutes.add(m, new Minutes.Minute(0, 1, "Apologies", null, null, null, null, null, false), LocalDateTime.of(2019, 3, 1, 9, 0));
        assertThatThrownBy(() -> agendas.addItem(m.id(), Committee.Section.A, "Afterthought", null, false, null, null)).hasMessageContaining("has its minutes");
        assertThatThrownBy(() -> agendas.withdraw(m.id(), 1)).hasMessageContaining("has its minutes");
        memberships.addMember(c.code(), "Cllr Dup", null, Committee.Role.MEMBER, null, null);
        assertThatThrownBy(() -> memberships.addMember(c.code(), "cllr dup", null, Committee.Role.MEMBER, null, null)).as("the same person, however typed")
                .hasMessageContaining("already a member");
    }

    @Test
    void aMemberReadsTheExemptItemsOfTheCommitteesTheySitOnAndNoOthers() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Seated board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2031, 4, 1), LocalTime.of(10, 0), null, null, null, null);
        agendas.addItem(m.id(), Committee.Section.C, "Land at Hollow Lane (exempt)", null, true, null, null);
        memberships.addMember(c.code(), "Mrs S Seated", "Independent", Committee.Role.MEMBER, null, null);
        long seat = memberships.members(c, LocalDate.of(2031, 4, 1)).get(0).id();
        String member = users.with(Role.MEMBER);
        java.net.http.HttpClient browser = users.signedIn(port, member);
        java.util.function.Supplier<String> page = () -> {
            try {
                return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + m.id())).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(page.get()).as("a Member of another committee").doesNotContain("Hollow Lane");
        assertThatThrownBy(() -> memberships.linkAccount(c.code(), seat, users.with(Role.PERFORMANCE))).hasMessageContaining("does not have the Member role");
        assertThatThrownBy(() -> memberships.linkAccount(c.code(), seat, "nobody-" + System.nanoTime())).hasMessageContaining("There is no user");
        memberships.linkAccount(c.code(), seat, member);
        assertThat(page.get()).as("seated, and linked").contains("Land at Hollow Lane (exempt)");
        memberships.endTerm(c.code(), seat, LocalDate.now().minusDays(1));
        assertThat(page.get()).as("no longer seated, today or on the day").doesNotContain("Hollow Lane");
    }

    @Test
    void theDraftPackIsForClerksFinanceOfficersAndTheMembersWhoSitOnTheCommitteeAndRefusedToOtherMembers() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Draft pack board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2031, 5, 1), LocalTime.of(10, 0), null, null, null, null);
        agendas.addItem(m.id(), Committee.Section.C, "Land at Brook Farm (exempt)", null, true, null, null);
        memberships.addMember(c.code(), "Mr D Drafted", "Independent", Committee.Role.MEMBER, null, null);
        long seat = memberships.members(c, LocalDate.of(2031, 5, 1)).get(0).id();
        // A Member of their own, so the other tests' seats are not theirs.
        String member = users.with(Role.MEMBER, "reads draft packs");
        java.util.function.Function<HttpClient, HttpResponse<String>> draft = browser -> {
            try {
                return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + m.id() + "/pack/draft.pdf"))
                                .header("Accept", "text/html,application/pdf").build(),
                        HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> unseated = draft.apply(users.signedIn(port, member));
        assertThat(unseated.statusCode()).as("a Member with no seat on the committee").isEqualTo(403);
        assertThat(unseated.body()).contains("You do not have access to this page").doesNotContain("%PDF");
        assertThat(draft.apply(users.signedIn(port, Role.PERFORMANCE)).statusCode()).as("a role the README does not give drafts").isEqualTo(403);
        memberships.linkAccount(c.code(), seat, member);
        for (HttpClient reader : List.of(users.signedIn(port, member), users.signedIn(port, Role.CLERK), users.signedIn(port, Role.FINANCE_OFFICER))) {
            HttpResponse<String> r = draft.apply(reader);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("%PDF");
        }
    }

    @Test
    void aRefusedMeetingListsEveryMistakeAtOnceInTheOrderOfItsBoxesEachLinkedToItsBox() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Mistaken board " + System.nanoTime(), Committee.Kind.BOARD, null, null);
        assertThatThrownBy(() -> meetings.schedule(c.code(), LocalDate.of(2031, 6, 1), LocalTime.of(10, 0), null, "x".repeat(301), "javascript:alert(1)", null))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(FormErrors.refused((InputException) e, "form").all().keySet()).containsExactly("location", "webcast"));
        HttpClient clerk = users.signedIn(port, Role.CLERK);
        String page = refused(clerk, "/committees/" + c.code(), "/committees/" + c.code() + "/meetings", Map.of("date", "1 6 2031", "time", "25:00",
                "until", "9am", "location", "Darent\u0007Room", "webcast", "javascript:alert(1)"));
        assertThat(summary(page)).containsExactly("time", "location", "webcast");
        assertThat(summary(page)).allSatisfy(box -> assertThat(page).contains("id=\"" + box + "\""));
        String early = refused(clerk, "/committees/" + c.code(), "/committees/" + c.code() + "/meetings", Map.of("date", "1 6 2031", "time", "10:00",
                "until", "9am", "location", "x".repeat(301), "webcast", ""));
        assertThat(summary(early)).as("an end before the start, at the box of the end").containsExactly("until", "location");
        assertThat(meetings.meetings(c)).as("nothing of a refused form").isEmpty();

        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2031, 6, 1), LocalTime.of(10, 0), null, null, null, null);
        agendas.addItem(m.id(), Committee.Section.C, "Fees", null, false, null, null);
        Committee.Item item = agendas.item(m, 1, true);
        assertThatThrownBy(() -> reports.saveReport(item, new Committee.Report(item.id(), "x".repeat(501), null, "2019/1", null, null, null, null,
                "x".repeat(5_001), null, null, null, 0), -1)).as("the report's form too")
                .satisfies(e -> assertThat(FormErrors.refused((InputException) e, "form").all().keySet())
                        .containsExactly("from", "decisionNo", "summary"));
        assertThat(reports.report(item)).isEmpty();
    }

    /** Sends a form from the page it is on, as the browser does, and reads the page it is refused back to. */
    private String refused(HttpClient browser, String from, String action, Map<String, String> form) throws Exception {
        String html = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + from)).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8));
        form.forEach((k, v) -> body.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("sent back to the form").isEqualTo(302);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + from).resolve(r.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The boxes the page's error summary links to, in its order. */
    private static List<String> summary(String html) {
        int at = html.indexOf("id=\"error-summary\"");
        assertThat(at).as("an error summary").isNotNegative();
        return java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(html.substring(at, html.indexOf("</ul>", at))).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theDemoWorkProgramme2019To20HasItsSevenDatedMeetingsWithStandingItemsAndTopics() throws Exception {
        Committee c = committees.get("adult-social-care-cabinet-committee");
        WorkProgramme.Programme p = programme.of(c, LocalDateTime.of(2019, 3, 13, 0, 0));
        assertThat(p.meetings()).extracting(m -> m.meeting().starts().toLocalDate()).containsExactly(LocalDate.of(2019, 5, 17), LocalDate.of(2019, 7, 12),
                LocalDate.of(2019, 9, 27), LocalDate.of(2019, 11, 27), LocalDate.of(2020, 1, 16), LocalDate.of(2020, 3, 27), LocalDate.of(2020, 5, 22));
        assertThat(p.meetings()).allSatisfy(m -> assertThat(m.meeting().timed()).as("dates only in the programme").isFalse());
        assertThat(p.meetings()).allSatisfy(m -> assertThat(m.items()).extracting(Committee.Item::title).contains("Work Programme 2019/20"));
        assertThat(p.meetings().get(1).items()).filteredOn(i -> "Performance Dashboard".equals(i.title())).singleElement()
                .extracting(Committee.Item::standingKind).isEqualTo("dashboard");
        assertThat(p.meetings().get(0).requests()).extracting(WorkProgramme.Request::title).contains("Wayfarers Care Home");
        assertThat(publicly("/committees/" + c.code() + "/work-programme")).as("none of them is in the future now")
                .contains("No future meetings", "work-programme?from=2019-03-12");
        assertThat(publicly("/committees/" + c.code() + "/work-programme?from=2019-03-12")).contains("as it stood on 12 March 2019", "17 May 2019",
                "Sensory Strategy Update").doesNotContain("00:00", "12 March 2019 at");
    }

    @Test
    void aTermEndsAndTheMemberMayReturnLaterAndAMeetingIsCancelledInItsFeed() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        Committee c = committees.create("Terms committee " + System.nanoTime(), Committee.Kind.COMMITTEE, null, null);
        memberships.addMember(c.code(), "Ms D Marsh", "Conservative", Committee.Role.VICE_CHAIRMAN, LocalDate.of(2017, 5, 25), null);
        long seat = memberships.members(c, LocalDate.of(2018, 1, 1)).get(0).id();
        assertThatThrownBy(() -> memberships.endTerm(c.code(), seat, LocalDate.of(2017, 1, 1))).as("before it began").hasMessageContaining("began after");
        memberships.endTerm(c.code(), seat, LocalDate.of(2019, 3, 11));
        assertThat(memberships.members(c, LocalDate.of(2019, 3, 12))).isEmpty();
        assertThat(publicly("/committees/" + c.code())).as("a former member, with the dates").contains("Former members (1)", "Ms D Marsh, Vice-Chairman, Conservative: 25 May 2017 to 11 March 2019");
        assertThat(memberships.members(c, LocalDate.of(2019, 3, 11))).extracting(Committee.Member::name).containsExactly("Ms D Marsh");
        memberships.addMember(c.code(), "Ms D Marsh", "Conservative", Committee.Role.MEMBER, LocalDate.of(2019, 3, 12), null);
        assertThat(memberships.members(c, LocalDate.of(2019, 6, 1))).extracting(Committee.Member::role).containsExactly(Committee.Role.MEMBER);

        Committee.Meeting m = meetings.schedule(c.code(), LocalDate.of(2099, 1, 12), LocalTime.of(10, 0), null, "Darent Room", null, null);
        LocalDateTime now = LocalDateTime.of(2030, 1, 1, 9, 0);
        assertThatThrownBy(() -> meetings.status(m.id(), Committee.Status.HELD, meetings.version(m), now)).hasMessageContaining("once it has started");
        int version = meetings.version(m);
        meetings.status(m.id(), Committee.Status.CANCELLED, version, now);
        assertThatThrownBy(() -> meetings.status(m.id(), Committee.Status.SCHEDULED, version, now)).as("read before the change")
                .isInstanceOf(ConflictException.class);
        Calendar feed = new CalendarBuilder().build(new StringReader(publicly("/committees/" + c.code() + "/meetings.ics")));
        assertThat(((VEvent) feed.getComponents("VEVENT").get(0)).getStatus().get().getValue()).isEqualTo("CANCELLED");
    }
}
