package org.oversight.directorates;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.platform.DisplayFormat;
import org.oversight.publishing.PaperSource;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.structure.Unit;
import org.springframework.stereotype.Component;

/** The directorate summary as a paper: the directorate's sheet for a month, published frozen and taken by committees as a standing item. */
@Component
class DirectorateSummaryPaper implements PaperSource {

    private final DirectorateSummaries summaries;

    DirectorateSummaryPaper(DirectorateSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public String kind() {
        return "directorate";
    }

    @Override
    public String noun() {
        return "directorate summary";
    }

    /** The directorate's name, from any name it goes by. */
    @Override
    public String scope(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InputException("scope", "name the directorate: a directorate summary is of one directorate");
        }
        try {
            return summaries.directorate(typed).name();
        } catch (NotFoundException e) {
            throw new InputException("scope", e.getMessage());
        }
    }

    @Override
    public Paper paper(YearMonth month, String scope) {
        Unit u = summaries.directorate(scope);
        Summary s = summaries.paper(u, month);
        String title = u.name() + ", directorate summary, " + DisplayFormat.monthName(month);
        // What the list of changes between versions compares: the counts, each Red, the budget line, each top risk, each decision.
        List<Map<String, Object>> items = new ArrayList<>();
        if (s.ratings() != null) {
            items.add(item("ratings", "Ratings", Map.of("red", s.ratings().rag().get("RED"), "amber", s.ratings().rag().get("AMBER"),
                    "green", s.ratings().rag().get("GREEN"))));
            s.ratings().reds().forEach(r -> items.add(item(r.ref(), r.title(), Map.of("figure", r.figure(), "target", r.target()))));
        }
        if (s.risks() != null) {
            s.risks().top().forEach(t -> items.add(item(t.code(), t.title(), Map.of("current", t.rating()))));
        }
        if (s.money() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", s.money().month().toString());
            m.put("revised variance", String.valueOf(s.money().revised()));
            m.put("movement", String.valueOf(s.money().movement()));
            items.add(item("budget", "Revenue position", m));
        }
        s.forthcoming().forEach(d -> items.add(item(d.number(), d.title(), Map.of("status", d.status()))));
        s.recent().forEach(d -> items.add(item(d.number(), d.title(), Map.of("status", d.status()))));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("s", s);
        vars.put("recentMonths", DirectorateSummaries.RECENT_MONTHS);
        return new Paper(title, s.ratings() == null && s.risks() == null && s.money() == null
                ? "there are no ratings, register or budget monitoring for " + u.name() + " to summarise" : null, items, "directorates/paper", vars);
    }

    private static Map<String, Object> item(String ref, String title, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", ref);
        m.put("title", title == null ? ref : title);
        m.putAll(fields);
        return m;
    }
}
