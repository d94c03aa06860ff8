package org.oversight.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.oversight.finance.RatesAndCharges;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Component;

/**
 * A year's rates and charges as the committee's appendix: before the decision, as proposed (each proposed figure its basis does not
 * give a finding of the checks, published only with its reason); once approved, as approved, with the decision that approved it, the
 * day it takes effect, and the reason given for each rate approved though its basis gives another figure. Each rate the year before
 * and now, the change, the basis in words and its notes; the pay award and CPI with their sources. Filed under the April its year
 * begins, and published before the year does.
 */
@Component
class RatesAppendixDocument implements Publication {

    private final RatesAndCharges rates;
    private final PaperLayout layout;
    private final DisplayFormat fmt;

    RatesAppendixDocument(RatesAndCharges rates, PaperLayout layout, DisplayFormat fmt) {
        this.rates = rates;
        this.layout = layout;
        this.fmt = fmt;
    }

    @Override
    public String kind() {
        return "rates";
    }

    @Override
    public String noun() {
        return "rates and charges";
    }

    @Override
    public YearMonth period(YearMonth asked) {
        return FinancialYear.of(asked).firstMonth();
    }

    @Override
    public boolean publishable(YearMonth period) {
        return true;
    }

    @Override
    public String scope(String typed) {
        if (typed != null && !typed.isBlank()) {
            throw new InputException("scope", "the rates and charges are the whole council's: leave the directorate blank");
        }
        return "";
    }

