package org.oversight.performance;

import java.time.YearMonth;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;

/** A month's dashboard was published (frozen) for the whole council ({@code directorate} empty) or one directorate. */
public record DashboardPublished(YearMonth month, String directorate, long publication, int ratings, Map<Rag, Integer> counts)
        implements Recorded {

    @Override
    public Audited audited() {
        return new Audited(Audited.Action.PUBLISH, "dashboard", month + "/" + directorate, "Dashboard " + month
                + (directorate.isEmpty() ? "" : " for " + directorate) + " published: " + ratings + " ratings frozen",
                null, Map.of("month", month.toString(), "directorate", directorate, "counts", counts));
    }
}
