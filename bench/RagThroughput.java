import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.oversight.performance.Polarity;
import org.oversight.performance.Rag;
import org.oversight.performance.RagRule;
import org.postgresql.PGConnection;

/**
 * Rates N generated observations with Oversight's engine and the same rule in PostgreSQL SQL,
 * in one run, and prints observations per second for both and their ratio. The two must agree
 * on every count, or the run fails. Not a test: run it with bench/rag-throughput.
 */
public class RagThroughput {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
        int runs = 3;
        SplittableRandom random = new SplittableRandom(20190118);
        Polarity[] polarity = new Polarity[n];
        BigDecimal[] value = new BigDecimal[n], target = new BigDecimal[n], floor = new BigDecimal[n], tolerance = new BigDecimal[n];
        Polarity[] kinds = {Polarity.HIGHER, Polarity.LOWER, Polarity.TARGET, null};
        for (int i = 0; i < n; i++) {
            polarity[i] = kinds[random.nextInt(10) < 8 ? random.nextInt(2) : random.nextInt(2, 4)];
            long t = random.nextLong(500, 5000);
            target[i] = BigDecimal.valueOf(t, 1);
            value[i] = random.nextInt(20) == 0 ? null : BigDecimal.valueOf(t + random.nextLong(-800, 800), 1);
            floor[i] = random.nextInt(3) == 0 ? null : BigDecimal.valueOf(polarity[i] == Polarity.LOWER ? t + 300 : t - 300, 1);
            tolerance[i] = polarity[i] == Polarity.TARGET ? BigDecimal.valueOf(random.nextLong(0, 50), 1) : null;
        }
        System.out.printf("observations: %,d (150 councils x 550 indicators x 120 months = 9,900,000)%n", n);

        Map<Rag, Long> engineCounts = null;
        long engineBest = Long.MAX_VALUE;
        for (int r = 0; r <= runs; r++) {
            long start = System.nanoTime();
            long[] counts = IntStream.range(0, n).parallel().collect(() -> new long[4],
                    (acc, i) -> acc[RagRule.rag(polarity[i], value[i], target[i], floor[i], tolerance[i]).ordinal()]++,
                    (a, b) -> { for (int k = 0; k < 4; k++) a[k] += b[k]; });
            long took = System.nanoTime() - start;
            if (r > 0) {
                engineBest = Math.min(engineBest, took);
            }
            engineCounts = new EnumMap<>(Rag.class);
            for (Rag rag : Rag.values()) {
                engineCounts.put(rag, counts[rag.ordinal()]);
            }
        }

        Map<Rag, Long> sqlCounts = new EnumMap<>(Rag.class);
        long sqlBest = Long.MAX_VALUE;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_parallel_workers_per_gather", "2")
                .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "256MB").start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create unlogged table obs (polarity char(1), value numeric, target numeric, floor numeric, tolerance numeric)");
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < n; i++) {
                batch.append(polarity[i] == null ? "\\N" : polarity[i].code()).append('\t').append(text(value[i])).append('\t')
                        .append(text(target[i])).append('\t').append(text(floor[i])).append('\t').append(text(tolerance[i])).append('\n');
                if (batch.length() > 8_000_000 || i == n - 1) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy obs from stdin", new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
            s.execute("vacuum analyze obs");
            String sql = """
                    select case
                      when polarity is null or value is null or target is null then 'NOT_RATED'
                      when polarity = 'H' then case when value >= target then 'GREEN' when floor is not null and value < floor then 'RED' else 'AMBER' end
                      when polarity = 'L' then case when value <= target then 'GREEN' when floor is not null and value > floor then 'RED' else 'AMBER' end
                      else case when abs(value - target) <= coalesce(tolerance, 0) then 'GREEN'
                                when floor is not null and abs(value - target) > abs(floor - target) then 'RED' else 'AMBER' end
                    end as rag, count(*) from obs group by 1""";
            for (int r = 0; r <= runs; r++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        sqlCounts.put(Rag.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                }
                long took = System.nanoTime() - start;
                if (r > 0) {
                    sqlBest = Math.min(sqlBest, took);
                }
            }
        }
        for (Rag rag : Rag.values()) {
            sqlCounts.putIfAbsent(rag, 0L);
        }
        System.out.println("ratings (engine): " + new TreeMap<>(engineCounts));
        System.out.println("ratings (SQL):    " + new TreeMap<>(sqlCounts));
        if (!engineCounts.equals(sqlCounts)) {
            throw new IllegalStateException("the engine and PostgreSQL disagree");
        }
        double engineRate = n / (engineBest / 1e9), sqlRate = n / (sqlBest / 1e9);
        System.out.printf("engine:     %.3f s  %,.0f observations/s (best of %d, %d threads)%n", engineBest / 1e9, engineRate, runs,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("PostgreSQL: %.3f s  %,.0f observations/s (best of %d, parallel query)%n", sqlBest / 1e9, sqlRate, runs);
        System.out.printf("ratio engine/PostgreSQL: %.1fx%n", engineRate / sqlRate);
    }

    private static String text(BigDecimal d) {
        return d == null ? "\\N" : d.toPlainString();
    }
}
