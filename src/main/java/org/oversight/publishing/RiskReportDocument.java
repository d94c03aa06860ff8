package org.oversight.publishing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.platform.DisplayFormat;
import org.oversight.risk.Rating;
import org.oversight.risk.RegisterPapers;
import org.oversight.risk.Risk;
import org.oversight.risk.RiskMatrix;
import org.springframework.stereotype.Component;

/**
 * The risk register report: the profile (how many risks in each band, now and at target), the
 * heat maps, the action status and the register in a table, then one sheet per risk with its
 * description, ratings, controls and actions. The scope is the register's code; the period the
 * month it reports at.
 */
@Component
class RiskReportDocument implements Publication {

    private final RegisterPapers registers;
    private final PaperLayout layout;
    private final DisplayFormat fmt;

    RiskReportDocument(RegisterPapers registers, PaperLayout layout, DisplayFormat fmt) {
        this.registers = registers;
        this.layout = layout;
        this.fmt = fmt;
    }

    @Override
    public String kind() {
        return "risks";
    }

    @Override
    public String noun() {
        return "risk register report";
    }

    @Override
    public String scope(String typed) {
        return registers.code(typed);
    }

    @Override
    public Document build(YearMonth month, String scope) {
        RegisterPapers.Paper p = registers.paper(scope);
        RiskMatrix m = p.matrix();
        String title = p.register().name() + ", risk register report, " + DisplayFormat.monthName(month);
        LocalDate asAt = month.atEndOfMonth();

        List<List<String>> profileRows = new ArrayList<>();
        int current = 0, target = 0;
        for (RiskMatrix.Level l : List.of(RiskMatrix.Level.HIGH, RiskMatrix.Level.MEDIUM, RiskMatrix.Level.LOW)) {
            profileRows.add(List.of(l.label() + " (" + m.colour(l) + ")", Integer.toString(p.currentProfile().get(l)), Integer.toString(p.targetProfile().get(l))));
            current += p.currentProfile().get(l);
            target += p.targetProfile().get(l);
        }
        profileRows.add(List.of("Total", Integer.toString(current), Integer.toString(target)));
        Table profile = new Table("profile", "Risk profile", List.of("Band", "Current", "Target"), profileRows, true);

        Table register = new Table("register", "The register", List.of("Ref", "Risk", "Owner", "Current", "Target", "Direction", "Next review"),
                p.risks().stream().map(s -> List.of(s.risk().code(), s.risk().title(), String.join("; ", s.risk().owners()),
                        s.risk().current().score() + " " + s.band().label(), s.risk().target() == null ? "" : s.risk().target().score() + " " + s.targetBand().label(),
                        s.risk().direction() == null ? "" : s.risk().direction().symbol() + " " + s.risk().direction().words(),
                        s.risk().nextReviewDue() == null ? "Not given" : fmt.date(s.risk().nextReviewDue()))).toList(), false);
        List<List<String>> actionRows = new ArrayList<>();
        for (RegisterPapers.Sheet s : p.risks()) {
            for (Risk.Action a : s.actions()) {
                actionRows.add(List.of(s.risk().code(), a.title(), a.owner() == null ? "" : a.owner(), a.due() == null ? "" : fmt.date(a.due()),
                        a.completed() ? "Completed" : a.overdue(asAt) ? "Overdue" : "Outstanding"));
            }
        }
        Table actions = new Table("actions", "Actions", List.of("Risk", "Action", "Owner", "Due", "Status"), actionRows, false);
        Table status = new Table("action-status", "Action status", List.of("Status", "Actions"), List.of(
                List.of("Completed", Integer.toString(DocumentChecks.count(actions, 4, "Completed"))),
                List.of("Outstanding", Integer.toString(DocumentChecks.count(actions, 4, "Outstanding"))),
                List.of("Overdue", Integer.toString(DocumentChecks.count(actions, 4, "Overdue"))),
                List.of("Total", Integer.toString(p.actionsCompleted() + p.actionsOutstanding()))), true);
        Table currentHeat = heat("heat-current", "Heat map: current ratings", m, p.currentHeat());
        Table targetHeat = heat("heat-target", "Heat map: target ratings", m, p.targetHeat());

        List<ScorecardAudit.Finding> findings = new ArrayList<>(DocumentChecks.totals(profile));
        // The report shows the register as it stands: dated long before today, it would pass today's ratings off as that month's.
        if (month.isBefore(YearMonth.now().minusMonths(1))) {
            findings.add(new ScorecardAudit.Finding(ScorecardAudit.Kind.REGISTER_NOT_AS_AT_PERIOD, "The register", "period", "the report shows the register as it stands on "
                    + fmt.date(LocalDate.now()) + ", but is dated " + DisplayFormat.monthName(month) + ": publish it as at the month just ended, "
                    + "or say why these ratings are the register as it was then"));
        }
        findings.addAll(DocumentChecks.totals(status));
        for (RiskMatrix.Level l : RiskMatrix.Level.values()) {
            DocumentChecks.count("Risk profile", l.label(), l.label() + " risks", p.currentProfile().get(l),
                    (int) register.rows().stream().filter(r -> r.get(3).endsWith(" " + l.label())).count()).ifPresent(findings::add);
        }
        Map<String, String> links = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (RegisterPapers.Sheet s : p.risks()) {
            Risk r = s.risk();
            links.put(r.code(), "/risks/" + r.code());
            DocumentChecks.inOrder(r.code(), "last_review", "the last review,", r.lastReview(), "the next,", r.nextReview()).ifPresent(findings::add);
            if (r.open()) {
                DocumentChecks.reviewPassed(r.code(), r.nextReviewDue(), asAt).ifPresent(findings::add);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ref", r.code());
            item.put("title", r.title());
            item.put("current", rating(r.current()));
            item.put("target", r.target() == null ? "none" : rating(r.target()));
            item.put("owner", String.join("; ", r.owners()));
            item.put("next review", r.nextReviewDue() == null ? "none" : fmt.date(r.nextReviewDue()));
            item.put("description", String.join(" ", nz(r.cause()), nz(r.event()), nz(r.consequence())));
            item.put("actions", s.actions().size() + " (" + s.actions().stream().filter(Risk.Action::completed).count() + " completed)");
            items.add(item);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("p", p);
        vars.put("asAt", asAt);
        vars.put("profile", profile);
        vars.put("status", status);
        vars.put("register", register);
        vars.put("currentHeat", currentHeat);
        vars.put("targetHeat", targetHeat);
        return new Document(title, p.risks().isEmpty() ? "the register has no open risks" : null, findings, items,
                List.of(profile, currentHeat, targetHeat, status, register, actions), links,
                (on, version, checks) -> layout.html("risks-paper", title, Papers.path(kind(), month, p.register().code(), "/versions"), on, version, checks, vars));
    }

    /** A heat map as a table: likelihood down the side, highest first; each cell its count of risks and its band. */
    private static Table heat(String id, String caption, RiskMatrix m, int[][] counts) {
        List<String> header = new ArrayList<>(List.of("Likelihood \\ impact"));
        for (int i = 1; i <= m.size(); i++) {
            header.add(m.impactLabel(i) + " (" + i + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int l = m.size(); l >= 1; l--) {
            List<String> row = new ArrayList<>(List.of(m.likelihoodLabel(l) + " (" + l + ")"));
            for (int i = 1; i <= m.size(); i++) {
                row.add(Integer.toString(counts[l - 1][i - 1]));
            }
            rows.add(row);
        }
        return new Table(id, caption, header, rows, false);
    }

    public static String rating(Rating r) {
        return r == null ? "" : r.hasLevels() ? r.likelihood() + " × " + r.impact() + " = " + r.score() : Integer.toString(r.score());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
