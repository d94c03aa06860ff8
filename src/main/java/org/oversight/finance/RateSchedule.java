package org.oversight.finance;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.oversight.shared.CellText;
import org.oversight.shared.CsvTable;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;

/**
 * A year's schedule of rates paid and charges levied and the next year's worked out from it (spec/rates-csv.md): each rate rises by
 * the pay award, by CPI or by a percentage of its own, stays as it is (FIXED), or is derived by a formula from the new rates of
 * others; then it is rounded half-up to a whole multiple of its {@code multiple} (a penny unless said, 7p where a weekly rate must
 * split into days). Formulas are worked out in the order they depend on each other; a cycle or an unknown id is an error.
 */
record RateSchedule(List<Rate> rates) {

    /** A rate as the schedule gives it; {@code basis} PAY, CPI, FIXED, FORMULA or a percentage such as {@code 1.58%}. */
    record Rate(int row, String id, String item, String unit, BigDecimal current, String basis, RateFormula formula, String formulaText, BigDecimal multiple,
                BigDecimal proposed, String notes) {

        /** The percentage it rises by, for PAY, CPI or its own; none for FIXED and FORMULA. */
        BigDecimal percent(BigDecimal pay, BigDecimal cpi) {
            return switch (basis) {
                case "PAY" -> pay;
                case "CPI" -> cpi;
                case "FIXED", "FORMULA" -> null;
                default -> new BigDecimal(basis.substring(0, basis.length() - 1).strip());
            };
        }
    }

    /** A rate's new value and the rule that made it, in words. */
    record Uplifted(Rate rate, BigDecimal value, String rule) {
    }

    /** Every new rate one Oversight can keep (and load again as next year's): a formula can make a rate of any size. */
    static void keepable(List<Uplifted> uplifted) {
        uplifted.forEach(u -> bounded(u.rate().row(), u.rate().formula() != null ? "formula" : "basis", u.value()));
    }

    /** A rate Oversight keeps: under £1,000,000,000, to at most four decimal places; refused by its row and column otherwise. */
    static void bounded(int row, String column, BigDecimal x) {
        if (x != null && (x.abs().compareTo(LARGEST) >= 0 || x.stripTrailingZeros().scale() > 4)) {
            throw new InputException(row, column, x.toPlainString() + " is not a rate Oversight keeps: under £1,000,000,000, to at most four decimal places");
        }
    }

    static final Set<String> COLUMNS = Set.of("id", "item", "unit", "current", "basis", "formula", "multiple", "proposed", "notes");
    private static final BigDecimal PENNY = new BigDecimal("0.01");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000");
    /** How deep formulas may name formulas: far beyond any schedule's "twice the reward + the allowance", well within the stack. */
    static final int DEPTH = 100;

