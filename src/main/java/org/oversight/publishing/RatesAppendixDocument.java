package org.oversight.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.finance.RatesAndCharges;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Component;

/**
 * A year's approved rates and charges as the committee's appendix: each rate the year before and as approved, the change, the basis
 * it follows, its notes, and the reason given for each approved as proposed though its basis gives another figure; with the pay award
 * and CPI and their sources, the decision that approved it and the day it takes effect. Filed under the April its year begins, and
 * published before the year does. Nothing to publish until the schedule is approved.
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
    public boolean publishedAhead() {
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
        String title = "Rates and charges " + year.label();
        Optional<RatesAndCharges.Approved> approved = rates.approved(year);
        List<Table> tables = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        approved.ifPresent(a -> {
            Map<String, String> names = new LinkedHashMap<>();
            a.rates().forEach(r -> names.put(r.id(), r.item()));
            tables.add(new Table("rates", "Rates and charges " + year.label() + " (£)", List.of("Rate or charge", "Unit", year.previous().label(), year.label(),
                    "Change", "Basis", "Notes"), a.rates().stream().map(r -> List.of(r.item(), r.unit(), fmt.number(r.current()), fmt.number(r.approved()),
                    change(r.current(), r.approved()), basis(r.rule(), names), notes(r))).toList(), false));
            a.rates().forEach(r -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("ref", r.id());
                item.put("title", r.item());
                item.put("unit", r.unit());
                item.put("rate", fmt.number(r.approved()));
                item.put("basis", r.rule());
                items.add(item);
            });
        });
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("a", approved.orElse(null));
        vars.put("year", year.label());
        vars.put("tables", tables);
        return new Document(title, approved.isPresent() ? null : "the " + year.label() + " rates and charges have not been approved: approve the schedule with its decision first",
                List.of(), items, tables, Map.of(), (on, version, checks) -> layout.html("rates-paper", title, Papers.path(kind(), period, "", "/versions"), on, version,
                checks, vars));
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
        return rule.equals("FIXED") ? "Unchanged" : rule.startsWith("PAY ") ? "Pay award " + rule.substring(4) : rule;
    }

    /** A rate's notes, and when it was approved at a figure its basis does not give, that figure and why, so that every copy of the table carries it. */
    private String notes(RatesAndCharges.ApprovedRate r) {
        if (r.departure() == null) {
            return r.notes();
        }
        return (r.notes().isEmpty() ? "" : r.notes() + ". ") + "Approved as proposed; its basis gives " + fmt.number(r.workedOut()) + ". Why: " + r.departure();
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
