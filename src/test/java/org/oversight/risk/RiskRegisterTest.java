package org.oversight.risk;

import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Role;
import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@OversightTest
@RecordApplicationEvents
class RiskRegisterTest {

    @Autowired ApplicationEvents events;
    @Autowired RegisterViews views;
    @Autowired RiskReviews reviews;
    @Autowired RiskCatalogue catalogue;
    @Autowired RegisterImport imports;
    @Autowired RegisterMatrices matrices;
    @Autowired RegisterRepository registers;
    @Autowired RiskRepository risks;
    @Autowired JdbcClient jdbc;
    @Autowired org.oversight.TestUsers users;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A risk of its own for each test that writes, so the demo registers stay as published. */
    private Risk fresh(String register, int l, int i) {
        TestUsers.actAs("risk-lead", Role.RISK_TEAM);
        String code = "T" + System.nanoTime() % 10_000_000;
        String csv = "id,title,owner,current_likelihood,current_impact,target_likelihood,target_impact\n" + code + ",Test risk,Penny Southern," + l + "," + i + ",2,2\n";
        imports.load(register, csv.getBytes(StandardCharsets.UTF_8), "test.csv");
        return risks.get(code);
    }

    @Test
    void theDecember2017CorporateProfileIsThePublishedOne() {
        RegisterViews.View crr = views.view("CORPORATE", null);
        // As published in the Cabinet paper of 11 December 2017.
        assertThat(crr.currentProfile()).containsEntry(RiskMatrix.Level.HIGH, 10).containsEntry(RiskMatrix.Level.MEDIUM, 7)
                .containsEntry(RiskMatrix.Level.LOW, 0);
        assertThat(crr.targetProfile()).containsEntry(RiskMatrix.Level.HIGH, 0).containsEntry(RiskMatrix.Level.MEDIUM, 14)
                .containsEntry(RiskMatrix.Level.LOW, 3);
        int inHeatMap = 0;
        for (int[] row : crr.currentHeat()) {
            for (int n : row) {
                inHeatMap += n;
            }
        }
        assertThat(inHeatMap).isEqualTo((int) crr.risks().stream().filter(r -> r.current().hasLevels()).count());
    }

    @Test
    void aReviewReRatesTheRiskAndRecordsItsDirection() {
        Risk r = fresh("ASCH", 4, 4);
        Risk after = reviews.review(r.code(), new ReviewForm(3, 4, null, null, "Controls working", null, false, r.version()));
        Risk changed = reviews.review(r.code(), new ReviewForm(3, 4, null, null, "Service restructured", null, true, after.version()));
        assertThat(changed.direction()).isEqualTo(RiskDirection.CONTEXT_CHANGED);
        assertThat(after.current()).isEqualTo(new Rating(3, 4, 12));
        assertThat(after.direction()).isEqualTo(RiskDirection.DECREASED);
        assertThat(after.previousScore()).isEqualTo(16);
        assertThat(after.nextReview()).isEqualTo(LocalDate.now().plusMonths(3));
        assertThat(risks.reviews(r.id())).extracting(Risk.Review::direction).containsExactly(RiskDirection.DECREASED, RiskDirection.CONTEXT_CHANGED);
        assertThatThrownBy(() -> reviews.review(r.code(), new ReviewForm(6, 4, null, null, null, null, false, changed.version())))
                .isInstanceOf(InputException.class).hasMessageContaining("likelihood 6 is outside the matrix");
        assertThatThrownBy(() -> reviews.review(r.code(), new ReviewForm(2, 2, null, null, null, null, false, r.version()))).isInstanceOf(ConflictException.class);
        assertThat(risks.get(r.code()).current().score()).isEqualTo(12);
    }

    @Test
    void riskOwnersReviewOnlyTheirOwnRisks() {
        Risk r = fresh("ASCH", 3, 3);
        TestUsers.actAs("someone-else", Role.RISK_OWNER);
        assertThatThrownBy(() -> reviews.review(r.code(), new ReviewForm(2, 3, null, null, null, null, false, r.version()))).isInstanceOf(AccessDeniedException.class);
        TestUsers.actAs("Penny Southern", Role.RISK_OWNER);
        assertThat(reviews.review(r.code(), new ReviewForm(2, 3, null, null, null, null, false, r.version())).current().score()).isEqualTo(6);
    }

