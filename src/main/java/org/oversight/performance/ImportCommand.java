package org.oversight.performance;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import org.oversight.platform.DatabaseBackup;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oversight import FILE.csv [--dry-run]}: a figures file loaded straight into the
 * database (the running app's, when it runs on the data folder), all or nothing, audited in the
 * name of the operating-system user who ran it.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static String run(DatabaseBackup.Target target, Path file, boolean dryRun) throws Exception {
        String user = System.getProperty("user.name", "operator") + " (command line)";
        try (DatabaseBackup.Connected db = DatabaseBackup.connect(target); Connection c = db.connection();
             InputStream in = Files.newInputStream(file)) {
            c.setAutoCommit(false);
            try {
                FigureHistory.Result r = FigureHistory.load(c, in, file.getFileName().toString(), dryRun, user, null);
                r.warnings().forEach(w -> System.err.println("warning: " + w));
                if (!dryRun) {
                    try (PreparedStatement p = c.prepareStatement("""
                            insert into audit_event (actor, action, record_type, record_id, summary, after)
                            values (?, 'IMPORT', 'figures', ?, ?, cast(? as jsonb))""")) {
                        p.setString(1, user);
                        p.setString(2, file.getFileName().toString());
                        p.setString(3, "Figures file " + file.getFileName() + " loaded on the command line: " + r.created() + " new, "
                                + r.changed() + " changed, " + r.unchanged() + " unchanged, " + r.skipped() + " skipped");
                        p.setString(4, JsonMapper.builder().build().writeValueAsString(r.json()));
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
