package org.oversight.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The PostgreSQL that runs with Oversight when no external database is given.
 * <ul>
 * <li>Durable in a data folder: fsync and synchronous commit on (zonky's test defaults turn them
 * off). Only a throw-away database (the test suite's, with no folder) trades them for speed.</li>
 * <li>No one connects without a password (SCRAM), over TCP on loopback only; there is no Unix
 * socket. The passwords are generated once and kept in {@code secrets.properties} (mode 600).</li>
 * <li>The app connects as {@value #APP}, which owns nothing and may not alter the audit trail;
 * migrations, backup and restore connect as the owner.</li>
 * <li>It stops with the app however the app ends: a watchdog process stops it when the app's
 * process is gone, and a start finds and stops a server left over by a killed app.</li>
 * <li>It runs as long as the app: if its main process dies under the app (killed, or crashed),
 * it is started again on the same folder and port, where the app's connections find it; if it
 * cannot be, the app ends and says why, rather than stay half-alive.</li>
 * </ul>
 */
public final class LocalPostgres implements AutoCloseable {

    static final String OWNER = "postgres";
    static final String APP = "oversight_app";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private volatile EmbeddedPostgres server;
    private final Secrets secrets;
    private volatile Process watchdog;

    private final boolean shared;
    /** How the server is started again after its main process died; null for a throw-away server. */
    private final EmbeddedPostgres.Builder restart;
    private ScheduledExecutorService keeper;
    /** The server's main process, as the keeper last started or found it. */
    private volatile long postmaster;
    private volatile boolean closing;

    private LocalPostgres(EmbeddedPostgres server, Secrets secrets, Process watchdog) {
        this(server, secrets, watchdog, false, null);
    }

    private LocalPostgres(EmbeddedPostgres server, Secrets secrets, Process watchdog, boolean shared, EmbeddedPostgres.Builder restart) {
        this.server = server;
        this.secrets = secrets;
        this.watchdog = watchdog;
        this.shared = shared;
        this.restart = restart;
    }

    private static LocalPostgres throwaway;

    /**
     * One throw-away server for the whole JVM (a test run): every application context of the run
     * uses it, and it stops when the JVM does, so a run starts PostgreSQL once. It stops after
     * every application context has closed (a Spring Boot shutdown handler, not a JVM hook that
     * runs beside theirs): stopped first, a closing context's last query (the event registry's)
     * waited the pool's connection timeout for it, each context in turn.
     */
    static synchronized LocalPostgres throwaway() throws IOException {
        if (throwaway == null) {
            LocalPostgres pg = start(null);
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is ending; the watchdog stops the server if this could not
                }
            });
            throwaway = new LocalPostgres(pg.server, pg.secrets, pg.watchdog, true, null);
        }
        return throwaway;
    }

    /** The passwords of the two database roles and the key that signs backups, kept in the data folder. */
    record Secrets(String ownerPassword, String appPassword, String backupKey) {

        static Secrets fresh() {
            return new Secrets(random(32), random(32), random(64));
        }

        /** Reads the data folder's secrets, creating them (readable by this OS user only) the first time. */
        static Secrets in(Path data) {
            Path file = data.resolve("secrets.properties");
            try {
                Files.createDirectories(data);
                if (!Files.exists(file)) {
                    Secrets s = fresh();
                    Properties p = new Properties();
                    p.setProperty("database.owner.password", s.ownerPassword());
                    p.setProperty("database.app.password", s.appPassword());
                    p.setProperty("backup.signing.key", s.backupKey());
                    Path tmp = Files.createTempFile(data, ".secrets", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        p.store(out, "Oversight: database passwords and the backup signing key. Keep this file private.");
                    }
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                }
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                return new Secrets(required(p, "database.owner.password", file), required(p, "database.app.password", file),
                        required(p, "backup.signing.key", file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create " + file, e);
            }
        }

        private static String required(Properties p, String key, Path file) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException(file + " has no " + key);
            }
            return v;
        }

        private static String random(int length) {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
            SecureRandom r = new SecureRandom();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return s.toString();
        }
    }

    /**
     * Starts the server kept in {@code data}/postgres, creating it on first use; with
     * {@code data} null, a throw-away server for tests (not durable, removed when closed).
     */
    public static LocalPostgres start(Path data) throws IOException {
        Secrets secrets = data == null ? Secrets.fresh() : Secrets.in(data.toAbsolutePath());
        Path pwfile = Files.createTempFile("oversight-pw", ".txt", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwfile, secrets.ownerPassword() + "\n");
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    // A new cluster gets SCRAM from the start: these follow zonky's own "-A trust" on initdb's command line, so they win.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setConnectConfig("password", secrets.ownerPassword())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "60")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Whoever started the server stops it (the app's context as it closes, a command when it ends) and the
                    // watchdog when the JVM is gone; zonky's own JVM hook would stop it while the app's context is still closing.
                    .setRegisterShutdownHook(false)
                    // Its output goes to the data folder's log, not ours.
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD);
            if (data != null) {
                Path dir = data.toAbsolutePath().resolve("postgres");
                Files.createDirectories(dir);
                stopLeftOver(dir);
                b.setDataDirectory(dir).setCleanDataDirectory(false)
                        // Durable: a commit answered is on disk. These come after zonky's "-F", so they win.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", "log")
                        .setServerConfig("log_rotation_age", "7d");
            }
            EmbeddedPostgres server = b.start();
            LocalPostgres pg = new LocalPostgres(server, secrets, null);
            Path dir = pg.secure();
            if (data == null) {
                return new LocalPostgres(server, secrets, watchdog(dir));
            }
            // Started again on the same port, the app's connections find it there.
            LocalPostgres kept = new LocalPostgres(server, secrets, watchdog(dir), false, b.setPort(server.getPort()));
            kept.keepRunning(dir);
            return kept;
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * A cluster made by an earlier version trusted every loopback connection: give the owner
     * its password, require SCRAM from now on, and (every start) make sure the app's role exists.
     */
    private Path secure() throws IOException {
        try (Connection c = ownerConnection(); Statement s = c.createStatement()) {
            Path dir;
            try (var rs = s.executeQuery("show data_directory")) {
                rs.next();
                dir = Path.of(rs.getString(1));
            }
            Path hba = dir.resolve("pg_hba.conf");
            if (Files.readString(hba).lines().anyMatch(l -> !l.startsWith("#") && l.contains("trust"))) {
                log.warn("Oversight's database trusted local connections; it now requires passwords (SCRAM)");
                s.execute("alter role " + OWNER + " password '" + secrets.ownerPassword() + "'");
                Files.writeString(hba, """
                        # Oversight: every connection gives a password; loopback TCP only (there is no Unix socket).
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                s.execute("select pg_reload_conf()");
            }
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP + "') then create role " + APP
                    + " login nosuperuser nocreatedb nocreaterole noinherit; end if; end $$");
            s.execute("alter role " + APP + " password '" + secrets.appPassword() + "'");
            return dir;
        } catch (SQLException e) {
            throw new IOException("cannot secure the embedded database: " + e.getMessage(), e);
        }
    }

    /**
     * What the app's role may do once the schema is migrated: read and write the application's
     * tables, add to the audit trail but never change or remove from it, and nothing else.
     */
    void grantAppAccess() {
        try (Connection c = ownerConnection(); Statement s = c.createStatement()) {
            s.execute("revoke all on schema public from public");
            s.execute("grant usage on schema public to " + APP);
            s.execute("grant select, insert, update, delete on all tables in schema public to " + APP);
            s.execute("grant usage, select on all sequences in schema public to " + APP);
            s.execute("revoke insert, update, delete on flyway_schema_history from " + APP);
            s.execute("revoke update, delete, truncate on audit_event from " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the app's database role its access: " + e.getMessage(), e);
        }
    }

    /**
     * A server still running on this folder from an app that was killed (its lock is free) is
     * stopped; if the app that started it is still running, this start is refused.
     */
    private static void stopLeftOver(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        if (postmaster.isEmpty() || !running(postmaster.get())) {
            Files.deleteIfExists(pidFile);
            return;
        }
        try (FileChannel ch = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another Oversight is running on " + dir.getParent() + ": stop it first, or use another --data folder");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("This process already runs a database on " + dir.getParent());
        }
        log.warn("Stopping the database left running by an Oversight that did not shut down (process {})", postmaster.get().pid());
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
    }

    /** Checks every second that the server's main process is alive, and starts it again if not. */
    private void keepRunning(Path dir) throws IOException {
        postmaster = postmaster(dir);
        // As the JVM ends, zonky's own hook stops the server: that is no death to recover from.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closing = true));
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oversight-db-keeper");
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(() -> {
            if (closing || ProcessHandle.of(postmaster).filter(LocalPostgres::running).isPresent()) {
                return;
            }
            String failed;
            synchronized (this) {
                failed = closing ? null : startAgain(dir);
            }
            if (failed != null && !closing) {
                log.error("Oversight stops: its database stopped and could not be started again ({}). The database's own log is in {}; "
                        + "start Oversight again once it is resolved", failed, dir.resolve("log"));
                System.exit(1);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** The server started again after its main process died: null, or why it could not be. */
    private String startAgain(Path dir) {
        long began = System.nanoTime();
        log.error("The database stopped under Oversight (PostgreSQL's main process {} is gone): starting it again", postmaster);
        try {
            awaitDetached(dir);
            // Releases zonky's lock on the folder; its own stop fails (and says so), the server being gone.
            server.close();
            Files.deleteIfExists(dir.resolve("postmaster.pid"));
            server = restart.start();
            postmaster = postmaster(dir);
            Process old = watchdog;
            watchdog = watchdog(dir);
            old.destroy();
            log.warn("The database is running again (process {}), {} ms after it was found stopped", postmaster,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            return null;
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * Waits until no process of the dead server is attached to its shared memory (its backends
     * end once they see the main process gone): until then PostgreSQL refuses to start.
     */
    private static void awaitDetached(Path dir) throws IOException, InterruptedException {
        List<String> pid = Files.readAllLines(dir.resolve("postmaster.pid"));
        Path segments = Path.of("/proc/sysvipc/shm");
        if (pid.size() < 7 || !Files.isReadable(segments)) {
            return;
        }
        String shmid = pid.get(6).strip().split("\\s+")[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.readAllLines(segments).stream().map(l -> l.strip().split("\\s+"))
                .anyMatch(f -> f.length > 6 && f[1].equals(shmid) && !f[6].equals("0"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("processes of the stopped database are still running a minute later");
            }
            Thread.sleep(100);
        }
    }

    /** A PostgreSQL process still running: not one whose number was reused, nor one dead and not yet reaped (it has no command). */
    private static boolean running(ProcessHandle p) {
        return p.isAlive() && p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false);
    }

    private static long postmaster(Path dir) throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
    }

    /** A small process that stops the server once this JVM is gone, however it went (kill -9 included). */
    private static Process watchdog(Path dataDir) throws IOException {
        String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
        return new ProcessBuilder("/bin/sh", "-c", """
                while kill -0 "$1" 2>/dev/null; do sleep 1; done
                if [ "$(head -n 1 "$2/postmaster.pid" 2>/dev/null)" = "$3" ]; then kill -INT "$3"; fi
                """, "oversight-db-watchdog", String.valueOf(ProcessHandle.current().pid()), dataDir.toString(), pid)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return secrets.ownerPassword();
    }

    String appPassword() {
        return secrets.appPassword();
    }

    String backupKey() {
        return secrets.backupKey();
    }

    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url(), OWNER, secrets.ownerPassword());
    }

    @Override
    public void close() throws IOException {
        if (shared) {
            return;
        }
        closing = true;
        if (keeper != null) {
            keeper.shutdownNow();
        }
        synchronized (this) {
            server.close();
            if (watchdog != null) {
                watchdog.destroy();
            }
        }
    }
}
