package org.oversight.performance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A figures file was loaded: what it was (name, size, SHA-256) and what it did. */
public record FiguresLoaded(String file, String sha256, long bytes, long rows, long created, long changed, long unchanged, long skipped)
        implements Recorded {

    /** The file and its counts under the names of figures-csv.md's answer. */
    Map<String, Object> counts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("sha256", sha256);
        m.put("rows", rows);
        m.put("new", created);
        m.put("changed", changed);
        m.put("unchanged", unchanged);
        m.put("skipped", skipped);
        return m;
    }

    @Override
    public Audited audited() {
        Map<String, Object> what = counts();
        what.put("bytes", bytes);
        return new Audited(Audited.Action.IMPORT, "figures", file, "Figures file " + file + " loaded: " + created + " new, " + changed
                + " changed, " + unchanged + " unchanged, " + skipped + " skipped", null, what);
    }
}
