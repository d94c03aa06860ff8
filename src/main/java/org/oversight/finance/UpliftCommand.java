package org.oversight.finance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** {@code oversight uplift FILE.csv --pay P --cpi C}: the rules of {@code spec/rates-csv.md} applied to a schedule, as JSON; stores nothing. */
public final class UpliftCommand {

    private UpliftCommand() {
    }

    public static String run(Path file, BigDecimal pay, BigDecimal cpi) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<RateSchedule.Uplifted> uplifted = RateSchedule.read(in).uplift(pay, cpi);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", uplifted.stream().map(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.rate().id());
                m.put("current", pounds(u.rate().current()));
                m.put("new", pounds(u.value()));
                m.put("rule", u.rule());
                return m;
            }).toList());
            out.put("mismatches", uplifted.stream().filter(u -> u.rate().proposed() != null && u.rate().proposed().compareTo(u.value()) != 0).map(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.rate().id());
                m.put("published", pounds(u.rate().proposed()));
                m.put("computed", pounds(u.value()));
                return m;
            }).toList());
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Amounts as the spec prints them: numbers with two decimals. */
    private static BigDecimal pounds(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_UP);
    }
}
