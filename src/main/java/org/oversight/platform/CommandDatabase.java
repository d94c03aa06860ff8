package org.oversight.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The database a command works on (backup, restore, import): an external one by URL, or the
 * embedded one in a data folder, reached through the running app's server or started for the
 * command and stopped after it.
 */
public final class CommandDatabase {

    private CommandDatabase() {
    }

    /** Where the database is: an external URL, or the embedded one kept in a data directory (which also holds the signing key). */
    public record Target(String url, String user, String password, Path dataDir) {
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
    }}
