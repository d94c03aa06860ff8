package org.oversight.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.Commands;

/**
 * A million rows of history through {@code oversight import}, in a JVM of 128 MB: streamed and
 * merged in sets. A bad row near the end stores nothing of the file.
 */
class FigureHistoryIT {

    private static final int INDICATORS = 2_500;
    private static final int MONTHS = 400;
    private static final YearMonth FIRST = YearMonth.of(1992, 1);
    private static EmbeddedPostgres pg;
    @TempDir static Path dir;

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        // The app's own start creates the schema.
        Commands.serveOnce("--oversight.data=" + dir.resolve("data"), "--oversight.demo=false", "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into indicator (ref, title, kind, polarity, unit, decimals) select 'H' || g, 'History ' || g, 'KPI', 'HIGHER', '%', 1 "
                    + "from generate_series(1, " + INDICATORS + ") g");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static Path file(String name, int shift, long badRow) throws Exception {
        Path f = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("ref,period,value,provisional,commentary\n");
            long row = 1;
            for (int i = 1; i <= INDICATORS; i++) {
                for (int m = 0; m < MONTHS; m++) {
                    row++;
                    w.write("H" + i + "," + FIRST.plusMonths(m) + "," + (row == badRow ? "n/k" : (m + i + shift) % 1000 + ".5") + ",N,\n");
                }
            }
        }
        return f;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] importing(Path f) {
        return new String[] {"import", f.toString(), "--data", dir.resolve("data").toString(), "--database-url", pg.getJdbcUrl("postgres", "postgres"),
                "--database-user", "postgres", "--database-password", ""};
    }

    @Test
    void aMillionRowsLoadInBoundedMemoryAndABadRowNearTheEndStoresNothing() throws Exception {
        Path good = file("history.csv", 0, -1);
        long start = System.nanoTime();
        Launch.Result loaded = Launch.attempt("128m", importing(good));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(loaded.status()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("\"rows\":1000000", "\"new\":1000000", "\"stored\":true");
        assertThat(count("select count(*) from observation")).isEqualTo(1_000_000);
        System.out.printf("oversight import: 1,000,000 rows (%.1f MB) in %.1f s with a 128 MB heap, %.0f rows/s%n",
                Files.size(good) / 1048576.0, seconds, 1_000_000 / seconds);

        Path bad = file("history-bad.csv", 1, 999_999);
        Launch.Result refused = Launch.attempt("128m", importing(bad));
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("row 999999, column value: 'n/k' is not a number");
        assertThat(count("select count(*) from observation_revision")).as("not one figure of the bad file replaced another").isZero();
        assertThat(count("select count(*) from observation where value = 1.5 and indicator_id = (select id from indicator where ref = 'H1')"))
                .isEqualTo(1);
    }
}
