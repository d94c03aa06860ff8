package org.oversight.finance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.shared.InputException;
import tools.jackson.databind.json.JsonMapper;

/** {@code oversight budget FILE.csv [--threshold N]}: the rules of {@code spec/budget-csv.md} applied to a file, as JSON; stores nothing. */
public final class BudgetCommand {

    /** The variance lists' default threshold, in the file's unit (£100k in a file of £000s). */
    public static final BigDecimal THRESHOLD = new BigDecimal("100");

    private BudgetCommand() {
    }

    public static String run(Path file, BigDecimal threshold) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BudgetCsv.File f = BudgetCsv.read(in);
            if (f.kind() != BudgetCsv.Kind.REVENUE && f.kind() != BudgetCsv.Kind.ACTIVITY) {
                throw new InputException(1, f.kind().column, "the budget command reads the tables of spec/budget-csv.md, revenue lines "
                        + "or activity budgets; load capital, reserves and service line files in the app (Budget, Load a month's file)");
            }
            f.warnings().forEach(w -> System.err.println("warning: " + w));
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(f.revenue() ? revenue(f.lines(), threshold)
                    : activity(f.services()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> revenue(List<RevenueLine> lines, BigDecimal threshold) {
        RevenueBook book = new RevenueBook(lines);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lines", lines.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heading", l.heading());
            m.put("cash_limit_net", l.net());
            m.put("variance_net", l.variance());
            m.put("revised", l.revised());
            m.put("movement", l.movement());
            return m;
        }).toList());
        out.put("inconsistencies", book.inconsistencies().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heading", i.heading());
            m.put("column", i.column());
            m.put("written", i.written());
            m.put("computed", i.computed());
            return m;
        }).toList());
        out.put("pressures", variances(book.pressures(threshold)));
        out.put("underspends", variances(book.underspends(threshold)));
        return out;
    }

    private static List<Map<String, Object>> variances(List<RevenueBook.Variance> list) {
        return list.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heading", v.heading());
            m.put("amount", v.amount());
            return m;
        }).toList();
    }

    static Map<String, Object> activity(List<ActivityBudget> services) {
        return Map.of("services", services.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", s.service());
            m.put("volume_variance", s.volumeVariance());
            m.put("price_variance", s.priceVariance());
            m.put("total_variance", s.totalVariance());
            return m;
        }).toList());
    }
}
