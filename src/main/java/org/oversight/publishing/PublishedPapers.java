package org.oversight.publishing;

import java.time.YearMonth;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Published papers for other modules to attach (a committee's agenda pack): a version's PDF exactly as it went out. */
@Service
public class PublishedPapers {

    private final Papers papers;

    PublishedPapers(Papers papers) {
        this.papers = papers;
    }

    public Optional<byte[]> pdf(String kind, YearMonth period, String scope, int version) {
        return papers.version(kind, period, scope, version).map(papers::pdf);
    }
}
