package org.oversight.performance;

import java.io.FilterInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.shared.ConflictException;
import org.oversight.shared.CsvTable;
import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Years of monthly figures in one file ({@code docs/formats/figures-csv.md}): the file is read
 * row by row and each row checked as it comes, copied into a staging table, then checked as a
 * whole (a ref and period twice) and merged in a handful of statements, so a million rows take
 * neither a million round trips nor the file's size in memory. All of it or none: the caller's
 * transaction holds every write.
 */
final class FigureHistory {

    static final Set<String> COLUMNS = Set.of("ref", "period", "value", "numerator", "denominator", "provisional", "commentary");

    private FigureHistory() {
    }

    /** What a load found and did; {@code stored} is false for a dry run. */
    record Result(String file, String sha256, long bytes, long rows, long created, long changed, long unchanged, long skipped,
                  boolean stored, List<String> warnings) {

        Map<String, Object> json() {
            Map<String, Object> m = loaded().counts();
            m.put("stored", stored);
            return m;
        }

        FiguresLoaded loaded() {
            return new FiguresLoaded(file, sha256, bytes, rows, created, changed, unchanged, skipped);
        }

        /** The counts a preview showed, for a confirmation to compare with what it finds. */
        public String counts() {
            return created + "/" + changed + "/" + unchanged + "/" + skipped;
        }
    }

    private record Target(long id, String unit, int decimals) {
    }

    /** A changed row: some figure differs from the stored one (provisional and commentary only where the file gives them). */
    private static final String DIFFERS = """
            (o.value is distinct from s.value or o.numerator is distinct from s.numerator or o.denominator is distinct from s.denominator
             or (s.provisional is not null and o.provisional <> s.provisional) or (s.commentary is not null and o.commentary is distinct from s.commentary))""";