    /** A corporate register and a directorate below it, of the test's own, so the published registers stay as they are. */
    static String[] hierarchy(RegisterRepository registers) {
        String top = "TOP" + System.nanoTime() % 1_000_000;
        long id = registers.insert(new Register(null, top, "Test corporate " + top, null, Register.Level.CORPORATE, null, RiskMatrix.DEFAULT, 0));
        registers.insert(new Register(null, top + "-D", "Test directorate " + top, id, Register.Level.DIRECTORATE, null, RiskMatrix.DEFAULT, 0));
        return new String[] {top, top + "-D"};
    }

    @Test
    void eachChangeToARiskIsAnnouncedAsItsOwnEvent() {
        String[] h = hierarchy(registers);
        Risk r = fresh(h[1], 5, 4);
        assertThat(events.stream(RegisterLoaded.class)).singleElement().satisfies(e -> {
            assertThat(e.register()).isEqualTo(h[1]);
            assertThat(e.risks()).hasSize(1);
        });
        Risk reviewed = reviews.review(r.code(), new ReviewForm(2, 4, null, null, "Better", null, false, r.version()));
        assertThat(events.stream(RiskReviewed.class)).singleElement().satisfies(e -> {
            assertThat(e.previousScore()).isEqualTo(20);
            assertThat(e.score()).isEqualTo(8);
            assertThat(e.direction()).isEqualTo(RiskDirection.DECREASED);
        });
        Risk up = reviews.move(r.code(), h[0], "Affects the whole council", reviewed.version());
        assertThat(events.stream(RiskEscalated.class)).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(RiskEscalated.Kind.ESCALATED));
        reviews.close(r.code(), "Resolved", up.version());
        assertThat(events.stream(RiskClosed.class)).singleElement().satisfies(e -> assertThat(e.after().closedReason()).isEqualTo("Resolved"));
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'risk' and record_id = :c").param("c", r.code()).query(Integer.class).single())
                .as("the audit trail heard each of them").isEqualTo(3);
    }

    @Test
    void escalationKeepsTheCodeAndRecordsWhoWhenAndWhy() {
        String[] h = hierarchy(registers);
        Risk r = fresh(h[1], 5, 4);
        Risk up = reviews.move(r.code(), h[0], "Affects the whole council", r.version());
        assertThat(up.code()).isEqualTo(r.code());
        assertThat(registers.get(up.registerId()).code()).isEqualTo(h[0]);
        Risk down = reviews.move(r.code(), h[1], "Back under directorate control", up.version());
        assertThat(risks.movements(r.id())).extracting(Risk.Movement::kind).containsExactly("ESCALATED", "DE_ESCALATED");
        assertThat(risks.movements(r.id()).get(0).by()).isEqualTo("risk-lead");
        assertThat(registers.get(down.registerId()).code()).isEqualTo(h[1]);
        assertThatThrownBy(() -> reviews.move(r.code(), h[1], "again", down.version())).hasMessageContaining("already in");
        assertThatThrownBy(() -> reviews.move(r.code(), h[0], " ", down.version())).hasMessageContaining("say why");
    }

    @Test
    void aBadRegisterFileIsRefusedWholeNamingRowAndColumn() {
        TestUsers.actAs("risk-lead", Role.RISK_TEAM);
        int before = jdbc.sql("select count(*) from risk").query(Integer.class).single();
        String csv = "id,title,register,current_score\nNEW1,Fine,ASCH,12\nNEW2,Lost,Nowhere,9\n";
        assertThatThrownBy(() -> imports.load("ASCH", csv.getBytes(StandardCharsets.UTF_8), "bad.csv"))
                .isInstanceOf(InputException.class).hasMessage("Row 3, column register: there is no register 'Nowhere'");
        assertThat(jdbc.sql("select count(*) from risk").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void anExportedRegisterReadsBackUnchanged() {
        List<RiskRow> rows = views.rows("CORPORATE");
        StringBuilder out = new StringBuilder();
        RiskRegisterCsv.write(rows, out);
        List<RiskRow> again = RiskRegisterCsv.read(new StringReader(out.toString()), RiskMatrix.DEFAULT).rows();
        StringBuilder twice = new StringBuilder();
        RiskRegisterCsv.write(again, twice);
        assertThat(twice.toString()).isEqualTo(out.toString());
        assertThat(again).hasSize(rows.size());
    }

    @Test
    void changingTheMatrixReRatesOnlyWithARecordAndNeverDropsARisk() {
        String[] h = hierarchy(registers);
        Risk r = fresh(h[1], 3, 3);
        Register g = registers.get(h[1]);
        RiskMatrix stricter = new RiskMatrix(5, RiskMatrix.DEFAULT.likelihoodLabels(), RiskMatrix.DEFAULT.impactLabels(),
                List.of(new RiskMatrix.Band(RiskMatrix.Level.LOW, 4, "Green"), new RiskMatrix.Band(RiskMatrix.Level.MEDIUM, 8, "Amber"),
                        new RiskMatrix.Band(RiskMatrix.Level.HIGH, 25, "Red")));
        assertThat(matrices.change(h[1], stricter, g.version())).containsExactly(r.code() + " MEDIUM to HIGH");
        assertThat(views.view(h[1], null).currentProfile()).containsEntry(RiskMatrix.Level.HIGH, 1);
        assertThat(jdbc.sql("select summary from audit_event where record_type = 'risk-register' and record_id = :c and summary like 'Matrix%'").param("c", h[1])
                .query(String.class).single()).contains(r.code() + " MEDIUM to HIGH");
        RiskMatrix smaller = new RiskMatrix(2, List.of("Low", "High"), List.of("Low", "High"),
                List.of(new RiskMatrix.Band(RiskMatrix.Level.LOW, 1, "Green"), new RiskMatrix.Band(RiskMatrix.Level.HIGH, 4, "Red")));
        assertThatThrownBy(() -> matrices.change(h[1], smaller, g.version() + 1)).isInstanceOf(InputException.class)
                .hasMessageContaining(r.code() + " is rated 9");
    }

    @Test
    void aNewRiskNeedsAFreshCodeAnOwnerAndARatingOnTheMatrix() {
        TestUsers.actAs("risk-lead", Role.RISK_TEAM);
        assertThatThrownBy(() -> catalogue.create("ASCH", newRisk("CRR0001", "Dup", List.of("A"), 3, 3)))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> catalogue.create("ASCH", newRisk("NEWONE1", "No owner", List.of(), 3, 3)))
                .hasMessageContaining("risk owner");
        assertThatThrownBy(() -> catalogue.create("ASCH", newRisk("NEWONE1", "Too likely", List.of("A"), 7, 3)))
                .hasMessageContaining("outside the matrix");
        assertThatThrownBy(() -> catalogue.create("ASCH", newRisk("NEWONE1", "Who", List.of("Penny Southerm"), 3, 3)))
                .hasMessageContaining("'Penny Southerm' is not a known risk owner or user");
        assertThatThrownBy(() -> imports.load("ASCH", "id,title,owner,current_score\nNEWTWO,X,Nobody Known,4\n".getBytes(StandardCharsets.UTF_8), "owners.csv")).hasMessage("Row 2, column owner: 'Nobody Known' is not a known risk owner or user: check the name, or ask an administrator to add them as a user");
        assertThatThrownBy(() -> catalogue.create("NOPE", newRisk("NEWONE1", "Where", List.of("A"), 3, 3)))
                .hasMessageContaining("no risk register NOPE");
    }

    @Test
    void aRegisterFileNeitherReopensAClosedRiskNorMovesOneAndItsAuditRecordHasEachRiskBeforeAndAfter() {
        TestUsers.actAs("setup", Role.RISK_TEAM);
        Risk closed = fresh("ASCH", 3, 3);
        reviews.close(closed.code(), "No longer a risk", closed.version());
        String reopen = "id,title,owner,current_likelihood,current_impact\n" + closed.code() + ",Back again,Penny Southern,3,3\n";
        assertThatThrownBy(() -> imports.load("ASCH", reopen.getBytes(StandardCharsets.UTF_8), "reopen.csv"))
                .hasMessageContaining("Row 2, column id").hasMessageContaining("does not reopen");
        assertThat(risks.get(closed.code()).closedReason()).isEqualTo("No longer a risk");

        Risk open = fresh("ASCH", 3, 3);
        String move = "id,title,register,owner,current_likelihood,current_impact\n" + open.code() + ",Moved,CORPORATE,Penny Southern,3,3\n";
        assertThatThrownBy(() -> imports.load("ASCH", move.getBytes(StandardCharsets.UTF_8), "move.csv"))
                .hasMessageContaining("Row 2, column register").hasMessageContaining("escalating");
        assertThat(risks.get(open.code()).registerId()).isEqualTo(open.registerId());

        byte[] update = ("id,title,owner,current_likelihood,current_impact\n" + open.code() + ",Retitled,Penny Southern,4,4\n").getBytes(StandardCharsets.UTF_8);
        imports.load("ASCH", update, "update.csv");
        String audit = jdbc.sql("select after::text from audit_event where action = 'IMPORT' and record_type = 'risk-register' order by id desc limit 1")
                .query(String.class).single();
        assertThat(audit).contains("\"bytes\": " + update.length, "\"sha256\"", "\"before\"", "\"after\"", "Retitled", open.title());
    }

    private static NewRisk newRisk(String code, String title, List<String> owners, int likelihood, int impact) {
        NewRisk n = new NewRisk();
        n.code = code;
        n.title = title;
        n.owners = owners;
        n.currentLikelihood = likelihood;
        n.currentImpact = impact;
        return n;
    }

    /** An indicator of the catalogue, archived or not, for a risk to link to. */
    private String indicator(boolean active) {
        String ref = "RISKLINK-" + System.nanoTime() % 10_000_000;
        jdbc.sql("insert into indicator (ref, title, kind, active) values (:r, :t, 'KPI', :a)").param("r", ref).param("t", "Linked " + ref).param("a", active).update();
        return ref;
    }

    @Test
    void aRiskIsLinkedOnlyToIndicatorsThatExistAndAreNotArchivedAndARefusedRiskIsNotStoredAtAll() {
        TestUsers.actAs("risk-lead", Role.RISK_TEAM);
        String open = indicator(true);
        String archived = indicator(false);
        NewRisk n = newRisk("L" + System.nanoTime() % 1_000_000, "Linked risk", List.of("Penny Southern"), 3, 3);
        n.indicatorRefs = List.of(open, "NO-SUCH-INDICATOR", archived);
        assertThatThrownBy(() -> catalogue.create("ASCH", n)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).field()).isEqualTo("indicatorRefs"))
                .hasMessageContaining("There is no indicator NO-SUCH-INDICATOR").hasMessageContaining("Indicator " + archived + " is archived");
        assertThat(risks.find(n.code)).as("nothing half-stored").isEmpty();
        n.indicatorRefs = List.of(open);
        Risk created = catalogue.create("ASCH", n);
        assertThat(created.indicatorRefs()).containsExactly(open);
    }

    @Test
    void theIndicatorsARiskConcernsAreTickedOnItsSheetCheckedAgainstTheVersionReadAuditedAndShownOnEachIndicatorsPage() throws Exception {
        Risk r = fresh("ASCH", 3, 3);
        String first = indicator(true);
        String second = indicator(true);
        Risk linked = catalogue.linkIndicators(r.code(), new IndicatorsForm(List.of(first, second), r.version()));
        assertThat(linked.indicatorRefs()).containsExactlyInAnyOrder(first, second);
        assertThat(events.stream(Audited.class)).anySatisfy(e -> assertThat(e.summary()).contains("Indicators " + r.code() + " concerns"));
        assertThatThrownBy(() -> catalogue.linkIndicators(r.code(), new IndicatorsForm(List.of(), r.version()))).as("read before the change")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> catalogue.linkIndicators(r.code(), new IndicatorsForm(List.of(first, "NOT-THERE"), linked.version())))
                .hasMessageContaining("There is no indicator NOT-THERE");
        assertThat(risks.get(r.code()).indicatorRefs()).as("a refused change keeps the links as they were").containsExactlyInAnyOrder(first, second);
        jdbc.sql("update indicator set active = false where ref = :r").param("r", second).update();
        assertThat(catalogue.linkIndicators(r.code(), new IndicatorsForm(List.of(second), linked.version())).indicatorRefs())
                .as("a link made before its indicator was archived is kept").containsExactly(second);

        long id = jdbc.sql("select id from indicator where ref = :r").param("r", second).query(Long.class).single();
        java.net.http.HttpClient staff = users.signedIn(port, Role.PERFORMANCE);
        String indicatorPage = staff.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/indicators/" + id)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(indicatorPage).as("the indicator's page lists the risks that concern it").contains("href=\"/risks/" + r.code() + "\"");
        String sheet = users.signedIn(port, Role.RISK_TEAM).send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/risks/" + r.code())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(sheet).as("the risk's sheet links the indicator").contains("href=\"/indicators/" + id + "\"")
                .as("chosen from a list").contains("type=\"checkbox\" name=\"indicatorRefs\"");
        java.net.http.HttpResponse<String> newRisk = users.signedIn(port, Role.RISK_TEAM).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/risks/registers/ASCH/new")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(newRisk.statusCode()).isEqualTo(200);
        assertThat(newRisk.body()).as("a new risk's indicators are ticked too").contains("name=\"indicatorRefs\" id=\"indicator-" + jdbc.sql("select id from indicator where ref = :r").param("r", first).query(Long.class).single() + "\"")
                .doesNotContain("<input class=\"govuk-input\" id=\"indicatorRefs\"");
    }
}
