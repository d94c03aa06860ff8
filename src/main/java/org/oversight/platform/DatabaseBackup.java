package org.oversight.platform;

import java.io.FilterOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static final String FORMAT = "oversight-backup-2";
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    /** Where the database is: an external URL, or the embedded one kept in a data directory (which also holds the signing key). */
    public record Target(String url, String user, String password, Path dataDir) {
    }

    private DatabaseBackup() {
    }

    public static String backup(Target target, Path file) throws Exception {
        try (Connected db = connect(target); Connection c = db.connection()) {
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
                        MessageDigest sha = sha256();
                        Counting counted = new Counting(new DigestOutputStream(uncloseable(zip), sha));
                        long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout", counted);
                        zip.closeEntry();
                        tables.put(table, Map.of("rows", rows, "bytes", counted.count, "sha256", HexFormat.of().formatHex(sha.digest())));
                    }
                    Map<String, Object> manifest = new LinkedHashMap<>();
                    manifest.put("format", FORMAT);
                    manifest.put("schema", schema);
                    manifest.put("created", Instant.now().toString());
                    manifest.put("tables", tables);
                    byte[] bytes = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                    zip.putNextEntry(new ZipEntry("manifest.json"));
                    zip.write(bytes);
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("manifest.sig"));
                    zip.write(sign(db.backupKey(), bytes).getBytes(StandardCharsets.US_ASCII));
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
    public static String restore(Target target, Path file, boolean fromAnotherInstallation) throws Exception {
        try (ZipFile zip = openZip(file); Connected db = connect(target)) {
            byte[] manifestBytes = read(zip, file, "manifest.json");
            String signature = new String(read(zip, file, "manifest.sig"), StandardCharsets.US_ASCII).strip();
            if (!fromAnotherInstallation && !MessageDigest.isEqual(sign(db.backupKey(), manifestBytes).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
                throw refused(file, "its signature does not match this installation's key: it was changed after it was made, "
                        + "or made by another Oversight installation. If you trust it, restore it with --from-another-installation");
            }
            JsonNode manifest;
            try {
                manifest = JsonMapper.builder().build().readTree(manifestBytes);
            } catch (RuntimeException e) {
                throw refused(file, "its manifest is not readable");
            }
            if (!FORMAT.equals(manifest.path("format").asString(""))) {
                throw refused(file, "it is not of a format this version reads (" + FORMAT + ")");
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
            throw refused(file, "its tables " + inBackup + " are not this database's " + new TreeSet<>(tables));
        }
        try (Statement s = c.createStatement()) {
            // The audit trail refuses deletion from the application; a restore replaces it as a whole.
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            s.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
            for (String table : tables) {
                JsonNode expected = manifest.path("tables").path(table);
                ZipEntry entry = zip.getEntry("tables/" + table + ".copy");
                if (entry == null) {
                    throw refused(file, "it has no data for the table " + table);
                }
                MessageDigest sha = sha256();
                long bytes = expected.path("bytes").asLong(-1);
                Bounded in = new Bounded(zip.getInputStream(entry), bytes, sha);
                long rows;
                try {
                    rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", in);
                } catch (SQLException | IOException e) {
                    throw refused(file, in.over ? "its " + table + " is larger than its manifest says (" + bytes + " bytes)"
                            : "its " + table + " cannot be read (" + e.getMessage() + ")");
                }
                if (in.read != bytes || !HexFormat.of().formatHex(sha.digest()).equals(expected.path("sha256").asString(""))) {
                    throw refused(file, "its " + table + " is not what its manifest recorded (the SHA-256 differs)");
                }
                if (rows != expected.path("rows").asLong(-1)) {
                    throw refused(file, "its " + table + " has " + rows + " rows, its manifest says " + expected.path("rows").asLong(-1));
                }
            }
            resetSequences(s);
            s.execute("alter table audit_event enable trigger audit_event_append_only");
        }
        try (PreparedStatement p = c.prepareStatement("""
                insert into audit_event (actor, action, record_type, record_id, summary, after)
                values (?, 'RESTORE', 'database', null, ?, cast(? as jsonb))""")) {
            p.setString(1, System.getProperty("user.name", "operator") + " (command line)");
            p.setString(2, "Database restored from " + file.getFileName() + ", made " + manifest.path("created").asString(""));
            p.setString(3, JsonMapper.builder().build().writeValueAsString(Map.of("file", file.toAbsolutePath().toString(),
                    "bytes", Files.size(file), "sha256", HexFormat.of().formatHex(digest(file)), "created", manifest.path("created").asString(""))));
            p.executeUpdate();
        }
        return "Restored " + tables.size() + " tables from " + file + " (made " + manifest.path("created").asString("") + ")";
    }

    private static ZipFile openZip(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw refused(file, "it is not a zip archive (" + e.getMessage() + ")");
        }
    }

    private static byte[] read(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw refused(file, "it has no " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw refused(file, "its " + name + " is over 1 MB");
            }
            return bytes;
        }
    }

    private static InputException refused(Path file, String why) {
        return new InputException(null, null, file + " was not restored: " + why + ". The database is unchanged.");
    }

    static String sign(String key, byte[] manifest) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(manifest));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return sha.digest();
    }

    /** Counts what passes through. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    /** Hashes what it reads and stops one byte past what the manifest promised, so a zip bomb never fills the disk. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final MessageDigest sha;
        long read;
        boolean over;

        Bounded(InputStream in, long limit, MessageDigest sha) {
            super(in);
            this.limit = limit;
            this.sha = sha;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, limit + 1 - read)));
            if (n > 0) {
                read += n;
                sha.update(b, off, n);
                if (read > limit) {
                    over = true;
                    throw new IOException("more data than the manifest says");
                }
            }
            return n;
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

    /**
     * The application's tables, each after the tables it refers to. Not the change counter: it
     * only ever moves on (a restore's own writes move it), so a dashboard kept from before a
     * restore is never taken for current.
     */
    static List<String> tables(Connection c) throws SQLException {
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select tablename from pg_tables where schemaname = 'public' and tablename not in ('flyway_schema_history', 'performance_change') order by tablename")) {
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
        return new FilterOutputStream(out) {
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

    /** A database to copy from or into, the key that signs its backups, and the embedded server this command started, if any. */
    public record Connected(String url, String user, String password, String backupKey, AutoCloseable server) implements AutoCloseable {
        public Connection connection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    public static Connected connect(Target t) throws IOException {
        Path data = t.dataDir().toAbsolutePath();
        if (t.url() != null) {
            return new Connected(t.url(), t.user(), t.password(), LocalPostgres.Secrets.in(data).backupKey(), null);
        }
        Path pid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            // The app is running on this data: its postmaster.pid names the port (line 4).
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            LocalPostgres.Secrets secrets = LocalPostgres.Secrets.in(data);
            if (lines.size() > 3) {
                String url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
                try (Connection probe = DriverManager.getConnection(url, LocalPostgres.OWNER, secrets.ownerPassword())) {
                    return new Connected(url, LocalPostgres.OWNER, secrets.ownerPassword(), secrets.backupKey(), null);
                } catch (SQLException notRunning) {
                    // A stale pid file from a killed run: start the server ourselves below.
                }
            }
        }
        LocalPostgres pg = LocalPostgres.start(data);
        return new Connected(pg.url(), LocalPostgres.OWNER, pg.ownerPassword(), pg.backupKey(), pg);
    }
}
