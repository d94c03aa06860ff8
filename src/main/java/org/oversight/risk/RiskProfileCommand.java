package org.oversight.risk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** {@code oversight risk-profile FILE.csv}: a register's ratings, bands, profile and heat map as JSON; stores nothing. */
public final class RiskProfileCommand {

    private RiskProfileCommand() {
    }

    public static String run(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RiskRegisterCsv.Register register = RiskRegisterCsv.read(in, RiskMatrix.DEFAULT);
            register.warnings().forEach(w -> System.err.println("warning: " + w));
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(profile(register.rows(), RiskMatrix.DEFAULT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> profile(List<RiskRow> rows, RiskMatrix matrix) {
        List<Map<String, Object>> risks = new ArrayList<>();
        Map<RiskMatrix.Level, Integer> current = zeros();
        Map<RiskMatrix.Level, Integer> target = zeros();
        int[][] heat = new int[matrix.size()][matrix.size()];
        for (RiskRow r : rows) {
            Map<String, Object> risk = new LinkedHashMap<>();
            risk.put("id", r.id());
            risk.put("current", rating(r.current(), matrix));
            risk.put("target", r.target() == null ? null : rating(r.target(), matrix));
            RiskDirection d = r.direction();
            risk.put("direction", d == null ? null : d.name());
            risks.add(risk);
            current.merge(matrix.band(r.current().score()), 1, Integer::sum);
            if (r.target() != null) {
                target.merge(matrix.band(r.target().score()), 1, Integer::sum);
            }
            if (r.current().hasLevels()) {
                heat[r.current().likelihood() - 1][r.current().impact() - 1]++;
            }
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("current", named(current));
        profile.put("target", named(target));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("risks", risks);
        out.put("profile", profile);
        out.put("heatmap", heat);
        return out;
    }

    private static Map<String, Object> rating(Rating r, RiskMatrix matrix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("likelihood", r.likelihood());
        m.put("impact", r.impact());
        m.put("score", r.score());
        m.put("band", matrix.band(r.score()).name());
        return m;
    }

    private static Map<RiskMatrix.Level, Integer> zeros() {
        Map<RiskMatrix.Level, Integer> m = new EnumMap<>(RiskMatrix.Level.class);
        for (RiskMatrix.Level l : RiskMatrix.Level.values()) {
            m.put(l, 0);
        }
        return m;
    }

    private static Map<String, Integer> named(Map<RiskMatrix.Level, Integer> counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }
}
