package org.oversight.delays;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oversight.shared.CsvTable;
import org.oversight.shared.InputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oversight delays FILE.csv [--population N]}: the rules of {@code spec/delays-csv.md} applied to a file, as JSON; stores
 * nothing. A bad cell names its row and column.
 */
public final class DelaysCommand {

    static final Set<String> COLUMNS = Set.of("organisation", "period", "nhs", "social_care", "both");

    private DelaysCommand() {
    }

    public static String run(Path file, BigDecimal population) {
        if (population != null && population.signum() <= 0) {
            throw new InputException("population", "the population is a number of people, more than 0");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> warnings = new ArrayList<>();
            List<DelayedDays> rows = read(in, warnings);
            warnings.forEach(w -> System.err.println("warning: " + w));
            List<DelayedDays.Period> periods = rows.stream().map(DelayedDays::period).distinct().toList();
            DelayedDays.Period one = periods.size() == 1 ? periods.get(0) : null;
            DelayedDays total = DelayedDays.sum(null, one, rows);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows", rows.stream().map(DelaysCommand::json).toList());
            out.put("total", json(total));
            out.put("per_100k", population == null || one == null ? null : DelayedDays.per100k(total.total(), one, population));
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's rows: each organisation's days in a period, none below zero; what the file has that is not read, in {@code warnings}. */
    static List<DelayedDays> read(Reader in, List<String> warnings) {
        CsvTable t = CsvTable.read(in, COLUMNS, Set.of("organisation", "nhs", "social_care", "both"));
        warnings.addAll(t.warnings());
        List<DelayedDays> rows = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            DelayedDays.Period period;
            try {
                period = r.text("period").isEmpty() ? null : DelayedDays.Period.parse(r.text("period"));
            } catch (IllegalArgumentException e) {
                throw r.error("period", e.getMessage());
            }
            rows.add(new DelayedDays(r.required("organisation"), period, days(r, "nhs"), days(r, "social_care"), days(r, "both")));
        }
        if (rows.isEmpty()) {
            throw new InputException(1, "organisation", "the file has no rows");
        }
        return rows;
    }

    private static BigDecimal days(CsvTable.Row r, String column) {
        BigDecimal d = r.decimal(column);
        if (d == null) {
            throw r.error(column, "a number of delayed days is required (0 for none)");
        }
        if (d.signum() < 0) {
            throw r.error(column, "'" + r.text(column) + "' is below zero: delayed days are counted from 0");
        }
        return d;
    }

    private static Map<String, Object> json(DelayedDays d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisation", d.organisation());
        m.put("period", d.period() == null ? null : d.period().toString());
        m.put("total", d.total());
        m.put("attributable_social_care", d.attributableToSocialCare());
        m.put("pct_nhs", d.share(d.nhs()));
        m.put("pct_social_care", d.share(d.socialCare()));
        m.put("pct_both", d.share(d.both()));
        return m;
    }
}
