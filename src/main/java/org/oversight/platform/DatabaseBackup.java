package org.oversight.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;


import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;
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
 * <p>
 * The manifest records each table's rows, bytes and SHA-256, and is signed (HMAC-SHA256) with the
 * key kept in the data folder, so a backup changed after it was made is refused, even with its
 * hashes recomputed. A backup made by another installation restores only when the operator says
 * so ({@code --from-another-installation}); its hashes are still checked.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {
    }

    public static String backup(CommandDatabase.Target target, Path file) throws Exception {
        try (CommandDatabase.Connected db = CommandDatabase.connect(target); Connection c = db.connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Map<String, Object> tables = new LinkedHashMap<>();
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".backup", ".tmp");
            try {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    String schema = schemaVersion(c);
                    for (String table : tables(c)) {
                        zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                        MessageDigest sha = DigestUtils.getSha256Digest();
                        BackupArchive.Counting counted = new BackupArchive.Counting(new DigestOutputStream(BackupArchive.uncloseable(zip), sha));
                        long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout", counted);
                        zip.closeEntry();
                        tables.put(table, Map.of("rows", rows, "bytes", counted.count, "sha256", Hex.encodeHexString(sha.digest())));
                    }
                    Map<String, Object> manifest = new LinkedHashMap<>();
                    manifest.put("format", BackupArchive.FORMAT);
                    manifest.put("schema", schema);
                    manifest.put("created", Instant.now().toString());
                    manifest.put("tables", tables);
                    byte[] bytes = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                    zip.putNextEntry(new ZipEntry("manifest.json"));
                    zip.write(bytes);
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("manifest.sig"));
                    zip.write(BackupArchive.sign(db.backupKey(), bytes).getBytes(StandardCharsets.US_ASCII));
                    zip.closeEntry();
                }
                c.commit();
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            long rows = tables.values().stream().mapToLong(t -> (Long) ((Map<?, ?>) t).get("rows")).sum();
            return "Backed up " + tables.size() + " tables (" + rows + " rows) to " + file;
        }
    }

    /**
     * Replaces every table with the backup's, in one transaction, and records the restore in the
     * audit trail. Each table is streamed from the archive, never held whole in memory.
     */
    public static String restore(CommandDatabase.Target target, Path file, boolean fromAnotherInstallation) throws Exception {
        try (ZipFile zip = BackupArchive.openZip(file); CommandDatabase.Connected db = CommandDatabase.connect(target)) {
            byte[] manifestBytes = BackupArchive.read(zip, file, "manifest.json");
            String signature = new String(BackupArchive.read(zip, file, "manifest.sig"), StandardCharsets.US_ASCII).strip();
            if (!fromAnotherInstallation && !MessageDigest.isEqual(BackupArchive.sign(db.backupKey(), manifestBytes).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
                throw BackupArchive.refused(file, "its signature does not match this installation's key: it was changed after it was made, "
                        + "or made by another Oversight installation. If you trust it, restore it with --from-another-installation");
            }
            JsonNode manifest;
            try {
                manifest = JsonMapper.builder().build().readTree(manifestBytes);
            } catch (RuntimeException e) {
                throw BackupArchive.refused(file, "its manifest is not readable");
            }
            if (!BackupArchive.FORMAT.equals(manifest.path("format").asString(""))) {
                throw BackupArchive.refused(file, "it is not of a format this version reads (" + BackupArchive.FORMAT + ")");
            }
            Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
            if (db.server() instanceof LocalPostgres started) {
                started.grantAppAccess();
            }
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try {
                    String result = restoreInto(c, zip, file, manifest);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    c.rollback();
                    throw BackupArchive.refused(file, "the database refused it (" + primary(e) + ")");
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }
        }
    }

    private static String restoreInto(Connection c, ZipFile zip, Path file, JsonNode manifest) throws Exception {
        String schema = schemaVersion(c);
        if (!schema.equals(manifest.path("schema").asString(""))) {
            throw new InputException(null, null, "the backup is of schema version " + manifest.path("schema").asString("?")
                    + " and this database is at " + schema + ": restore it with the Oversight version that made it");
        }
        List<String> tables = tables(c);
        Set<String> inBackup = new TreeSet<>(manifest.path("tables").propertyNames());
        if (!inBackup.equals(new TreeSet<>(tables))) {
            throw BackupArchive.refused(file, "its tables " + inBackup + " are not this database's " + new TreeSet<>(tables));
        }
        try (Statement s = c.createStatement()) {
            // The audit trail refuses deletion from the application; a restore replaces it as a whole.
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            // Records the application may no longer change (approved minutes, their agenda and reports) refuse it by row triggers, which
            // would refuse the copy too: a restore puts back what was there, so none fires while it runs. The statement triggers that mark a
            // change still do.
            List<String[]> guards = rowTriggers(c);
            for (String[] g : guards) {
                s.execute("alter table " + g[0] + " disable trigger " + g[1]);
            }
            s.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
            for (String table : tables) {
                JsonNode expected = manifest.path("tables").path(table);
                ZipEntry entry = zip.getEntry("tables/" + table + ".copy");
                if (entry == null) {
                    throw BackupArchive.refused(file, "it has no data for the table " + table);
                }
                MessageDigest sha = DigestUtils.getSha256Digest();
                long bytes = expected.path("bytes").asLong(-1);
                BackupArchive.Bounded in = new BackupArchive.Bounded(zip.getInputStream(entry), bytes, sha);
                long rows;
                try {
                    rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", in);
                } catch (SQLException | IOException e) {
                    throw BackupArchive.refused(file, in.over ? "its " + table + " is larger than its manifest says (" + bytes + " bytes)"
                            : "its " + table + " cannot be read (" + (e instanceof SQLException sql ? primary(sql) : e.getMessage()) + ")");
                }
                if (in.read != bytes || !Hex.encodeHexString(sha.digest()).equals(expected.path("sha256").asString(""))) {
                    throw BackupArchive.refused(file, "its " + table + " is not what its manifest recorded (the SHA-256 differs)");
                }
                if (rows != expected.path("rows").asLong(-1)) {
                    throw BackupArchive.refused(file, "its " + table + " has " + rows + " rows, its manifest says " + expected.path("rows").asLong(-1));
                }
            }
            resetSequences(s);
            for (String[] g : guards) {
                s.execute("alter table " + g[0] + " enable trigger " + g[1]);
            }
            s.execute("alter table audit_event enable trigger audit_event_append_only");
        }
        try (PreparedStatement p = c.prepareStatement("""
                insert into audit_event (actor, action, record_type, record_id, summary, after)
                values (?, 'RESTORE', 'database', null, ?, cast(? as jsonb))""")) {
            p.setString(1, System.getProperty("user.name", "operator") + " (command line)");
            p.setString(2, "Database restored from " + file.getFileName() + ", made " + manifest.path("created").asString(""));
            p.setString(3, JsonMapper.builder().build().writeValueAsString(Map.of("file", file.toAbsolutePath().toString(),
                    "bytes", Files.size(file), "sha256", new DigestUtils(MessageDigestAlgorithms.SHA_256).digestAsHex(file), "created", manifest.path("created").asString(""))));
            p.executeUpdate();
        }
        return "Restored " + tables.size() + " tables from " + file + " (made " + manifest.path("created").asString("") + ")";
    }

    /**
     * The server's own words without its detail and context, which quote the row refused (an exempt
     * minute's text, a password hash): a console or a log is no place for a table's contents.
     */
    private static String primary(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // Only a guard's own words (raised by Oversight's triggers) are known to name no value; the server's other messages quote the cell.
        if (state.equals("P0001") && e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return (state.startsWith("22") ? "a value that is not of its column's kind or size" : state.startsWith("23")
                ? "a row that breaks one of the table's rules (a duplicate, a missing reference or a check)" : "the database's error")
                + ", SQL state " + state;
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

    /**
     * The application's tables, each after the tables it refers to. Not the change counters: they
     * only ever move on (a restore's own writes move them), so a dashboard or a budget month kept
     * from before a restore is never taken for current.
     */
    /** Each row trigger of the application's tables: its table and its name, quoted. */
    private static List<String[]> rowTriggers(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select quote_ident(r.relname), quote_ident(t.tgname) from pg_trigger t join pg_class r on r.oid = t.tgrelid
                join pg_namespace n on n.oid = r.relnamespace where n.nspname = 'public' and not t.tgisinternal and t.tgtype & 1 = 1""")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    static List<String> tables(Connection c) throws SQLException {
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select tablename from pg_tables where schemaname = 'public' and tablename not in ('flyway_schema_history', 'performance_change', 'finance_change') order by tablename")) {
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


}
