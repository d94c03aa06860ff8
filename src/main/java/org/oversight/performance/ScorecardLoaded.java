package org.oversight.performance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/**
 * A month's scorecard was loaded: the file (name, size, SHA-256), its counts, and each figure
 * and target it changed with the value before and after.
 */
public record ScorecardLoaded(YearMonth month, String file, long bytes, String sha256, long created, long changed, long unchanged,
                              List<Change> figures, List<Change> targets) implements Recorded {

    public record Change(String ref, String before, String after) {
    }

    @Override
    public Audited audited() {
        return new Audited(Audited.Action.IMPORT, "scorecard", month.toString(), "Scorecard " + file + " loaded into " + month + ": "
                + created + " new, " + changed + " changed, " + unchanged + " unchanged", null,
                Map.of("file", file == null ? "" : file, "bytes", bytes, "sha256", sha256,
                        "figures", figures, "targets", targets.stream().map(t -> Map.of("ref", t.ref(), "month", month.toString(),
                                "before", t.before(), "after", t.after())).toList()));
    }
}
