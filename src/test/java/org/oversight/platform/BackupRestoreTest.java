package org.oversight.platform;

import java.util.Arrays;
import java.util.Collections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.OversightTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

@OversightTest
class BackupRestoreTest {

    @Autowired LocalPostgres running;
    @Autowired org.oversight.TestUsers users;

    private static Map<String, String> contents(Connection c) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : DatabaseBackup.tables(c)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) || ' rows ' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from " + table + " t")) {
                rs.next();
                out.put(table, rs.getString(1));
            }
        }
        return out;
    }

    private static int run(String... args) throws Exception {
        var launcher = Class.forName("org.oversight.Launcher").getDeclaredMethod("run", String[].class, Class.class);
        launcher.setAccessible(true);
        return (Integer) launcher.invoke(null, args, Class.forName("org.oversight.OversightApplication"));
    }

    /** A backup of the suite's database, signed with the key of the data folder {@code data}. */
    private Path backup(Path dir, Path data) throws Exception {
        Path file = dir.resolve("oversight-" + System.nanoTime() + ".zip");
        assertThat(run("backup", file.toString(), "--data", data.toString(), "--database-url", running.url(), "--database-user", running.ownerUser(),
                "--database-password", running.ownerPassword())).isZero();
        return file;
    }

    private static Map<String, String> restored(Path data) throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(data); Connection c = pg.ownerConnection()) {
            return contents(c);
        }
    }

    /** Minutes approved, with a minute, an agenda item and its report: records the database refuses to change, which a restore puts back. */
    private void approvedMinutes() throws Exception {
        try (Connection c = running.ownerConnection(); Statement s = c.createStatement()) {
            String code = "backup-" + System.nanoTime();
            s.execute("""
                    with c as (insert into committee (code, name, kind) values ('%1$s', '%1$s', 'BOARD') returning id),
                    m as (insert into meeting (committee_id, starts_at, status) select id, t, 'HELD' from c, (values (timestamp '2019-01-22 10:00'),
                        (timestamp '2019-03-12 10:00')) v(t) returning id, starts_at),
                    i as (insert into agenda_item (meeting_id, number, section, title) select id, 1, 'C', 'Fees' from m where starts_at < '2019-02-01' returning id, meeting_id),
                    r as (insert into report (agenda_item_id, summary) select id, 'Fees rise' from i),
                    n as (insert into minutes (meeting_id) select meeting_id from i returning meeting_id)
                    insert into minute (meeting_id, number, title) select meeting_id, 1, 'Fees' from n""".formatted(code));
            s.execute("""
                    update minutes set approved_at_meeting = (select m.id from meeting m join committee c on c.id = m.committee_id
                        where c.code = '%1$s' and m.starts_at > '2019-02-01'), approved_on = date '2019-03-12'
                    where meeting_id = (select m.id from meeting m join committee c on c.id = m.committee_id where c.code = '%1$s' and m.starts_at < '2019-02-01')"""
                    .formatted(code));
        }
    }

    @Test
    void aBackupOfTheRunningDatabaseRestoresIntoAnEmptyEmbeddedOneUnchangedAndTheRestoreIsAudited(@TempDir Path dir) throws Exception {
        approvedMinutes();
        Path data = dir.resolve("data");
        Map<String, String> source;
        Path file = backup(dir, data);
        try (Connection c = running.ownerConnection()) {
            source = contents(c);
        }
        assertThat(source.get("indicator")).doesNotStartWith("0 rows");

        assertThat(run("restore", file.toString(), "--data", data.toString())).isZero();
        // Twice: a restore replaces what is there.
        assertThat(run("restore", file.toString(), "--data", data.toString())).isZero();
        try (LocalPostgres pg = LocalPostgres.start(data); Connection c = pg.ownerConnection(); Statement s = c.createStatement()) {
            Map<String, String> after = contents(c);
            after.remove("audit_event");
            Map<String, String> expected = new LinkedHashMap<>(source);
            expected.remove("audit_event");
            assertThat(after).isEqualTo(expected);
            try (ResultSet rs = s.executeQuery("select count(*), max(summary) from audit_event where action = 'RESTORE'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the restore is in the trail it restored").isEqualTo(1);
                assertThat(rs.getString(2)).contains(file.getFileName().toString());
            }
            // The sequences go on after the restored rows, and the trail is append-only again.
            s.execute("insert into app_user (username, display_name) values ('after-restore', 'x')");
            assertThatThrownBy(() -> s.execute("delete from audit_event")).hasMessageContaining("cannot be altered");
            assertThatThrownBy(() -> s.execute("update report set summary = 'x'")).as("and approved minutes' records refuse change again")
                    .hasMessageContaining("are approved");
        }
    }

    /** Replaces one entry of a backup (and, when asked, its manifest) and writes the result beside it. */
    private static Path edited(Path original, String entry, byte[] content, boolean rehash, String key) throws Exception {
        Path out = original.resolveSibling("edited-" + System.nanoTime() + ".zip");
        try (ZipFile in = new ZipFile(original.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ObjectNode manifest = (ObjectNode) JsonMapper.builder().build().readTree(in.getInputStream(in.getEntry("manifest.json")));
            if (rehash) {
                ObjectNode t = (ObjectNode) manifest.get("tables").get(entry.replace("tables/", "").replace(".copy", ""));
                t.put("bytes", content.length);
                t.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            }
            byte[] manifestBytes = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            for (ZipEntry e : List.copyOf(Collections.list(in.entries()))) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    zip.write(content);
                } else if (e.getName().equals("manifest.json")) {
                    zip.write(rehash ? manifestBytes : in.getInputStream(e).readAllBytes());
                } else if (e.getName().equals("manifest.sig") && key != null) {
                    zip.write(BackupArchive.sign(key, manifestBytes).getBytes(StandardCharsets.US_ASCII));
                } else {
                    zip.write(in.getInputStream(e).readAllBytes());
                }
                zip.closeEntry();
            }
        }
        return out;
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void anEditedDamagedOrForeignBackupIsRefusedAndTheDatabaseKeepsItsData(@TempDir Path dir) throws Exception {
        users.with(Role.MEMBER); // a member to promote, whichever tests ran before
        Path data = dir.resolve("data");
        Path good = backup(dir, data);
        assertThat(run("restore", good.toString(), "--data", data.toString())).isZero();
        Map<String, String> before = restored(data);

        // A member made administrator in the users table, the manifest left alone.
        String users = new String(entry(good, "tables/app_user.copy"), StandardCharsets.UTF_8);
        byte[] promoted = users.replace("{MEMBER}", "{ADMIN}").getBytes(StandardCharsets.UTF_8);
        assertThat(promoted).isNotEqualTo(users.getBytes(StandardCharsets.UTF_8));
        Path tampered = edited(good, "tables/app_user.copy", promoted, false, null);
        // The same, with the manifest's hash recomputed (but not signed with this installation's key).
        Path rehashed = edited(good, "tables/app_user.copy", promoted, true, null);
        // The third table of the backup cut short.
        String third;
        try (Connection c = running.ownerConnection()) {
            third = DatabaseBackup.tables(c).get(2);
        }
        byte[] full = entry(good, "tables/" + third + ".copy");
        Path corrupt = edited(good, "tables/" + third + ".copy", Arrays.copyOf(full, Math.max(1, full.length / 2)), false, null);
        // Not a backup at all.
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "this is not a backup");
        // A zip bomb: an entry far larger than its manifest says.
        Path bomb = edited(good, "tables/" + third + ".copy", new byte[64 * 1024 * 1024], false, null);

        for (Path bad : List.of(tampered, rehashed, corrupt, junk, bomb)) {
            assertThat(run("restore", bad.toString(), "--data", data.toString())).as(bad.getFileName().toString()).isNotZero();
            assertThat(restored(data)).as("after refusing " + bad.getFileName()).isEqualTo(before);
        }
        // Restoring another installation's backup needs the operator's word; even then its hashes are checked.
        Path otherData = dir.resolve("other");
        Path foreign = backup(dir, otherData);
        assertThat(run("restore", foreign.toString(), "--data", data.toString())).isNotZero();
        assertThat(run("restore", rehashed.toString(), "--data", data.toString(), "--from-another-installation")).isZero();
        assertThat(run("restore", corrupt.toString(), "--data", data.toString(), "--from-another-installation")).isNotZero();
        assertThat(run("restore", foreign.toString(), "--data", data.toString(), "--from-another-installation")).isZero();
    }

    /** Runs a command and returns what it printed on either stream with its exit code. */
    private static String printed(String... args) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var stdout = System.out;
        var stderr = System.err;
        try (var both = new java.io.PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            int code = run(args);
            both.flush();
            return "exit " + code + "\n" + out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static final String EXEMPT = "Exempt: Oakwood House sold for 1,234,567 pounds";

    /**
     * Every kind of record the database freezes (approved minutes and their minutes, a published
     * paper and agenda pack, the audit trail) is in the backup, and the backup restores whole,
     * into a fresh folder and over a database that holds the same frozen records; the guards stand
     * again after it; and a refused restore says why without printing a row of the table.
     */
    @Test
    void aDatabaseHoldingEveryFrozenKindOfRecordRestoresWholeAndARefusalPrintsNoRow(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one"), two = dir.resolve("two");
        assertThat(run("restore", backup(dir, one).toString(), "--data", one.toString())).isZero();
        try (LocalPostgres pg = LocalPostgres.start(one); Connection c = pg.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("insert into committee (code, name, kind) values ('frozen-panel', 'Frozen panel', 'PANEL')");
            s.execute("""
                    insert into meeting (committee_id, starts_at, status) select id, t, 'HELD' from committee, (values
                    (timestamp '2019-01-22 10:00'), (timestamp '2019-03-12 10:00')) as m(t) where code = 'frozen-panel'""");
            s.execute("insert into minutes (meeting_id, present) select min(m.id), 'Mrs P T Cole' from meeting m join committee c on c.id = m.committee_id"
                    + " where c.code = 'frozen-panel'");
            s.execute("insert into minute (meeting_id, number, title, discussion, exempt) select meeting_id, n, t, d, e from minutes, (values"
                    + " (1, 'Apologies', null, false), (2, 'Sale of a care home', '" + EXEMPT + "', true)) as x(n, t, d, e)"
                    + " where present = 'Mrs P T Cole'");
            s.execute("update minutes set approved_at_meeting = (select max(m.id) from meeting m join committee c on c.id = m.committee_id"
                    + " where c.code = 'frozen-panel'), approved_on = date '2019-03-12' where present = 'Mrs P T Cole'");
            s.execute("insert into agenda_pack (meeting_id, version, pdf, pdf_sha256, pages, published_by) select max(m.id), 1, '\\x25504446', 'x', 1,"
                    + " 'clerk' from meeting m join committee c on c.id = m.committee_id where c.code = 'frozen-panel'");
            s.execute("insert into paper (kind, period, version, html, html_sha256, pdf, pdf_sha256, data, published_by) values"
                    + " ('dashboard', date '2091-01-01', 1, '<p>frozen</p>', 'x', '\\x25504446', 'x', '{}', 'performance')");
            // Every table whose trigger refuses a change: each must hold a row, so a guard added later is in this test too.
            try (ResultSet rs = s.executeQuery("""
                    select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                    where not t.tgisinternal and p.prosrc ilike '%raise exception%'""")) {
                List<String> guarded = new java.util.ArrayList<>();
                while (rs.next()) {
                    guarded.add(rs.getString(1));
                }
                assertThat(guarded).contains("minutes", "minute", "paper", "agenda_pack", "audit_event");
                for (String table : guarded) {
                    try (Statement count = c.createStatement(); ResultSet n = count.executeQuery("select count(*) from " + table)) {
                        n.next();
                        assertThat(n.getLong(1)).as(table + " holds a frozen record").isPositive();
                    }
                }
            }
        }
        Path file = dir.resolve("frozen.zip");
        assertThat(run("backup", file.toString(), "--data", one.toString())).isZero();
        Map<String, String> source = restored(one);

        assertThat(printed("restore", file.toString(), "--data", one.toString())).as("over a database holding the same frozen records").startsWith("exit 0");
        assertThat(printed("restore", file.toString(), "--data", two.toString(), "--from-another-installation")).as("into a fresh folder")
                .startsWith("exit 0").doesNotContain(EXEMPT);
        for (Path restoredInto : List.of(one, two)) {
            Map<String, String> after = restored(restoredInto);
            Map<String, String> expected = new LinkedHashMap<>(source);
            after.remove("audit_event");
            expected.remove("audit_event");
            assertThat(after).as(restoredInto.getFileName().toString()).isEqualTo(expected);
        }
        try (LocalPostgres pg = LocalPostgres.start(two); Connection c = pg.ownerConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("delete from minute")).as("approved minutes frozen again").hasMessageContaining("approved and cannot be changed");
            assertThatThrownBy(() -> s.execute("delete from paper")).hasMessageContaining("cannot be changed or removed");
        }

        // A minute the database refuses (numbered past 999), written with the exempt words: the refusal names the table, not the row.
        String minutes = new String(entry(file, "tables/minute.copy"), StandardCharsets.UTF_8);
        String bad = minutes + "999999\t" + minutes.split("\t")[1] + "\t5000\tRefused\t" + EXEMPT + "\t\\N\t\\N\t\\N\t\\N\tt\t\\N\n";
        // And one whose words stand where a yes or no belongs: the server quotes the cell it cannot read.
        String swapped = minutes + "999998\t" + minutes.split("\t")[1] + "\t7\tRefused\t\\N\t\\N\t\\N\t\\N\t\\N\t" + EXEMPT + "\t\\N\n";
        Map<String, String> before = restored(two);
        for (String table : List.of(bad, swapped)) {
            Path refused = edited(file, "tables/minute.copy", table.getBytes(StandardCharsets.UTF_8), true, null);
            assertThat(printed("restore", refused.toString(), "--data", two.toString(), "--from-another-installation"))
                    .doesNotStartWith("exit 0").contains("minute").doesNotContain(EXEMPT).doesNotContain("Oakwood");
        }
        assertThat(restored(two)).as("nothing of the refused restore kept").isEqualTo(before);
    }
}