    @Override
    public Document build(YearMonth period, String scope) {
        FinancialYear year = FinancialYear.of(period);
        Optional<RatesAndCharges.Approved> approved = rates.approved(year);
        Optional<RatesAndCharges.Proposal> proposal = approved.isPresent() ? Optional.empty() : rates.proposed(year);
        String title = (approved.isPresent() ? "Rates and charges " : "Proposed rates and charges ") + year.label();
        List<Table> tables = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        List<ScorecardAudit.Finding> findings = new ArrayList<>();
        String before = year.previous().label();
        List<String> header = List.of("Rate or charge", "Unit", before, year.label() + (approved.isPresent() ? "" : " proposed"), "Change", "Basis", "Notes");
        List<String> ids = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String nothing = null;
        if (approved.isPresent()) {
            List<RatesAndCharges.ApprovedRate> a = approved.get().rates();
            Map<String, String> names = new LinkedHashMap<>();
            a.forEach(r -> names.put(r.id(), r.item()));
            for (RatesAndCharges.ApprovedRate r : a) {
                List<String> said = new ArrayList<>();
                if (r.workedOut() != null && r.workedOut().compareTo(r.approved()) != 0) {
                    said.add("Approved as proposed; its basis gives " + fmt.number(r.workedOut()));
                }
                if (r.startedElsewhere()) {
                    said.add("The " + before + " rate approved was " + fmt.number(r.approvedBefore()));
                }
                if (r.departure() != null) {
                    said.add("Why: " + r.departure());
                }
                ids.add(r.id());
                rows.add(row(r.item(), r.unit(), r.current(), r.approved(), basis(r.rule(), names), r.notes(), said));
            }
        } else if (proposal.isEmpty()) {
            nothing = "no schedule of rates and charges has been loaded for " + year.label();
        } else if (proposal.get().rates().stream().anyMatch(r -> r.rate() == null)) {
            nothing = "the " + year.label() + " schedule has rates with no new figure until its pay award and CPI are given";
        } else {
            List<RatesAndCharges.Proposed> p = proposal.get().rates();
            Map<String, String> names = new LinkedHashMap<>();
            p.forEach(r -> names.put(r.id(), r.item()));
            for (RatesAndCharges.Proposed r : p) {
                List<String> said = new ArrayList<>();
                if (r.differs()) {
                    said.add("Its basis gives " + fmt.number(r.computed()));
                }
                if (r.startsElsewhere()) {
                    said.add("The " + before + " rate approved was " + fmt.number(r.approvedBefore()));
                }
                ids.add(r.id());
                rows.add(row(r.item(), r.unit(), r.current(), r.rate(), basis(r.rule(), names), r.notes(), said));
                // Each proposed figure its basis does not give, and each rate not starting from the one approved the year before, goes
                // out only with the publisher's reason, as the approval will need one.
                if (r.unexplained() != null) {
                    List<String> what = new ArrayList<>();
                    if (r.differs()) {
                        what.add("is proposed at " + fmt.number(r.published()) + "; its basis (" + basis(r.rule(), names) + ") gives " + fmt.number(r.computed()));
                    }
                    if (r.startsElsewhere()) {
                        what.add("starts from " + fmt.number(r.current()) + ", not the " + fmt.number(r.approvedBefore()) + " approved for " + before);
                    }
                    findings.add(new ScorecardAudit.Finding(ScorecardAudit.Kind.RATE_DISAGREES, r.id(), year.label(), r.item() + " " + String.join("; and ", what)));
                }
            }
        }
        if (!rows.isEmpty()) {
            tables.add(new Table("rates", title + " (£)", header, rows, false));
            for (int i = 0; i < rows.size(); i++) {
                items.add(item(ids.get(i), rows.get(i)));
            }
        }
        if (!tables.isEmpty()) {
            // So the list of changes between versions says when the proposal became the approved schedule.
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("ref", "status");
            status.put("title", "The schedule");
            status.put("status", approved.map(a -> "approved by decision " + a.decisionNo()).orElse("proposed"));
            status.put("takes effect", approved.map(a -> DisplayFormat.dateWords(a.effectiveFrom())).orElse("when approved"));
            items.add(0, status);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("a", approved.orElse(null));
        vars.put("uplift", approved.<Object>map(a -> List.of(a.pay() == null ? "" : a.pay().toPlainString(), Objects.toString(a.paySource(), ""),
                a.cpi() == null ? "" : a.cpi().toPlainString(), Objects.toString(a.cpiSource(), ""))).orElse(proposal.map(x -> (Object) List.of(
                x.pay() == null ? "" : x.pay().toPlainString(), Objects.toString(x.paySource(), ""), x.cpi() == null ? "" : x.cpi().toPlainString(),
                Objects.toString(x.cpiSource(), ""))).orElse(null)));
        vars.put("year", year.label());
        vars.put("tables", tables);
        return new Document(title, nothing, findings, items, tables, Map.of(), (on, version, checks) -> layout.html("rates-paper", title,
                Papers.path(kind(), period, "", "/versions"), on, version, checks, vars));
    }

    /** A rate as the list of changes between versions compares it: every column of its row, by the rate's id. */
    private static Map<String, Object> item(String id, List<String> row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ref", id);
        item.put("title", row.get(0));
        item.put("unit", row.get(1));
        item.put("year before", row.get(2));
        item.put("rate", row.get(3));
        item.put("basis", row.get(5));
        item.put("notes", row.get(6));
        return item;
    }

    /** A rate's row: its notes followed by what is said of its figure (its basis gives another, and why), so that every copy of the table carries it. */
    private List<String> row(String item, String unit, BigDecimal current, BigDecimal rate, String basis, String notes, List<String> said) {
        String all = said.isEmpty() ? notes : (notes.isEmpty() ? "" : notes + ". ") + String.join(". ", said);
        return List.of(item, unit, fmt.number(current), fmt.number(rate), change(current, rate), basis, all);
    }

    /**
     * A rule as a reader says it: "PAY 2.8%" as "Pay award 2.8%"; a formula with what each rate it names is, since the ids are the
     * schedule's own: "Formula: meal + 1 (meal: Meal charge)".
     */
    static String basis(String rule, Map<String, String> items) {
        if (rule.startsWith("FORMULA ")) {
            String formula = rule.substring(8);
            List<String> named = java.util.Arrays.stream(formula.split("[^A-Za-z0-9_]+")).filter(items::containsKey).distinct()
                    .map(id -> id + ": " + items.get(id)).toList();
            return "Formula: " + formula + (named.isEmpty() ? "" : " (" + String.join("; ", named) + ")");
        }
        // A basis of its own percentage reads as words, so that the column holds text, not a figure set to the right.
        return rule.equals("FIXED") ? "Unchanged" : rule.startsWith("PAY ") ? "Pay award " + rule.substring(4) : rule.startsWith("CPI ") ? rule
                : "Rises by " + rule;
    }

    /** The change as a percentage to one place: "+2.8%"; none from a rate of nothing. */
    private String change(BigDecimal before, BigDecimal after) {
        if (before.signum() == 0) {
            return "–";
        }
        BigDecimal pct = after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : pct.signum() < 0 ? "−" : "") + fmt.number(pct.abs()) + "%";
    }
}
