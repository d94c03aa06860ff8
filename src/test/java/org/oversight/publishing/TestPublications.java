package org.oversight.publishing;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * For tests of other modules that need a month published: the one act (the month's dashboard
 * paper, published with every finding of its checks accepted), as the web and the API do it.
 */
@Component
public class TestPublications {

    private final DashboardPublication publication;

    TestPublications(DashboardPublication publication) {
        this.publication = publication;
    }

    /** Publishes the month's dashboard for the directorate (null: the whole council); the paper's version. */
    public int publish(YearMonth month, String directorate, String user) {
        Map<String, String> accepted = new LinkedHashMap<>();
        publication.draft(month, publication.scope(directorate)).findings().forEach(f -> accepted.put(Papers.key(f), "Accepted for the test"));
        return publication.publish(month, directorate, user, accepted, null, null).version();
    }
}