    static RateSchedule read(Reader in) {
        CsvTable t = CsvTable.read(in, COLUMNS, Set.of("id", "item", "current", "basis"));
        List<Rate> rates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String id = r.required("id");
            if (!id.matches("[A-Za-z_][A-Za-z0-9_]{0,59}")) {
                throw r.error("id", "'" + id + "' is not an id: letters, digits and _, starting with a letter or _ (such as reward_0_8), at most 60");
            }
            if (!ids.add(id)) {
                throw r.error("id", "'" + id + "' is on an earlier row too: each id is one rate");
            }
            // A text cell the app wrote with an apostrophe, so that a spreadsheet does not run it, is read as it was.
            String item = CellText.restore(r.required("item"));
            String unit = CellText.restore(r.text("unit"));
            String notes = CellText.restore(r.text("notes"));
            if (item.length() > Text.NAME || unit.length() > Text.NAME) {
                throw r.error(item.length() > Text.NAME ? "item" : "unit", "is at most " + Text.NAME + " characters");
            }
            BigDecimal current = r.decimal("current");
            if (current == null || current.signum() < 0) {
                throw r.error("current", current == null ? "this year's rate is required" : "a rate is £0 or more");
            }
            String basis = r.required("basis").toUpperCase(Locale.UK).replace(" ", "");
            if (!basis.matches("PAY|CPI|FIXED|FORMULA|-?[0-9]{1,3}(\\.[0-9]{1,4})?%")) {
                throw r.error("basis", "'" + r.text("basis") + "' is not a basis: PAY, CPI, FIXED, FORMULA or a percentage such as 1.58%");
            }
            String formulaText = CellText.restore(r.text("formula"));
            RateFormula formula = null;
            if (basis.equals("FORMULA")) {
                try {
                    formula = RateFormula.parse(formulaText);
                } catch (IllegalArgumentException e) {
                    throw r.error("formula", e.getMessage());
                }
            } else if (!formulaText.isEmpty()) {
                throw r.error("formula", "a formula is for a rate whose basis is FORMULA; this one's is " + basis);
            }
            BigDecimal multiple = r.decimal("multiple");
            if (multiple != null && multiple.signum() <= 0) {
                throw r.error("multiple", "the rate is a whole multiple of a sum more than 0, such as 0.07");
            }
            if (notes.length() > 2_000) {
                throw r.error("notes", "are at most 2,000 characters");
            }
            BigDecimal proposed = r.decimal("proposed");
            if (proposed != null && proposed.signum() < 0) {
                throw r.error("proposed", "a rate is £0 or more");
            }
            rates.add(new Rate(r.number(), id, item, unit, current, basis, formula, formulaText, multiple == null ? PENNY : multiple, proposed, notes));
        }
        if (rates.isEmpty()) {
            throw new InputException(1, "id", "the file has no rates");
        }
        return new RateSchedule(rates);
    }

    /**
     * Every rate's new value, in the schedule's order, formulas worked out after the rates they name; a rate rising by the pay
     * award or CPI when that is not given (null) has none, nor has a formula naming it.
     */
    List<Uplifted> uplift(BigDecimal pay, BigDecimal cpi) {
        return uplift(pay, cpi, false);
    }

    /**
     * As {@link #uplift(BigDecimal, BigDecimal)}; with {@code asProposed}, a formula names the rates as they are to be set — each at its
     * proposed figure where one is given — so that "hot meal + £1" follows the meal charge approved, not the one its basis gives.
     */
    List<Uplifted> uplift(BigDecimal pay, BigDecimal cpi, boolean asProposed) {
        Map<String, Rate> byId = new LinkedHashMap<>();
        rates.forEach(r -> byId.put(r.id(), r));
        for (Rate r : rates) {
            if (r.formula() != null) {
                for (String id : r.formula().ids()) {
                    if (!byId.containsKey(id)) {
                        throw new InputException(r.row(), "formula", "the formula names '" + id + "', which is not an id of the schedule");
                    }
                }
            }
        }
        Map<String, Uplifted> done = new HashMap<>();
        for (Rate r : rates) {
            work(r, byId, done, new ArrayList<>(), pay, cpi, asProposed);
        }
        return rates.stream().map(r -> done.get(r.id())).toList();
    }

    private static Uplifted work(Rate r, Map<String, Rate> byId, Map<String, Uplifted> done, List<String> path, BigDecimal pay, BigDecimal cpi,
                                 boolean asProposed) {
        Uplifted known = done.get(r.id());
        if (known != null) {
            return known;
        }
        if (path.contains(r.id())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(r.id()), path.size()));
            cycle.add(r.id());
            throw new InputException(r.row(), "formula", "the formulas go round in a circle: " + String.join(" → ", cycle));
        }
        Uplifted u;
        if (r.formula() != null) {
            if (path.size() >= DEPTH) {
                throw new InputException(r.row(), "formula", "the formulas name each other more than " + DEPTH + " deep (" + path.get(0) + " → " + path.get(1)
                        + " → … → " + r.id() + "): a rate is derived from a few others, not a chain of hundreds");
            }
            path.add(r.id());
            Map<String, BigDecimal> named = new HashMap<>();
            for (String id : r.formula().ids()) {
                Uplifted dependency = work(byId.get(id), byId, done, path, pay, cpi, asProposed);
                named.put(id, asProposed && dependency.rate().proposed() != null ? dependency.rate().proposed() : dependency.value());
            }
            path.remove(path.size() - 1);
            String rule = "FORMULA " + r.formulaText().strip() + rounding(r);
            if (named.containsValue(null)) {
                u = new Uplifted(r, null, rule);
            } else {
                try {
                    u = new Uplifted(r, round(r.formula().value(named), r.multiple()), rule);
                } catch (IllegalArgumentException e) {
                    throw new InputException(r.row(), "formula", e.getMessage());
                }
            }
        } else if (r.basis().equals("FIXED")) {
            u = new Uplifted(r, r.current(), "FIXED");
        } else {
            BigDecimal percent = r.percent(pay, cpi);
            u = percent == null ? new Uplifted(r, null, r.basis() + ", not yet given")
                    : new Uplifted(r, round(r.current().multiply(BigDecimal.ONE.add(percent.movePointLeft(2))), r.multiple()),
                            (r.basis().endsWith("%") ? "" : r.basis() + " ") + percent.stripTrailingZeros().toPlainString() + "%" + rounding(r));
        }
        if (u.value() != null && u.value().signum() < 0) {
            throw new InputException(r.row(), r.formula() != null ? "formula" : "basis", "'" + r.id() + "' would be " + u.value().toPlainString()
                    + ": a rate is £0 or more");
        }
        done.put(r.id(), u);
        return u;
    }

    private static String rounding(Rate r) {
        return r.multiple().compareTo(PENNY) == 0 ? "" : ", rounded to a multiple of " + r.multiple().stripTrailingZeros().toPlainString();
    }

    /** Half-up to the nearest whole multiple of {@code multiple}: 12.345 to 0.07 is 12.32 (176.36 sevens, so 176). */
    static BigDecimal round(BigDecimal value, BigDecimal multiple) {
        return value.divide(multiple, 0, RoundingMode.HALF_UP).multiply(multiple);
    }
}
