package org.oversight.directorates;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.oversight.delays.DirectorateDelays;
import org.oversight.governance.CommitteeBusiness;
import org.oversight.performance.DirectorateRatings;
import org.oversight.structure.Unit;

/**
 * A directorate on one sheet. {@code drafts}: as staff read it (live figures, marked where not published); {@code explained}: each
 * Red's exception or commentary, by the indicator's id; an empty part is null or an empty list, and the page says so.
 */
record Summary(Unit unit, boolean drafts, YearMonth asked, List<YearMonth> months, DirectorateRatings.Month ratings, Map<Long, String> explained,
               Map<Long, List<Top>> concerns, Risks risks, Money money, DirectorateDelays.Month delays, List<CommitteeBusiness.CommitteeLink> committees,
               List<CommitteeBusiness.Meeting> meetings, List<CommitteeBusiness.KeyDecision> recent, List<CommitteeBusiness.KeyDecision> forthcoming) {

    /** The directorate's register: its profile now and at target by band (High, Medium, Low), and its highest current risks. */
    record Risks(String code, String name, Map<String, Integer> current, Map<String, Integer> target, int open, List<Top> top, String paper) {
    }

    /** {@code title} null when the public may not read it (the register is not published); {@code href} null likewise. */
    record Top(String code, String title, String rating, String band, String href) {
    }

    /**
     * Table 1's line for the directorate and its capital (Table 3), in £m as the papers print them; {@code paper} the published report
     * it is read from (null: the live monitoring, for staff).
     */
    record Money(YearMonth month, String paper, String cashLimit, String variance, String revised, String movement, String capitalBudget,
                 String capitalVariance, String capitalReal, String capitalRephasing) {
    }

    /** The address of the directorate's page: its short name, else its name. */
    static String path(Unit u) {
        return "/directorates/" + org.springframework.web.util.UriUtils.encodePathSegment(u.shortOrName(), java.nio.charset.StandardCharsets.UTF_8);
    }

    int reds() {
        return ratings == null ? 0 : ratings.rag().get("RED");
    }
}
