package org.oversight.publishing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** A {@link PaperSource} as one of publishing's own kinds of paper. */
final class SourcedPublication implements Publication {

    private final PaperSource source;
    private final PaperLayout layout;

    SourcedPublication(PaperSource source, PaperLayout layout) {
        this.source = source;
        this.layout = layout;
    }

    @Override
    public String kind() {
        return source.kind();
    }

    @Override
    public String noun() {
        return source.noun();
    }

    @Override
    public String scope(String typed) {
        return source.scope(typed);
    }

    @Override
    public Document build(YearMonth period, String scope) {
        PaperSource.Paper p = source.paper(period, scope);
        return new Document(p.title(), p.nothing(), List.of(), p.items(), List.of(), Map.of(), (on, version, checks) ->
                layout.page(p.template(), p.title(), Papers.path(kind(), period, scope, "/versions"), on, version, checks, p.variables()));
    }
}
