package org.oversight.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.TestUsers;
import org.oversight.platform.Accounts;
import org.oversight.platform.LocalPostgres;
import org.oversight.platform.Role;
import org.oversight.shared.DateInput;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@OversightTest
class CouncilStructureTest {

    @Autowired Units units;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired LocalPostgres postgres;
    @Autowired TestUsers users;
    @LocalServerPort int port;

    @Test
    void theDemoDirectorateIsOneUnitWhicheverWayAPaperWroteIt() {
        Unit asch = units.named("Adult Social Care and Health").orElseThrow();
        for (String written : List.of("ASCH", "asch", "Adult Social Care & Health", "Adult, Social Care & Health", "ADULT SOCIAL CARE AND HEALTH")) {
            assertThat(units.named(written)).as(written).contains(asch);
        }
        assertThat(asch.shortName()).isEqualTo("ASCH");
        assertThat(units.named("OPPD DCALDMH")).isPresent().isEqualTo(units.named("OPPD / DCLDMH"));
        assertThat(units.directorate("ASCH")).contains(asch);
    }

    /** Every module's rows name the directorate and its divisions as the structure does: no other spelling is stored anywhere. */
    @Test
    void everyModuleHoldsThePartsOfTheCouncilUnderTheirOneName() {
        Units.Names names = units.names();
        List<String> stored = jdbc.sql("""
                select directorate from indicator where directorate is not null union select division from indicator where division is not null
                union select name from budget_heading where parent_id is null union select directorate from capital_scheme
                union select directorate from service_line_position union select division from service_line_position where division is not null
                union select unit from risk_register where unit is not null union select unit from committee where unit is not null
                union select unnest(divisions) from app_user""").query(String.class).list();
        assertThat(stored).contains("Adult Social Care and Health");
        for (String s : stored) {
            names.unit(s).ifPresent(u -> assertThat(s).as("stored as a unit's other name").isEqualTo(u.name()));
        }
        assertThat(jdbc.sql("select count(*) from risk_register where code = 'ASCH' and unit = 'Adult Social Care and Health'").query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from committee where unit = 'Adult Social Care and Health'").query(Integer.class).single()).isOne();
    }

    @Test
    void aNameNotKnownIsRefusedWithTheNearestKnownNames() {
        Units.Names names = units.names();
        assertThatThrownBy(() -> names.resolve("Adult Socal Care and Health", Unit.Kind.DIRECTORATE, 4, "directorate"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Row 4, column directorate: “Adult Socal Care and Health” is not a directorate")
                .hasMessageContaining("Did you mean “Adult Social Care and Health”?");
        assertThatThrownBy(() -> names.resolve("Older People and Physical Disability", Unit.Kind.DIRECTORATE, null, "directorate"))
                .hasMessageContaining("is a division of the council, not a directorate");
        // A budget heading that is no part of the council stays as written; a directorate mistyped does not.
        assertThat(names.nameOrAsWritten("Financing Items", 12, "heading")).isEqualTo("Financing Items");
        assertThat(names.nameOrAsWritten("Adult, Social Care & Health", 5, "heading")).isEqualTo("Adult Social Care and Health");
        assertThatThrownBy(() -> names.nameOrAsWritten("Adult Social Care & Helth", 5, "heading"))
                .hasMessageContaining("Row 5, column heading").hasMessageContaining("Did you mean “Adult Social Care and Health”?");
    }

    @Test
    void aNameAnotherUnitAnswersToIsRefusedAndNothingIsSaved() {
        TestUsers.actAs("structure-admin", Role.ADMIN);
        Unit d = units.create(form(Unit.Kind.DIRECTORATE, "Test directorate " + System.nanoTime(), null, null), "structure-admin");
        UnitForm rename = UnitForm.of(d, List.of());
        rename.name = "adult social care & health";
        assertThatThrownBy(() -> units.change(d.id(), rename, "structure-admin")).isInstanceOf(InputException.class)
                .hasMessageContaining("a name of “Adult Social Care and Health”: one name, one part of the council");
        UnitForm alias = UnitForm.of(d, List.of());
        alias.aliases = "ASCH";
        assertThatThrownBy(() -> units.change(d.id(), alias, "structure-admin")).hasMessageContaining("a name of “Adult Social Care and Health”");
        assertThatThrownBy(() -> units.create(form(Unit.Kind.DIVISION, "Orphan " + System.nanoTime(), null, null), "structure-admin"))
                .hasMessageContaining("Choose the unit a division sits under");
        assertThat(units.find(d.id()).orElseThrow()).isEqualTo(d);
        assertThat(units.everyName(d)).containsExactly(d.name());
    }

    @Test
    void aRestructureDatedBeforeTheUnitExistedIsRefused() {
        UnitForm f = form(Unit.Kind.DIRECTORATE, "Opened in 2019 " + System.nanoTime(), null, LocalDate.of(2019, 4, 1));
        Unit d = units.create(f, "structure-admin");
        UnitForm early = UnitForm.of(d, List.of());
        early.name = d.name() + " renamed";
        early.effective = DateInput.of(LocalDate.of(2018, 4, 1));
        assertThatThrownBy(() -> units.change(d.id(), early, "structure-admin"))
                .hasMessageContaining("a change cannot take effect before the unit existed");
        assertThat(units.find(d.id()).orElseThrow().name()).isEqualTo(d.name());
        assertThat(units.history(d)).extracting(UnitChange::what).containsExactly("OPENED");
    }

    /** A rename from a date reaches every module's rows once it is committed; what was reported before it reads under the old name. */
    @Test
    void aRenameFromADateIsCarriedByEveryModuleAndTheOldNameStillFindsTheUnit() {
        long n = System.nanoTime();
        Unit d = units.create(form(Unit.Kind.DIRECTORATE, "Renamed directorate " + n, "RD" + n % 10000, null), "structure-admin");
        UnitForm division = form(Unit.Kind.DIVISION, "Renamed division " + n, null, null);
        division.parent = d.shortName();
        Unit v = units.create(division, "structure-admin");
        jdbc.sql("insert into indicator (ref, title, kind, unit, decimals, frequency, directorate, division) values (:r, 'Renamed', 'KPI', '%', 0, 'MONTHLY', :d, :v)")
                .param("r", "RN" + n % 100000).param("d", d.name()).param("v", v.name()).update();
        long owner = accounts.create("owner-" + n, "Owner", TestUsers.PASSWORD + "-first", EnumSet.of(Role.DATA_OWNER), Set.of(v.name().toUpperCase()), Set.of());
        assertThat(accounts.get(owner).divisions()).as("stored under the unit's own name").containsExactly(v.name());

        UnitForm rename = UnitForm.of(d, List.of());
        rename.name = "Renamed again " + n;
        rename.effective = DateInput.of(LocalDate.of(2020, 4, 1));
        units.change(d.id(), rename, "structure-admin");
        UnitForm renameDivision = UnitForm.of(v, List.of());
        renameDivision.name = "Division renamed " + n;
        renameDivision.parent = rename.name;
        units.change(v.id(), renameDivision, "structure-admin");

        await().untilAsserted(() -> {
            assertThat(jdbc.sql("select directorate || '|' || division from indicator where ref = :r").param("r", "RN" + n % 100000).query(String.class).single())
                    .isEqualTo(rename.name + "|" + renameDivision.name);
            assertThat(accounts.get(owner).divisions()).containsExactly(renameDivision.name);
        });
        Unit now = units.find(d.id()).orElseThrow();
        assertThat(units.named(d.name())).contains(now);
        assertThat(units.nameOn(now, LocalDate.of(2020, 3, 31))).isEqualTo(d.name());
        assertThat(units.nameOn(now, LocalDate.of(2020, 4, 1))).isEqualTo(rename.name);
        assertThat(units.history(now)).extracting(UnitChange::what).containsExactly("RENAMED");
    }

    /** An installation made before the structure existed: the four spellings of its directorate become one unit, its two OPPD strings one. */
    @Test
    void theMigrationFoldsTodaysSpellingsIntoUnitsWithTheirOtherNames() throws Exception {
        String db = "fold_" + System.nanoTime();
        try (Connection c = postgres.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        String url = postgres.url().replace("/postgres", "/" + db);
        try {
            Flyway.configure().dataSource(url, postgres.ownerUser(), postgres.ownerPassword()).target("31").load().migrate();
            try (Connection c = java.sql.DriverManager.getConnection(url, postgres.ownerUser(), postgres.ownerPassword()); Statement s = c.createStatement()) {
                s.execute("""
                        insert into indicator (ref, title, kind, unit, decimals, frequency, directorate, division) values
                          ('1', 'a', 'KPI', '%', 0, 'MONTHLY', 'Adult Social Care and Health', 'OPPD DCALDMH'),
                          ('2', 'b', 'KPI', '%', 0, 'MONTHLY', 'Adult Social Care and Health', 'OPPD / DCLDMH'),
                          ('3', 'c', 'KPI', '%', 0, 'MONTHLY', 'Adult Social Care & Health', 'OPPD DCALDMH'),
                          ('4', 'd', 'KPI', '%', 0, 'MONTHLY', 'Children, Young People & Education', null);
                        insert into capital_scheme (directorate) values ('Adult, Social Care & Health');
                        insert into budget_heading (name, position) values ('Adult Social Care & Health', 1), ('Financing Items', 2);
                        insert into risk_register (code, name, level, matrix) values ('ASCH', 'Adult Social Care and Health directorate', 'DIRECTORATE', '{}');
                        insert into app_user (username, display_name, divisions) values ('owner', 'Owner', '{"OPPD / DCLDMH"}');
                        """);
            }
            Flyway.configure().dataSource(url, postgres.ownerUser(), postgres.ownerPassword()).load().migrate();
            JdbcClient folded = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, postgres.ownerUser(), postgres.ownerPassword()));
            assertThat(folded.sql("select name || '|' || coalesce(short_name, '') from council_unit where kind = 'DIRECTORATE' order by name").query(String.class).list())
                    .containsExactly("Adult Social Care and Health|ASCH", "Children, Young People & Education|");
            assertThat(folded.sql("select n.name from council_unit_name n join council_unit u on u.id = n.unit_id where u.name = 'Adult Social Care and Health' order by n.name")
                    .query(String.class).list()).containsExactlyInAnyOrder("Adult Social Care & Health", "Adult Social Care and Health", "Adult, Social Care & Health", "ASCH");
            assertThat(folded.sql("select count(*) from council_unit where kind = 'DIVISION'").query(Integer.class).single()).isOne();
            assertThat(folded.sql("select distinct directorate from indicator order by 1").query(String.class).list())
                    .containsExactly("Adult Social Care and Health", "Children, Young People & Education");
            assertThat(folded.sql("select distinct division from indicator where division is not null").query(String.class).list()).containsExactly("OPPD DCALDMH");
            assertThat(folded.sql("select directorate from capital_scheme").query(String.class).single()).isEqualTo("Adult Social Care and Health");
            assertThat(folded.sql("select name from budget_heading order by position").query(String.class).list())
                    .containsExactly("Adult Social Care and Health", "Financing Items");
            assertThat(folded.sql("select unit from risk_register where code = 'ASCH'").query(String.class).single()).isEqualTo("Adult Social Care and Health");
            assertThat(folded.sql("select divisions[1] from app_user").query(String.class).single()).isEqualTo("OPPD DCALDMH");
        } finally {
            try (Connection c = postgres.ownerConnection(); Statement s = c.createStatement()) {
                s.execute("drop database " + db + " with (force)");
            }
        }
    }

    @Test
    void theStructureIsPublicToReadAndOnlyAnAdministratorChangesIt() throws Exception {
        HttpClient anyone = HttpClient.newHttpClient();
        String page = anyone.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/structure")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Adult Social Care and Health").contains("Older People and Physical Disability").doesNotContain("Add a unit");
        var clerk = users.signedIn(port, Role.CLERK);
        var form = clerk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/structure/new")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(403);
        var admin = users.signedIn(port, Role.ADMIN);
        String newPage = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/structure/new")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(newPage);
        assertThat(csrf.find()).isTrue();
        var refused = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/structure/units"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("kind=DIVISION&name=Adult+Social+Care+%26+Health&parent=ASCH&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(200);
        String name = "API unit " + System.nanoTime();
        var made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/units"))
                .header("Authorization", users.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"DIVISION\", \"name\": \"" + name + "\", \"parent\": \"ASCH\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(units.named(name).orElseThrow().parentId()).isEqualTo(units.named("ASCH").orElseThrow().id());
        var again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/units"))
                .header("Authorization", users.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"DIVISION\", \"name\": \"" + name.toUpperCase() + "\", \"parent\": \"ASCH\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("one name, one part of the council");
        assertThat(refused.body()).contains("There is a problem").contains("a name of “Adult Social Care and Health”: one name, one part of the council");
    }

    /** Names that read the same (as files are read) are one name: a lookalike, an invisible character or a control character is refused. */
    @Test
    void aNameThatReadsAsAnotherUnitsOrHoldsAnInvisibleCharacterIsRefused() {
        long n = System.nanoTime();
        Unit roads = units.create(form(Unit.Kind.DIRECTORATE, "Roads and Bridges " + n, null, null), "structure-admin");
        for (String lookalike : List.of("Roads & Bridges " + n, "Roads, and Bridges " + n, "Roads  and  Bridges " + n, "Roads\u00a0and Bridges " + n)) {
            assertThatThrownBy(() -> units.create(form(Unit.Kind.DIRECTORATE, lookalike, null, null), "structure-admin")).as(lookalike)
                    .isInstanceOf(InputException.class).hasMessageContaining("reads as “" + roads.name() + "”");
        }
        for (String hidden : List.of("Roads and\u200b Bridges " + n, "Ctrl\u0007Name " + n, "Right\u202eLeft " + n)) {
            assertThatThrownBy(() -> units.create(form(Unit.Kind.DIRECTORATE, hidden, null, null), "structure-admin")).as(hidden)
                    .hasMessageContaining("control or invisible character");
        }
        assertThatThrownBy(() -> units.create(form(Unit.Kind.DIRECTORATE, "Planning/Transport " + n, null, null), "structure-admin"))
                .hasMessageContaining("part of its page's address");
        // An alias that is the name itself, or the same alias twice, is kept once, not refused.
        UnitForm aliases = form(Unit.Kind.DIRECTORATE, "Libraries " + n, null, null);
        aliases.aliases = "LIBRARIES " + n + "\nLibraries service " + n + "\nlibraries service " + n;
        Unit libraries = units.create(aliases, "structure-admin");
        assertThat(units.aliases(libraries)).containsExactly("Libraries service " + n);
    }

    @Test
    void aChangeDatedAfterTodayAndAClosureWithOpenUnitsUnderItAreRefused() {
        long n = System.nanoTime();
        Unit d = units.create(form(Unit.Kind.DIRECTORATE, "Closing directorate " + n, null, null), "structure-admin");
        UnitForm child = form(Unit.Kind.DIVISION, "Open division " + n, null, null);
        child.parent = d.name();
        Unit v = units.create(child, "structure-admin");
        UnitForm future = UnitForm.of(d, List.of());
        future.name = d.name() + " in 2199";
        future.effective = DateInput.of(LocalDate.now().plusDays(1));
        assertThatThrownBy(() -> units.change(d.id(), future, "structure-admin")).hasMessageContaining("takes effect today or on a day already past");
        UnitForm close = UnitForm.of(d, List.of());
        close.closed = DateInput.of(LocalDate.now());
        assertThatThrownBy(() -> units.change(d.id(), close, "structure-admin")).hasMessageContaining("“" + v.name() + "” under it is still open");
        assertThat(units.find(d.id()).orElseThrow()).isEqualTo(d);
        // Closed, a division is no longer one a file may name.
        UnitForm closeChild = UnitForm.of(v, List.of());
        closeChild.parent = d.name();
        closeChild.closed = DateInput.of(LocalDate.now().minusDays(1));
        units.change(v.id(), closeChild, "structure-admin");
        assertThatThrownBy(() -> units.names().resolve(v.name(), Unit.Kind.DIVISION, 2, "division")).hasMessageContaining("closed on");
        assertThat(units.of(Unit.Kind.DIVISION)).extracting(Unit::name).doesNotContain(v.name());
    }

    private UnitForm form(Unit.Kind kind, String name, String shortName, LocalDate opened) {
        UnitForm f = new UnitForm();
        f.kind = kind;
        f.name = name;
        f.shortName = shortName;
        f.effective = DateInput.of(opened);
        return f;
    }
}
