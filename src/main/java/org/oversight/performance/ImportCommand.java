package org.oversight.performance;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import org.oversight.platform.CommandDatabase;
import org.oversight.shared.Audited;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oversight import FILE.csv [--dry-run]}: a figures file loaded straight into the
 * database (the running app's, when it runs on the data folder), all or nothing, audited in the
 * name of the operating-system user who ran it.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static String run(CommandDatabase.Target target, Path file, boolean dryRun) throws Exception {
        String user = System.getProperty("user.name", "operator") + " (command line)";
        try (CommandDatabase.Connected db = CommandDatabase.connect(target); Connection c = db.connection();
             InputStream in = Files.newInputStream(file)) {
            c.setAutoCommit(false);
            try {
                FigureHistory.Result r = FigureHistory.load(c, in, file.getFileName().toString(), dryRun, user, null);
                r.warnings().forEach(w -> System.err.println("warning: " + w));
                if (!dryRun) {
                    // No application runs here to hear the event, so the command writes its audit record itself.
                    Audited a = r.loaded().audited();
                    try (PreparedStatement p = c.prepareStatement("""
                            insert into audit_event (actor, action, record_type, record_id, summary, after)
                            values (?, ?, ?, ?, ?, cast(? as jsonb))""")) {
                        p.setString(1, user);
                        p.setString(2, a.action().name());
                        p.setString(3, a.recordType());
                        p.setString(4, a.recordId());
                        p.setString(5, a.summary() + " (on the command line)");
                        p.setString(6, JsonMapper.builder().build().writeValueAsString(a.after()));
                        p.executeUpdate();
                    }
                }
                c.commit();
                return JsonMapper.builder().build().writeValueAsString(r.json());
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }
}