    /**
     * Checks the file and, unless {@code dryRun}, stores it on {@code c} (whose transaction the
     * caller commits). With {@code expectedCounts} (from a preview) it refuses if the counts are
     * no longer those the user saw.
     */
    static Result load(Connection c, InputStream in, String fileName, boolean dryRun, String user, String expectedCounts) throws SQLException {
        MessageDigest sha = DigestUtils.getSha256Digest();
        Counting counted = new Counting(new DigestInputStream(in, sha));
        Map<String, Target> indicators = indicators(c);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create temp table figure_stage (line int not null, indicator_id bigint not null, period date not null, value numeric,
                        numerator numeric, denominator numeric, provisional boolean, commentary text) on commit drop""");
        }
        long[] rows = {0};
        long[] skipped = {0};
        CsvTable.Header header;
        YearMonth now = YearMonth.now();
        PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), "copy figure_stage from stdin (format csv)", 1 << 16);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            header = CsvTable.each(new InputStreamReader(counted, StandardCharsets.UTF_8), COLUMNS, Set.of("ref", "period"), r -> {
                rows[0]++;
                Target t = indicators.get(r.required("ref"));
                if (t == null) {
                    throw r.error("ref", "there is no indicator '" + r.text("ref") + "': add it to the catalogue first");
                }
                YearMonth period = period(r, now);
                BigDecimal value = r.decimal("value");
                BigDecimal numerator = r.decimal("numerator");
                BigDecimal denominator = r.decimal("denominator");
                if (value == null && numerator == null && denominator == null) {
                    skipped[0]++;
                    return;
                }
                if ((numerator == null) != (denominator == null)) {
                    throw r.error(numerator == null ? "numerator" : "denominator", "give both the numerator and the denominator, or neither");
                }
                if (numerator != null) {
                    if (denominator.signum() == 0) {
                        throw r.error("denominator", "the denominator must not be zero");
                    }
                    BigDecimal computed = numerator.multiply(Figures.multiplier(t.unit())).divide(denominator, t.decimals(), RoundingMode.HALF_UP);
                    if (value == null) {
                        value = computed;
                    } else if (value.compareTo(computed) != 0) {
                        throw r.error("value", value.toPlainString() + " disagrees with numerator " + numerator.toPlainString() + " and denominator "
                                + denominator.toPlainString() + ", which give " + computed.toPlainString() + " (" + numerator.toPlainString() + " ÷ "
                                + denominator.toPlainString() + (Figures.multiplier(t.unit()).compareTo(BigDecimal.ONE) == 0 ? "" : " × "
                                + Figures.multiplier(t.unit()).toPlainString()) + ", to " + t.decimals() + " decimal places)");
                    }
                }
                String commentary = r.text("commentary");
                try {
                    out.write(r.number() + "," + t.id() + "," + period.atDay(1) + "," + plain(value) + "," + plain(numerator) + "," + plain(denominator)
                            + "," + provisional(r) + "," + (commentary.isEmpty() ? "" : quoted(commentary)) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(null, null, "the file could not be read to its end (" + e.getMessage() + ")");
        }
        duplicates(c);
        try (Statement s = c.createStatement()) {
            s.execute("create index on figure_stage (indicator_id, period)");
            s.execute("analyze figure_stage");
            // Nobody else writes figures between the counts and the merge, so what is counted is what is done.
            if (!dryRun) {
                s.execute("lock table observation in share row exclusive mode");
            }
        }
        long created;
        long changed;
        long unchanged;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select count(*) filter (where o.id is null), count(*) filter (where o.id is not null and %s),
                       count(*) filter (where o.id is not null and not %s)
                from figure_stage s left join observation o on o.indicator_id = s.indicator_id and o.period = s.period""".formatted(DIFFERS, DIFFERS))) {
            rs.next();
            created = rs.getLong(1);
            changed = rs.getLong(2);
            unchanged = rs.getLong(3);
        }
        Result result = new Result(fileName, Hex.encodeHexString(sha.digest()), counted.count, rows[0], created, changed, unchanged,
                skipped[0], !dryRun, header.warnings());
        if (expectedCounts != null && !expectedCounts.equals(result.counts())) {
            throw new ConflictException("The figures changed after your preview: it counted " + describe(expectedCounts) + ", now the file gives "
                    + describe(result.counts()) + ". Nothing was loaded: check the preview again.");
        }
        if (!dryRun) {
            merge(c, user);
        }
        return result;
    }

    private static void merge(Connection c, String user) throws SQLException {
        try (PreparedStatement keep = c.prepareStatement("""
                insert into observation_revision (observation_id, value, numerator, denominator, provisional, commentary, entered_by, entered_at, replaced_by)
                select o.id, o.value, o.numerator, o.denominator, o.provisional, o.commentary, o.entered_by, o.entered_at, ?
                from figure_stage s join observation o on o.indicator_id = s.indicator_id and o.period = s.period where """ + DIFFERS);
             PreparedStatement update = c.prepareStatement("""
                update observation o set value = s.value, numerator = s.numerator, denominator = s.denominator,
                    provisional = coalesce(s.provisional, o.provisional), commentary = coalesce(s.commentary, o.commentary),
                    entered_by = ?, entered_at = now(), version = o.version + 1
                from figure_stage s where o.indicator_id = s.indicator_id and o.period = s.period and """ + DIFFERS);
             PreparedStatement insert = c.prepareStatement("""
                insert into observation (indicator_id, period, value, numerator, denominator, provisional, commentary, entered_by)
                select s.indicator_id, s.period, s.value, s.numerator, s.denominator, coalesce(s.provisional, false), s.commentary, ?
                from figure_stage s where not exists (select 1 from observation o where o.indicator_id = s.indicator_id and o.period = s.period)""")) {
            for (PreparedStatement p : List.of(keep, update, insert)) {
                p.setString(1, user);
                p.executeUpdate();
            }
        }
    }

    /** A ref and period given twice: the first repeat in the file, with the row it repeats. */
    private static void duplicates(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select line, first_line, to_char(period, 'YYYY-MM') from (
                    select line, period, min(line) over (partition by indicator_id, period) first_line from figure_stage) x
                where line <> first_line order by line limit 1""")) {
            if (rs.next()) {
                throw new InputException(rs.getInt(1), "period", "the same ref and period " + rs.getString(3) + " is already in row " + rs.getInt(2));
            }
        }
    }

    private static Map<String, Target> indicators(Connection c) throws SQLException {
        Map<String, Target> m = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, ref, unit, decimals from indicator")) {
            while (rs.next()) {
                m.put(rs.getString(2), new Target(rs.getLong(1), rs.getString(3), rs.getInt(4)));
            }
        }
        return m;
    }

    private static YearMonth period(CsvTable.Row r, YearMonth now) {
        String t = r.required("period");
        YearMonth p = r.month("period");
        if (p.isAfter(now)) {
            throw r.error("period", t + " is outside the months Oversight keeps figures for (" + Dates.FIRST_MONTH + " to " + now + ")");
        }
        return p;
    }

    private static String provisional(CsvTable.Row r) {
        String t = r.text("provisional").toLowerCase(Locale.ROOT);
        return switch (t) {
            case "" -> r.has("provisional") ? "false" : "";
            case "y", "yes", "true" -> "true";
            case "n", "no", "false" -> "false";
            default -> throw r.error("provisional", "'" + r.text("provisional") + "' is not Y or N");
        };
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String describe(String counts) {
        String[] n = counts.split("/");
        return n[0] + " new, " + n[1] + " changed, " + n[2] + " unchanged and " + n[3] + " skipped";
    }

    /** Counts the bytes read. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
