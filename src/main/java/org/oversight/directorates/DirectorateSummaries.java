package org.oversight.directorates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oversight.delays.DirectorateDelays;
import org.oversight.finance.BudgetPapers;
import org.oversight.governance.CommitteeBusiness;
import org.oversight.performance.DirectorateRatings;
import org.oversight.platform.DisplayFormat;
import org.oversight.publishing.PublishedPapers;
import org.oversight.risk.RegisterPapers;
import org.oversight.risk.RiskMatrix;
import org.oversight.shared.NotFoundException;
import org.oversight.structure.Unit;
import org.oversight.structure.Units;
import org.springframework.stereotype.Service;

/**
 * Puts a directorate's sheet together from the other modules. The public reads what has been published: the month's ratings as
 * frozen, each Red explained as the exception report (else the dashboard paper) published it, the budget as its report published
 * it, a risk's title only when its register's report was published. Staff read the same as it stands.
 */
@Service
class DirectorateSummaries {

    /** Decisions taken within this many months are recent. */
    static final int RECENT_MONTHS = 6;
    private static final int TOP_RISKS = 3, MEETINGS = 3;

    private final Units units;
    private final DirectorateRatings ratings;
    private final DirectorateDelays delays;
    private final RegisterPapers registers;
    private final BudgetPapers budgets;
    private final CommitteeBusiness business;
    private final PublishedPapers papers;
    private final DisplayFormat fmt;

    DirectorateSummaries(Units units, DirectorateRatings ratings, DirectorateDelays delays, RegisterPapers registers, BudgetPapers budgets,
                         CommitteeBusiness business, PublishedPapers papers, DisplayFormat fmt) {
        this.units = units;
        this.ratings = ratings;
        this.delays = delays;
        this.registers = registers;
        this.budgets = budgets;
        this.business = business;
        this.papers = papers;
        this.fmt = fmt;
    }

    List<Unit> directorates() {
        return units.directorates();
    }

    /** The directorate named by any of its names, short or long, however cased; not found names what was asked for. */
    Unit directorate(String written) {
        String w = written == null ? "" : written.strip();
        return units.directorate(w).or(() -> units.named(w).filter(u -> u.kind() == Unit.Kind.DIRECTORATE))
                .orElseThrow(() -> new NotFoundException("There is no directorate '" + (w.length() > 100 ? w.substring(0, 100) + "…" : w)
                        + "' in the council's structure"));
    }

    /** The sheet as the reader may read it; {@code month} null: the latest month they may read. */
    Summary summary(Unit u, YearMonth month, boolean drafts) {
        Set<String> names = units.everyName(u);
        DirectorateRatings.Month m = (month == null ? ratings.latest(names, drafts) : ratings.month(names, month, drafts)).orElse(null);
        List<CommitteeBusiness.KeyDecision> decisions = business.keyDecisions(names);
        LocalDate today = LocalDate.now();
        return new Summary(u, drafts, month, ratings.publishedMonths(names), m, m == null ? Map.of() : explained(m, drafts), concerns(m, drafts), risks(names, drafts),
                money(names, drafts, month), drafts ? delays.latest(names).orElse(null) : null, business.overseeing(names),
                business.forthcomingMeetings(names, today, MEETINGS),
                decisions.stream().filter(d -> d.taken() && !d.takenOn().isBefore(today.minusMonths(RECENT_MONTHS)))
                        .sorted(Comparator.comparing(CommitteeBusiness.KeyDecision::takenOn).reversed()).toList(),
                decisions.stream().filter(d -> !d.taken()).toList());
    }

    /** The paper's sheet: the month's ratings from today's figures, the budget as the latest report published up to the month printed it (a paper never prints what finance has not published). */
    Summary paper(Unit u, YearMonth month) {
        Set<String> names = units.everyName(u);
        DirectorateRatings.Month m = ratings.live(names, month).filter(x -> x.measures() > 0).orElse(null);
        Summary s = summary(u, month, true);
        return new Summary(u, true, month, List.of(), m, m == null ? Map.of() : explained(m, true), concerns(m, false), risks(names, false), money(names, false, month), s.delays(),
                s.committees(), s.meetings(), s.recent(), s.forthcoming());
    }

