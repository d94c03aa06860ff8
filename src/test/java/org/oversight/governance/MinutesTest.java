package org.oversight.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** Minutes: once the meeting has met, numbered, resolutions as minuted, votes all or none, approved at a later meeting and then fixed. */
@OversightTest
class MinutesTest {

    @LocalServerPort int port;
    @Autowired Committees committees;
    @Autowired Meetings meetings;
    @Autowired Agendas agendas;
    @Autowired Reports reports;
    @Autowired Minutes minutes;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void minutesAreDraftUntilALaterMeetingApprovesThemAndThenNothingChangesThem() throws Exception {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        LocalDateTime now = LocalDateTime.of(2019, 3, 20, 9, 0);
        Committee c = committees.create("Minutes committee " + System.nanoTime(), Committee.Kind.COMMITTEE, null, null);
        Committee.Meeting january = meetings.schedule(c.code(), LocalDate.of(2019, 1, 22), LocalTime.of(10, 0), null, "Darent Room", null, Committee.Status.HELD);
        Committee.Meeting march = meetings.schedule(c.code(), LocalDate.of(2019, 3, 12), LocalTime.of(10, 0), null, "Darent Room", null, Committee.Status.HELD);
        Committee.Meeting may = meetings.schedule(c.code(), LocalDate.of(2019, 5, 14), LocalTime.of(10, 0), null, "Darent Room", null, null);
        assertThatThrownBy(() -> minutes.add(may, minute("Apologies", null, null, null, null, null, false), now)).hasMessageContaining("once the meeting has met");

        minutes.attendance(january, Map.of("present", "Mrs P T Cole (Chairman), Ms D Marsh (Vice-Chairman)", "apologies", "Mr S J G Koowaree",
                "substitutes", "Mrs T Dean, MBE for Mr S J G Koowaree"), 0, now);
        assertThatThrownBy(() -> minutes.add(january, minute("Minutes", null, "That the minutes are correct", null, null, null, false), now))
                .extracting(e -> ((InputException) e).field()).isEqualTo("resolved");
        assertThatThrownBy(() -> minutes.add(january, minute("Minutes", null, null, 10, null, null, false), now)).hasMessageContaining("all three of the votes");
        assertThat(minutes.add(january, minute("Membership", "Mr D Pascoe has resigned.", null, null, null, null, false), now)).isEqualTo(1);
        assertThat(minutes.add(january, minute("Minutes of the meeting held on 30 November 2018", null,
                "RESOLVED that the minutes of the meeting held on 30 November 2018 are correctly recorded and that they be signed by the Chairman.",
                11, 0, 1, false), now)).isEqualTo(2);
        minutes.add(january, minute("Sale of a care home (exempt)", "Terms discussed", "RESOLVED that the sale proceed.", null, null, null, true), now);
        assertThat(minutes.of(january, false).orElseThrow().minutes()).extracting(Minutes.Minute::number).containsExactly(1, 2);

        assertThat(minutes.add(january, minute("Interests", null, "resolved THAT none were declared.", null, null, null, false), now)).isEqualTo(4);
        assertThat(minutes.of(january, true).orElseThrow().minutes().get(3).resolved()).as("written as minuted").isEqualTo("RESOLVED that none were declared.");
        assertThatThrownBy(() -> meetings.status(january.id(), Committee.Status.CANCELLED, meetings.version(january), now))
                .as("a meeting with minutes was held").hasMessageContaining("has minutes");
        assertThatThrownBy(() -> minutes.approve(january, may.id(), now)).as("a meeting not yet held").hasMessageContaining("at a meeting that has met");
        assertThatThrownBy(() -> minutes.approve(january, january.id(), now)).hasMessageContaining("later meeting of the same committee");
        minutes.approve(january, march.id(), now);
        Minutes.Record approved = minutes.of(january, true).orElseThrow();
        assertThat(approved.approvedOn()).hasToString("2019-03-12");
        assertThatThrownBy(() -> minutes.add(january, minute("Afterthought", null, null, null, null, null, false), now)).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("update minute set title = 'x' where meeting_id = :m").param("m", january.id()).update())
                .as("the database refuses too").hasMessageContaining("approved and cannot be changed");

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + january.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("RESOLVED that the minutes of the meeting held on 30 November 2018", "For 11, against 0, abstained 1.",
                "Approved as a correct record at the meeting of 12 March 2019").doesNotContain("Sale of a care home", "Terms discussed");
    }

    @Test
    void minuteNumbersRunOnFromTheCommitteesPreviousMinutesUnlessTheClerkStartsANewSeries() {
        TestUsers.actAs(users.with(Role.CLERK), Role.CLERK);
        LocalDateTime now = LocalDateTime.of(2019, 6, 1, 9, 0);
        Committee c = committees.create("Numbering committee " + System.nanoTime(), Committee.Kind.COMMITTEE, null, null);
        Committee.Meeting january = meetings.schedule(c.code(), LocalDate.of(2019, 1, 22), null, null, null, null, Committee.Status.HELD);
        Committee.Meeting march = meetings.schedule(c.code(), LocalDate.of(2019, 3, 12), LocalTime.of(10, 0), null, null, null, Committee.Status.HELD);
        Committee.Meeting may = meetings.schedule(c.code(), LocalDate.of(2019, 5, 17), null, null, null, null, null);
        assertThat(minutes.add(january, new Minutes.Minute(123, 2, "Apologies and Substitutes", null, null, null, null, null, false), now)).isEqualTo(123);
        assertThat(minutes.add(january, minute("Declarations of Interest", null, null, null, null, null, false), now)).isEqualTo(124);
        assertThat(minutes.add(march, minute("Apologies and Substitutes", null, null, null, null, null, false), now)).as("on from January's").isEqualTo(125);
        assertThatThrownBy(() -> minutes.add(march, new Minutes.Minute(125, null, "Again", null, null, null, null, null, false), now))
                .extracting(e -> ((InputException) e).field()).isEqualTo("minuteNumber");
        assertThat(minutes.add(may, new Minutes.Minute(1, 1, "Election of Chairman", null, null, null, null, null, false), now))
                .as("a new municipal year's series").isEqualTo(1);
        assertThat(minutes.next(may)).isEqualTo(2);
        assertThat(meetings.meeting(may.id()).status()).as("a meeting with minutes has been held").isEqualTo(Committee.Status.HELD);
        assertThatThrownBy(() -> agendas.addItem(march.id(), Committee.Section.A, "Too late", null, false, null, null))
                .hasMessageContaining("has its minutes");
        assertThat(minutes.of(january, true).orElseThrow().minutes()).extracting(Minutes.Minute::item).containsExactly(2, null);
    }

    @Test
    void theDemoHasTheMinutesOf22January2019AsPrintedADraftForApprovalAtTheMarchMeeting() throws Exception {
        Committee c = committees.get("adult-social-care-cabinet-committee");
        Committee.Meeting january = meetings.meetings(c).stream().filter(m -> m.starts().toLocalDate().equals(LocalDate.of(2019, 1, 22))).findFirst()
                .orElseThrow();
        assertThat(january.timed()).as("the minutes give no time").isFalse();
        Minutes.Record r = minutes.of(january, false).orElseThrow();
        assertThat(r.approvedAt()).isNull();
        assertThat(r.minutes()).extracting(Minutes.Minute::number).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(123, 133).boxed().toList());
        assertThat(r.minutes()).extracting(Minutes.Minute::item).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, 12).boxed().toList());
        assertThat(r.minutes()).filteredOn(x -> x.resolved() != null).allSatisfy(x -> assertThat(x.resolved()).startsWith("RESOLVED that"));
        assertThat(r.attendance().get("substitutes")).contains("Mrs Dean");
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + january.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("22 January 2019</h1>", "Not recorded", "133. Work Programme 2019/2020", "Also present", "Mr G Gibbens")
                .doesNotContain("00:00");
    }

    @Test
    void onceTheMinutesAreApprovedTheReportsOnTheMeetingsItemsDoNotChangeNorDoesTheDatabaseLetThem() throws Exception {
        String clerk = users.with(Role.CLERK);
        TestUsers.actAs(clerk, Role.CLERK);
        LocalDateTime now = LocalDateTime.of(2019, 3, 20, 9, 0);
        Committee c = committees.create("Reports committee " + System.nanoTime(), Committee.Kind.COMMITTEE, null, null);
        Committee.Meeting january = meetings.schedule(c.code(), LocalDate.of(2019, 1, 22), LocalTime.of(10, 0), null, null, null, Committee.Status.HELD);
        Committee.Meeting march = meetings.schedule(c.code(), LocalDate.of(2019, 3, 12), LocalTime.of(10, 0), null, null, null, Committee.Status.HELD);
        agendas.addItem(january.id(), Committee.Section.C, "Care home fees", null, false, null, null);
        agendas.addItem(january.id(), Committee.Section.C, "Day services", null, false, null, null);
        Committee.Item fees = agendas.item(january, 1, true), day = agendas.item(january, 2, true);
        reports.saveReport(fees, report(fees, "Fees rise by 2.8%"), -1);
        minutes.add(january, new Minutes.Minute(0, 1, "Care home fees", null, "RESOLVED that the fees rise.", null, null, null, false), now);
        reports.saveReport(fees, report(fees, "Fees rise by 3.1%"), 0);
        minutes.approve(january, march.id(), now);

        assertThatThrownBy(() -> reports.saveReport(fees, report(fees, "Fees rise by 9%"), 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("approved on 12 March 2019");
        assertThatThrownBy(() -> reports.saveReport(day, report(day, "Written afterwards"), -1)).as("nor is one written afterwards")
                .hasMessageContaining("approved on 12 March 2019");
        assertThat(reports.report(fees).orElseThrow().summary()).isEqualTo("Fees rise by 3.1%");
        assertThat(reports.report(day)).isEmpty();
        assertThatThrownBy(() -> jdbc.sql("update report set summary = 'x' where agenda_item_id = :i").param("i", fees.id()).update())
                .as("the database refuses too").hasMessageContaining("are approved");
        assertThatThrownBy(() -> jdbc.sql("insert into report (agenda_item_id, summary) values (:i, 'x')").param("i", day.id()).update())
                .hasMessageContaining("are approved");
        assertThatThrownBy(() -> jdbc.sql("update agenda_item set title = 'x' where id = :i").param("i", day.id()).update())
                .as("and the agenda's items").hasMessageContaining("are approved");

        String page = users.signedIn(port, clerk).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/meetings/" + january.id() + "/items/1"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).as("no form to change it").contains("Fees rise by 3.1%", "approved on 12 March 2019").doesNotContain("id=\"save-report\"");
    }

    private static Committee.Report report(Committee.Item i, String summary) {
        return new Committee.Report(i.id(), "Corporate Director", null, null, null, null, null, null, summary, Committee.Verb.NOTE, "Note the fees.", null, 0);
    }

    private static Minutes.Minute minute(String title, String discussion, String resolved, Integer votesFor, Integer against, Integer abstained,
                                         boolean exempt) {
        return new Minutes.Minute(0, null, title, discussion, resolved, votesFor, against, abstained, exempt);
    }
}
