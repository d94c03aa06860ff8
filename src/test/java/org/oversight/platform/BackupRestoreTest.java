package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.OversightTest;
import org.springframework.beans.factory.annotation.Autowired;

@OversightTest
class BackupRestoreTest {

    @Autowired HikariDataSource dataSource;

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

    @Test
    void aBackupOfTheRunningDatabaseRestoresIntoAnEmptyEmbeddedOneUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("oversight.zip");
        Path data = dir.resolve("data");
        Map<String, String> source;
        try (Connection c = dataSource.getConnection()) {
            assertThat(run("backup", file.toString(), "--database-url", dataSource.getJdbcUrl(), "--database-user", "postgres",
                    "--database-password", "")).isZero();
            source = contents(c);
        }
        assertThat(source.get("indicator")).doesNotStartWith("0 rows");
        assertThat(source.get("audit_event")).doesNotStartWith("0 rows");

        assertThat(run("restore", file.toString(), "--data", data.toString())).isZero();
        // Twice: a restore replaces what is there.
        assertThat(run("restore", file.toString(), "--data", data.toString())).isZero();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false).start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            assertThat(contents(c)).isEqualTo(source);
            // The sequences go on after the restored rows, and the trail is append-only again.
            try (Statement s = c.createStatement()) {
                s.execute("insert into app_user (username, display_name) values ('after-restore', 'x')");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("delete from audit_event"))
                        .hasMessageContaining("cannot be altered");
            }
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndTheDatabaseKeepsItsData(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.zip");
        Path data = dir.resolve("data");
        try (Connection c = dataSource.getConnection()) {
            assertThat(run("backup", good.toString(), "--database-url", dataSource.getJdbcUrl(), "--database-user", "postgres",
                    "--database-password", "")).isZero();
        }
        assertThat(run("restore", good.toString(), "--data", data.toString())).isZero();
        Path bad = dir.resolve("bad.zip");
        Files.writeString(bad, "this is not a backup");
        assertThat(run("restore", bad.toString(), "--data", data.toString())).isNotZero();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false).start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from indicator")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
    }
}