    /** Each Red's exception (or, without one, its commentary): for the public as published, for staff as written. */
    /**
     * The risks each Red concerns: for staff, each open risk, linked to its sheet; for the public, those its register's latest
     * published report holds, linked to the risk's page in that report.
     */
    private Map<Long, List<Summary.Top>> concerns(DirectorateRatings.Month m, boolean drafts) {
        Map<Long, List<Summary.Top>> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        for (DirectorateRatings.Red red : m.reds()) {
            List<Summary.Top> risks = new java.util.ArrayList<>();
            for (RegisterPapers.Concern c : registers.concerning(red.ref())) {
                if (drafts) {
                    risks.add(new Summary.Top(c.code(), c.title(), null, null, "/risks/" + c.code()));
                    continue;
                }
                papers.latest("risks", List.of(c.register()), null).ifPresent(l -> {
                    Map<String, Map<String, String>> items = papers.items(l);
                    int at = List.copyOf(items.keySet()).indexOf(c.code());
                    if (at >= 0) {
                        risks.add(new Summary.Top(c.code(), items.get(c.code()).get("title"), null, null, l.href() + "#risk-" + at));
                    }
                });
            }
            if (!risks.isEmpty()) {
                out.put(red.id(), risks);
            }
        }
        return out;
    }

    private Map<Long, String> explained(DirectorateRatings.Month m, boolean drafts) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (drafts) {
            Map<Long, String> written = papers.exceptions(m.month(), m.reds().stream().map(DirectorateRatings.Red::id).toList());
            m.reds().forEach(r -> Optional.ofNullable(written.getOrDefault(r.id(), r.commentary())).ifPresent(x -> out.put(r.id(), x)));
            return out;
        }
        List<String> scopes = List.of(m.directorate(), "");
        Map<String, Map<String, String>> exceptions = papers.latest("exceptions", scopes, m.month()).filter(l -> l.period().equals(m.month()))
                .map(papers::items).orElse(Map.of());
        Map<String, Map<String, String>> dashboard = papers.latest("dashboard", scopes, m.month()).filter(l -> l.period().equals(m.month()))
                .map(papers::items).orElse(Map.of());
        for (DirectorateRatings.Red r : m.reds()) {
            String exception = PublishedPapers.exception(exceptions.get(r.ref()));
            String commentary = Optional.ofNullable(dashboard.get(r.ref())).map(i -> i.get("commentary")).filter(c -> !c.isBlank()).orElse(null);
            Optional.ofNullable(exception != null ? exception : commentary).ifPresent(x -> out.put(r.id(), x));
        }
        return out;
    }

    private Summary.Risks risks(Set<String> names, boolean drafts) {
        if (!drafts) {
            return registers.of(names).stream().findFirst().map(reg -> published(reg.code(), reg.name())).orElse(null);
        }
        return registers.of(names).stream().findFirst().map(reg -> {
            RegisterPapers.Paper p = registers.paper(reg.code());
            Optional<PublishedPapers.Latest> published = papers.latest("risks", List.of(reg.code()), null);
            Map<String, Integer> current = new LinkedHashMap<>(), target = new LinkedHashMap<>();
            for (RiskMatrix.Level l : List.of(RiskMatrix.Level.HIGH, RiskMatrix.Level.MEDIUM, RiskMatrix.Level.LOW)) {
                current.put(l.label(), p.currentProfile().get(l));
                target.put(l.label(), p.targetProfile().get(l));
            }
            boolean titles = drafts || published.isPresent();
            List<Summary.Top> top = p.risks().stream().filter(s -> s.risk().open())
                    .sorted(Comparator.comparing((RegisterPapers.Sheet s) -> s.risk().current().score()).reversed()).limit(TOP_RISKS)
                    .map(s -> new Summary.Top(s.risk().code(), titles ? s.risk().title() : null, Integer.toString(s.risk().current().score()),
                            s.band().label(), drafts ? "/risks/" + s.risk().code() : null)).toList();
            return new Summary.Risks(reg.code(), reg.name(), current, target, p.risks().size(), titles ? top : List.of(),
                    published.map(PublishedPapers.Latest::href).orElse(null));
        }).orElse(null);
    }

    /**
     * For the public, the register as its latest report published it: the profile's counts and its highest risks as they went
     * out; without a published report, its name only (the live register is for staff).
     */
    private Summary.Risks published(String code, String name) {
        Optional<PublishedPapers.Latest> latest = papers.latest("risks", List.of(code), null);
        if (latest.isEmpty()) {
            return new Summary.Risks(code, name, Map.of(), Map.of(), 0, List.of(), null);
        }
        Map<String, Integer> current = new LinkedHashMap<>(), target = new LinkedHashMap<>();
        for (Map<String, String> row : papers.table(latest.get(), "profile")) {
            if (!"Total".equals(row.get("Band"))) {
                current.put(row.get("Band"), Integer.valueOf(row.get("Current")));
                target.put(row.get("Band"), Integer.valueOf(row.get("Target")));
            }
        }
        Map<String, Map<String, String>> items = papers.items(latest.get());
        List<Summary.Top> top = items.values().stream().sorted(Comparator.comparingInt((Map<String, String> r) -> score(r.get("current"))).reversed())
                .limit(TOP_RISKS).map(r -> new Summary.Top(r.get("ref"), r.get("title"), Integer.toString(score(r.get("current"))), "", null)).toList();
        return new Summary.Risks(code, name, current, target, items.size(), top, latest.get().href());
    }

    /** The score a published rating ends with ("4 × 5 = 20", or "20"). */
    private static int score(String rating) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*$").matcher(rating == null ? "" : rating);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** For the public, Table 1 and Table 3 as the latest budget report published up to the month printed them; for staff, as they stand. */
    private Summary.Money money(Set<String> names, boolean drafts, YearMonth upTo) {
        if (drafts) {
            return budgets.line(names, upTo).map(l -> new Summary.Money(l.month(), null, m(l.cashLimit()), m(l.variance()), m(l.revised()), m(l.movement()),
                    m(l.capitalBudget()), m(l.capitalVariance()), m(l.capitalReal()), m(l.capitalRephasing()))).orElse(null);
        }
        Optional<PublishedPapers.Latest> report = papers.latest("budget", List.of(""), upTo);
        return report.flatMap(r -> papers.row(r, "revenue", names).map(rev -> {
            Map<String, String> cap = papers.row(r, "capital", names).orElse(Map.of());
            return new Summary.Money(r.period(), r.href(), rev.get("Budget"), rev.get("Net forecast variance"), rev.get("Revised net variance"),
                    rev.get("Movement"), cap.get("Working budget"), cap.get("Variance"), cap.get("Real variance"), cap.get("Rephasing variance"));
        })).orElse(null);
    }

    private String m(BigDecimal pounds) {
        return pounds == null ? null : fmt.millions(pounds);
    }

    /** The line of the index: the latest month's counts, the open risks, the variance, in a sentence. */
    String line(Summary s) {
        List<String> parts = new ArrayList<>();
        if (s.ratings() != null) {
            parts.add(DisplayFormat.monthName(s.ratings().month()) + ": " + s.ratings().rag().get("RED") + " Red, " + s.ratings().rag().get("AMBER")
                    + " Amber, " + s.ratings().rag().get("GREEN") + " Green");
        }
        if (s.risks() != null) {
            parts.add(s.risks().open() + " open risks (" + s.risks().current().get("High") + " High)");
        }
        if (s.money() != null && s.money().revised() != null) {
            parts.add("forecast variance £" + s.money().revised() + "m (" + DisplayFormat.monthName(s.money().month()) + ")");
        }
        return parts.isEmpty() ? "Nothing has been published for this directorate yet" : String.join("; ", parts);
    }
}
