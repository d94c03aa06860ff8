package org.oversight.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.oversight.shared.InputException;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oversight backup FILE} and {@code oversight restore FILE}: every table copied in one
 * consistent snapshot into a zip, and loaded back in one transaction, so a restore gives all of
 * the backup or leaves the database as it was. The file does not depend on where the database
 * runs: a backup of the embedded database restores into an external one and the other way round.
 */
public final class DatabaseBackup {

    private static final String FORMAT = "oversight-backup-1";

    /** Where the database is: an external URL, or the embedded one kept in a data directory. */
    public record Target(String url, String user, String password, Path dataDir) {
    }

    private DatabaseBackup() {
    }

    public static String backup(Target target, Path file) throws Exception {
        try (Database db = open(target); Connection c = db.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Map<String, Long> counts = new LinkedHashMap<>();
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".backup", ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                String schema = schemaVersion(c);
                for (String table : tables(c)) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                    counts.put(table, c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout", uncloseable(zip)));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("manifest.json"));
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", FORMAT);
                manifest.put("schema", schema);
                manifest.put("created", Instant.now().toString());
                manifest.put("tables", counts);
                zip.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            c.commit();
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return "Backed up " + counts.size() + " tables (" + counts.values().stream().mapToLong(Long::longValue).sum() + " rows) to " + file;
        }
    }

    public static String restore(Target target, Path file) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new InputException(null, null, file + " is not an Oversight backup (" + e.getMessage() + ")");
        }
        if (!entries.containsKey("manifest.json")) {
            throw new InputException(null, null, file + " is not an Oversight backup: it has no manifest.json");
        }
        JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
        if (!FORMAT.equals(manifest.path("format").asString(""))) {
            throw new InputException(null, null, file + " is not an Oversight backup of a format this version reads");
        }
        try (Database db = open(target)) {
            Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                String schema = schemaVersion(c);
                if (!schema.equals(manifest.get("schema").asString())) {
                    throw new InputException(null, null, "the backup is of schema version " + manifest.get("schema").asString()
                            + " and this database is at " + schema + ": restore it with the Oversight version that made it");
                }
                List<String> tables = tables(c);
                try (Statement s = c.createStatement()) {
                    // The audit trail refuses deletion from the application; a restore replaces it as a whole.
                    s.execute("alter table audit_event disable trigger audit_event_append_only");
                    s.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
                    for (String table : tables) {
                        byte[] rows = entries.get("tables/" + table + ".copy");
                        if (rows == null) {
                            throw new InputException(null, null, "the backup has no data for the table " + table);
                        }
                        long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", new ByteArrayInputStream(rows));
                        long expected = manifest.path("tables").path(table).asLong(-1);
                        if (n != expected) {
                            throw new InputException(null, null, "the backup's " + table + " has " + n + " rows, its manifest says " + expected);
                        }
                    }
                    resetSequences(s);
                    s.execute("alter table audit_event enable trigger audit_event_append_only");
                }
                c.commit();
                return "Restored " + tables.size() + " tables from " + file + " (made " + manifest.path("created").asString("") + ")";
            }
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new InputException(null, null, "the database has no Oversight schema");
            }
            return rs.getString(1);
        }
    }

    /** The application's tables, each after the tables it refers to. */
    static List<String> tables(Connection c) throws SQLException {
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history' order by tablename")) {
            while (rs.next()) {
                refersTo.put(rs.getString(1), new LinkedHashSet<>());
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'""")) {
            while (rs.next()) {
                if (refersTo.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    refersTo.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < refersTo.size()) {
            for (Map.Entry<String, Set<String>> e : refersTo.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
                    ordered.add(e.getKey());
                }
            }
        }
        return ordered;
    }

    private static void resetSequences(Statement s) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and column_default like 'nextval(%'""")) {
            while (rs.next()) {
                serials.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] t : serials) {
            s.execute("select setval(pg_get_serial_sequence('" + t[0] + "', '" + t[1] + "'), coalesce((select max(" + t[1] + ") from "
                    + t[0] + "), 0) + 1, false)");
        }
    }

    private static OutputStream uncloseable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** A database to copy from or into, and what to stop when done (the embedded server, if this command started it). */
    private record Database(String url, String user, String password, AutoCloseable server) implements AutoCloseable {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    private static Database open(Target t) throws IOException {
        if (t.url() != null) {
            return new Database(t.url(), t.user(), t.password(), null);
        }
        Path dir = t.dataDir().toAbsolutePath().resolve("postgres");
        Path pid = dir.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            // The app is running on this data: its postmaster.pid names the port (line 4).
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            if (lines.size() > 3) {
                String url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
                try (Connection probe = DriverManager.getConnection(url, "postgres", "")) {
                    return new Database(url, "postgres", "", null);
                } catch (SQLException notRunning) {
                    // A stale pid file from a killed run: start the server ourselves below.
                }
            }
        }
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
        return new Database(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg);
    }
}
