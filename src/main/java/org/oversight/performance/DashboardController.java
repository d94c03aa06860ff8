package org.oversight.performance;

import org.oversight.finance.IndicatorBudgets;
import org.oversight.platform.DisplayFormat;

import org.oversight.platform.Fragments;
import org.oversight.shared.Text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.oversight.platform.CurrentUser;
import org.oversight.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final CurrentUser user;
    private final Fragments fragments;
    private final IndicatorBudgets budgets;

    DashboardController(Dashboards dashboards, CurrentUser user, Fragments fragments, IndicatorBudgets budgets) {
        this.budgets = budgets;
        this.dashboards = dashboards;
        this.user = user;
        this.fragments = fragments;
    }

    /** Lines on one page: a whole council's 2,000 would be a page no one can read or load quickly. */
    static final int PAGE = 100;

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) YearMonth month, @RequestParam(name = "directorate", required = false) String asked,
                     @RequestParam(required = false) String division, @RequestParam(required = false) Rag rag,
                     @RequestParam(defaultValue = "false") boolean qpr, @RequestParam(defaultValue = "1") int page, Model model,
                     HttpServletRequest request, HttpServletResponse response) {
        boolean drafts = user.seesDrafts();
        // Without a month, the public is shown the latest month published for the scope, not a draft it may not read; asked for
        // nothing at all, the latest published month and scope (a directorate's month is as much the council's publication).
        Optional<Dashboards.Published> latest = dashboards.published().stream()
                .filter(p -> p.directorate().isEmpty() || p.directorate().equals(asked) || asked == null && division == null)
                .findFirst();
        String directorate = month == null && !drafts && asked == null && division == null && latest.isPresent()
                ? Text.orNull(latest.get().directorate()) : asked;
        YearMonth m = month != null || drafts ? dashboards.orLatest(month) : latest.map(Dashboards.Published::month).orElseGet(() -> dashboards.orLatest(null));
        Optional<Dashboard> visible = dashboards.visible(m, directorate, division, drafts);
        if (visible.isEmpty()) {
            model.addAttribute("month", m);
            model.addAttribute("directorate", directorate);
            model.addAttribute("published", dashboards.published());
            return "performance/unpublished";
        }
        Dashboard d = visible.get();
        model.addAttribute("drafts", drafts);
        model.addAttribute("d", d);
        if (drafts) {
            Dashboards.Scopes scopes = dashboards.scopes();
            model.addAttribute("directorates", Choices.of(scopes.directorates()));
            model.addAttribute("divisions", Choices.of(scopes.divisions()));
        } else {
            // The public chooses among what the month's publications hold, not among today's (perhaps unpublished) names.
            List<Indicator> published = dashboards.asPublished(m, null, null).orElse(d).lines().stream().map(Dashboard.Line::indicator).toList();
            model.addAttribute("directorates", Choices.of(new TreeSet<>(published.stream().map(Indicator::directorate).filter(Objects::nonNull).toList())));
            model.addAttribute("divisions", Choices.of(new TreeSet<>(published.stream().map(Indicator::division).filter(Objects::nonNull).toList())));
        }
        // Narrowed to a rating or to the QPR's indicators: the counts stay those of the whole scope.
        List<Dashboard.Line> lines = d.lines().stream().filter(l -> rag == null || (l.indicator().kind() == Indicator.Kind.KPI && l.shownRag() == rag))
                .filter(l -> !qpr || l.indicator().inQpr()).toList();
        String filter = (rag == null ? "" : "&rag=" + rag) + (qpr ? "&qpr=true" : "");
        model.addAttribute("query", query(d));
        model.addAttribute("rag", rag);
        model.addAttribute("qpr", qpr);
        Map<String, String> rags = new LinkedHashMap<>();
        List.of(Rag.RED, Rag.AMBER, Rag.GREEN).forEach(r -> rags.put(r.name(), r.label() + " only"));
        model.addAttribute("rags", rags);
        int pages = Math.max(1, (lines.size() + PAGE - 1) / PAGE);
        int shown = Math.min(Math.max(page, 1), pages);
        // The lines and counts are the same for everyone who sees this view of this page, until the data change.
        model.addAttribute("linesHtml", dashboards.kept("lines:" + (drafts ? "live" : "published") + ":" + shown + filter,
                m, directorate, division, () -> {
                    Map<String, Object> v = new HashMap<>();
                    v.put("d", d);
                    v.put("lines", lines.subList((shown - 1) * PAGE, Math.min(lines.size(), shown * PAGE)));
                    v.put("narrowed", lines.size() < d.lines().size() ? lines.size() : null);
                    v.put("page", shown);
                    v.put("pages", pages);
                    v.put("firstLine", (shown - 1) * PAGE + 1);
                    v.put("query", query(d) + filter);
                    return fragments.render("performance/dashboard-lines", "lines", v, request, response);
                }));
        // Beside the indicators, the budgets of the activity they measure: for staff, as the budget pages are (the public's
        // dashboard does none of this work).
        List<IndicatorBudgets.Beside> beside = List.of();
        if (drafts) {
            Set<String> refs = d.lines().stream().map(l -> l.indicator().ref()).collect(Collectors.toSet());
            beside = budgets.of(m).stream().filter(b -> refs.contains(b.indicatorRef())).toList();
        }
        model.addAttribute("budgets", beside);
        return "performance/dashboard";
    }

    @GetMapping("/dashboard/export.csv")
    ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String directorate,
                                     @RequestParam(required = false) String division) {
        Dashboard d = exportable(month, directorate, division);
        StringBuilder out = new StringBuilder();
        ScorecardCsv.write(Dashboards.scorecard(d), out);
        return download(out.toString().getBytes(StandardCharsets.UTF_8), "scorecard-" + d.month() + ".csv", "text/csv");
    }

    @GetMapping("/dashboard/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String directorate,
                                      @RequestParam(required = false) String division) {
        Dashboard d = exportable(month, directorate, division);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScorecardXlsx.write(Dashboards.scorecard(d), out);
        return download(out.toByteArray(), "scorecard-" + d.month() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private Dashboard exportable(YearMonth month, String directorate, String division) {
        YearMonth m = dashboards.orLatest(month);
        return dashboards.visible(m, directorate, division, user.seesDrafts()).orElseThrow(() -> new NotFoundException(
                "The " + DisplayFormat.monthName(m) + " dashboard has not been published yet."));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    private static String query(Dashboard d) {
        return UriComponentsBuilder.newInstance().queryParam("month", d.month())
                .queryParamIfPresent("directorate", Optional.ofNullable(Text.orNull(d.directorate())))
                .queryParamIfPresent("division", Optional.ofNullable(Text.orNull(d.division())))
                .encode().build().getQuery();
    }

}
