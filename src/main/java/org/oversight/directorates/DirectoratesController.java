package org.oversight.directorates;

import java.time.YearMonth;
import java.util.List;

import org.oversight.platform.CurrentUser;
import org.oversight.structure.Unit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The directorates of the council's structure, a line each, and each directorate's page on one sheet. */
@Controller
class DirectoratesController {

    private final DirectorateSummaries summaries;
    private final CurrentUser user;

    DirectoratesController(DirectorateSummaries summaries, CurrentUser user) {
        this.summaries = summaries;
        this.user = user;
    }

    record Line(Unit unit, String href, String summary) {
    }

    @GetMapping("/directorates")
    String index(Model model) {
        boolean drafts = user.seesDrafts();
        List<Line> lines = summaries.directorates().stream().map(u -> new Line(u, Summary.path(u), summaries.line(summaries.summary(u, null, drafts))))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("drafts", drafts);
        return "directorates/index";
    }

    /** By its short name; any other name it goes by is sent on to that address. */
    @GetMapping("/directorates/{name}")
    String directorate(@PathVariable String name, @RequestParam(required = false) YearMonth month, Model model) {
        Unit u = summaries.directorate(name);
        if (!u.shortOrName().equals(name)) {
            return "redirect:" + UriComponentsBuilder.fromPath(Summary.path(u)).queryParamIfPresent("month", java.util.Optional.ofNullable(month))
                    .build(true).toUriString();
        }
        model.addAttribute("s", summaries.summary(u, month, user.seesDrafts()));
        model.addAttribute("path", Summary.path(u));
        model.addAttribute("recentMonths", DirectorateSummaries.RECENT_MONTHS);
        return "directorates/directorate";
    }
}
