package org.oversight.performance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A figures file was loaded: what it was (name, size, SHA-256) and what it did. */
public record FiguresLoaded(String file, String sha256, long bytes, long rows, long created, long changed, long unchanged, long skipped)
        implements Recorded {

    @Override
    public Audited audited() {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("file", file);
        what.put("sha256", sha256);
        what.put("bytes", bytes);
        what.put("rows", rows);
        what.put("new", created);
        what.put("changed", changed);
        what.put("unchanged", unchanged);
        what.put("skipped", skipped);
        return new Audited(Audited.Action.IMPORT, "figures", file, "Figures file " + file + " loaded: " + created + " new, " + changed
                + " changed, " + unchanged + " unchanged, " + skipped + " skipped", null, what);
    }
}
