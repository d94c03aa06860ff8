package org.oversight.performance;

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

/** {@code oversight score FILE.csv}: rates a scorecard file, stores nothing, prints JSON. */
public final class ScoreCommand {

    private ScoreCommand() {
    }

    public static String run(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ScorecardCsv.Scorecard card = ScorecardCsv.read(in);
            card.warnings().forEach(w -> System.err.println("warning: " + w));
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(score(card.rows()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> score(List<ScorecardRow> rows) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        List<Map<String, Object>> mismatches = new ArrayList<>();
        Map<Rag, Integer> rags = zeros(Rag.values());
        Map<Direction, Integer> previous = zeros(Direction.values());
        Map<Direction, Integer> outturn = zeros(Direction.values());
        for (ScorecardRow row : rows) {
            RagRule.Rating rating = row.rating();
            Direction dotPrevious = row.directionFromPrevious();
            Direction dotOutturn = row.directionFromOutturn();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ref", row.ref());
            out.put("rag", rating.rag().name());
            out.put("dot_previous", dotPrevious == null ? null : dotPrevious.name());
            out.put("dot_outturn", dotOutturn == null ? null : dotOutturn.name());
            out.put("reason", rating.reason());
            indicators.add(out);
            rags.merge(rating.rag(), 1, Integer::sum);
            if (dotPrevious != null) {
                previous.merge(dotPrevious, 1, Integer::sum);
            }
            if (dotOutturn != null) {
                outturn.merge(dotOutturn, 1, Integer::sum);
            }
            if (row.publishedRag() != null && row.publishedRag() != rating.rag()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ref", row.ref());
                m.put("published", row.publishedRag().name());
                m.put("computed", rating.rag().name());
                mismatches.add(m);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rag", named(rags));
        summary.put("dot_previous", named(previous));
        summary.put("dot_outturn", named(outturn));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("indicators", indicators);
        result.put("summary", summary);
        result.put("mismatches", mismatches);
        return result;
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(E[] values) {
        Map<E, Integer> m = new EnumMap<>(values[0].getDeclaringClass());
        for (E e : values) {
            m.put(e, 0);
        }
        return m;
    }

    private static Map<String, Integer> named(Map<? extends Enum<?>, Integer> counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }
}
