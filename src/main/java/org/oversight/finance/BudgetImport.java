package org.oversight.finance;

import org.oversight.shared.DecimalCell;
import org.oversight.structure.UnitRenamed;
import org.oversight.structure.Units;

import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.oversight.shared.Audited;
import org.oversight.shared.Dates;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.InputException;
import org.oversight.shared.SheetCsv;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a month's revenue monitoring file (spec/budget-csv.md) — the ledger export — all or nothing;
 * a file of activity budgets (a {@code service} column) gives the month's activity against affordable levels.
 * Nets and totals must add up (to their rounding) and every line must name a heading of the year's
 * budget book, unless the file sets the book: then its headings are made, and a cash limit that
 * changes from the one held needs the reason, kept as a cash limit change (virement).
 */
@Service
class BudgetImport {

    /** The unit a file's amounts are written in. */
    enum Unit {
        POUNDS("£", BigDecimal.ONE), THOUSANDS("£000s", new BigDecimal(1_000)), MILLIONS("£m", new BigDecimal(1_000_000));

        final String words;
        final BigDecimal pounds;

        Unit(String words, BigDecimal pounds) {
            this.words = words;
            this.pounds = pounds;
        }

        public String words() {
            return words;
        }

        /** Pounds as written in this unit: 1,250,000 as 1.25 (£m) or 1250 (£000s). */
        String written(BigDecimal pounds) {
            return pounds.divide(this.pounds).stripTrailingZeros().toPlainString();
        }
    }

    /** What a file loaded: {@code kind} says which table it was; {@code warnings} what the month's figures now disagree on (nothing refused). */
    /** A heading that reads as a total: "Grand Total", "Sub-total", "Subtotal". */
    private static final java.util.regex.Pattern TOTAL_LIKE = java.util.regex.Pattern.compile("(?i)(^|[^a-z])(sub-?\\s*)?totals?($|[^a-z])");

    record Result(YearMonth month, BudgetCsv.Kind kind, int lines, int headingsMade, int cashLimitsChanged, List<String> warnings) {
        Result(YearMonth month, BudgetCsv.Kind kind, int lines) {
            this(month, kind, lines, 0, 0, List.of());
        }
    }

    private final BudgetBookRepository books;
    private final ForecastRepository forecasts;
    private final ActivityBudgetRepository activityBudgets;
    private final CapitalSchemeRepository capitalSchemes;
    private final ReserveRepository reserves;
    private final ServiceLineRepository serviceLines;
    private final Budgets budgets;
    private final ServiceLines analyses;
    private final ApplicationEventPublisher events;

    private final Units units;

    BudgetImport(BudgetBookRepository books, ForecastRepository forecasts, ActivityBudgetRepository activityBudgets, CapitalSchemeRepository capitalSchemes,
                 ReserveRepository reserves, ServiceLineRepository serviceLines, Budgets budgets, ServiceLines analyses, ApplicationEventPublisher events, Units units) {
        this.analyses = analyses;
        this.units = units;
        this.books = books;
        this.forecasts = forecasts;
        this.activityBudgets = activityBudgets;
        this.capitalSchemes = capitalSchemes;
        this.reserves = reserves;
        this.serviceLines = serviceLines;
        this.budgets = budgets;
        this.events = events;
    }

    /** A part of the council renamed in the structure is the same heading of the budget book. A reaction: it follows the rename's commit. */
    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        books.renameHeading(renamed.before(), renamed.after());
        capitalSchemes.renameDirectorate(renamed.before(), renamed.after());
        serviceLines.renameUnit(renamed.before(), renamed.after(), renamed.effective());
    }

    @Transactional
    Result load(YearMonth month, Unit unit, byte[] csv, boolean setsBook, String reason, String user) {
        if (month == null) {
            throw new InputException("month", "Choose the month the forecasts are for");
        }
        if (!Dates.kept(month.getYear())) {
            throw new InputException("month", month + " is not a month Oversight keeps: budget monitoring is for a month from " + Dates.FIRST_YEAR + " to "
                    + Dates.LAST_YEAR);
        }
        if (unit == null) {
            throw new InputException("unit", "Say what unit the file's amounts are in: £, £000s or £m");
        }
        // An XLSX workbook's first sheet is read as the CSV it would save as: one reader, one set of rules and messages.
        BudgetCsv.File file = BudgetCsv.read(SheetCsv.xlsx(csv) ? new java.io.StringReader(SheetCsv.firstSheet(new ByteArrayInputStream(csv), "a budget file"))
                : new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)).named(units.names());
        switch (file.kind()) {
            case ACTIVITY -> {
                return activity(month, file, user);
            }
            case CAPITAL -> {
                return capital(month, file.schemes(), unit, user);
            }
            case RESERVES -> {
                return reserves(month, file.reserves(), unit, user);
            }
            case SERVICE_LINES -> {
                return serviceLines(month, file.serviceLines(), unit, user);
            }
            case REVENUE -> {
            }
        }
        List<RevenueLine> lines = file.lines();
        if (lines.isEmpty()) {
            throw new InputException("file", "The file has no lines");
        }
        lines.forEach(l -> RevenueBook.FIGURES.forEach((column, figure) -> fits(l.row(), column, figure.apply(l), unit)));
        // A total is a line named "Total …", checked against what it closes; one named otherwise ("Grand Total", "Sub-total") would be
        // stored as a heading of the book and counted again in every total above it.
        for (RevenueLine l : lines) {
            if (!l.total() && TOTAL_LIKE.matcher(l.heading()).find()) {
                throw new InputException(l.row(), "heading", "'" + l.heading() + "' reads as a total but is not named 'Total …': name a total "
                        + "'Total' or 'Total " + (l.group().isEmpty() ? "…" : l.group()) + "' so that it is checked against its lines, not stored as a "
                        + "heading: nothing was loaded");
            }
        }
        for (RevenueBook.Inconsistency i : new RevenueBook(lines).inconsistencies()) {
            throw new InputException(i.row(), i.column(), "'" + i.heading() + "': " + i.written().toPlainString() + " is written, but its parts add up to "
                    + i.computed().toPlainString() + ": nothing was loaded");
        }
        int year = FinancialYear.of(month).startYear();
        String why = Text.orNull(reason);
        books.lock();
        Set<String> groups = lines.stream().map(RevenueLine::group).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        Map<String, Long> ids = new HashMap<>();
        // The book and the year's cash limits read once, the forecasts written in one batch: a 5,000-line file is a few statements, not 15,000.
        Map<String, Long> book = books.headingIds();
        Map<Long, Budget.Figures> limits = books.cashLimits(year);
        List<Map.Entry<Long, ForecastRepository.Forecast>> fromFile = new java.util.ArrayList<>();
        int made = 0, changed = 0, stored = 0, position = books.nextPosition();
        for (RevenueLine l : lines) {
            if (l.total()) {
                continue; // checked above: a total is worked out, never stored
            }
            Long parent = l.group().isEmpty() ? null : ids.get(l.group());
            if (!l.group().isEmpty() && parent == null) {
                // The group is named but not given as a line: a heading of the book's top level.
                parent = book.get(BudgetBookRepository.key(null, l.group()));
                if (parent == null) {
                    if (!setsBook) {
                        throw new InputException(l.row(), "group", "There is no heading '" + l.group() + "' in the " + FinancialYear.of(month).label()
                                + " budget book: load the book first, or tick that this file sets it");
                    }
                    parent = books.insertHeading(null, l.group(), position++);
                    book.put(BudgetBookRepository.key(null, l.group()), parent);
                    made++;
                }
                ids.put(l.group(), parent);
            }
            Long id = book.get(BudgetBookRepository.key(parent, l.heading()));
            if (id == null) {
                if (!setsBook) {
                    throw new InputException(l.row(), "heading", "There is no heading '" + l.heading() + "'" + (l.group().isEmpty() ? "" : " under " + l.group())
                            + " in the " + FinancialYear.of(month).label() + " budget book: a forecast is for a heading that exists");
                }
                id = books.insertHeading(parent, l.heading(), position++);
                book.put(BudgetBookRepository.key(parent, l.heading()), id);
                made++;
            }
            ids.put(l.heading(), id);
            if (groups.contains(l.heading())) {
                continue; // a group's line is the total of its lines: checked above, worked out again from them
            }
            if (l.cashLimitNet() != null || l.cashLimitGross() != null) {
                changed += cashLimit(l, id, month, unit, setsBook, why, user, java.util.Optional.ofNullable(limits.get(id)));
            }
            // A line may be a forecast, or an adjustment alone (a Corporate Director's, on a line of its own).
            if (l.variance() != null || l.adjustment() != null || l.lastReported() != null) {
                fromFile.add(Map.entry(id, new ForecastRepository.Forecast(pounds(l.varianceGross(), unit), pounds(l.varianceIncome(), unit),
                        pounds(l.variance(), unit), pounds(l.adjustment(), unit), pounds(l.lastReported(), unit), Text.orNull(l.comment()), null)));
                stored++;
            }
        }
        forecasts.saveForecasts(month, fromFile, user);
        forecasts.keepLastReported(month, budgets.lastRevised(month), user);
        events.publishEvent(new Audited(Audited.Action.IMPORT, "budget", month.toString(), "Budget monitoring for " + month + " loaded: " + stored
                + " lines" + (made > 0 ? ", " + made + " headings made" : "") + (changed > 0 ? ", " + changed + " cash limits changed: " + why : ""), null,
                Map.of("month", month.toString(), "unit", unit.words, "lines", stored)));
        // The month's service lines, if it has them, are checked against the Table 1 this file makes.
        List<String> warnings = analyses.disagreements(month);
        return new Result(month, BudgetCsv.Kind.REVENUE, stored, made, changed, warnings);
    }

    /** A month's activity budgets (the file has a service column): each service's figures for the month, replaced whole. */
    private Result activity(YearMonth month, BudgetCsv.File file, String user) {
        if (file.services().isEmpty()) {
            throw new InputException("file", "The file has no services");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ActivityBudget a : file.services()) {
            if (!seen.add(a.service())) {
                throw new InputException(a.row(), "service", "'" + a.service() + "' is on an earlier line too: each service is one line");
            }
        }
        books.lock();
        file.services().forEach(a -> activityBudgets.saveActivity(month, a, user));
        events.publishEvent(new Audited(Audited.Action.IMPORT, "activity_budget", month.toString(), "Activity budgets for " + month + " loaded: "
                + file.services().size() + " services", null, Map.of("month", month.toString(), "services", file.services().size())));
        return new Result(month, BudgetCsv.Kind.ACTIVITY, file.services().size());
    }

    /**
     * A month's capital programme, replaced whole: each variance is real + rephasing, a Total line the sum
     * of the lines above it, and no scheme has spent beyond its approved cost without the approval recorded.
     */
    private Result capital(YearMonth month, List<CapitalLine> written, Unit unit, String user) {
        if (written.isEmpty()) {
            throw new InputException("file", "The file has no schemes");
        }
        written.forEach(l -> {
            CAPITAL_FIGURES.forEach((column, figure) -> fits(l.row(), column, figure.apply(l), unit));
            l.funding().forEach(f -> fits(l.row(), "funding", f.amount(), unit));
        });
        for (int i = 0; i < written.size(); i++) {
            CapitalLine l = written.get(i);
            String name = "'" + (l.scheme() == null ? l.directorate() : l.scheme()) + "': ";
            if (l.variance() != null && l.real() != null && l.rephasing() != null && RevenueBook.differs(l.variance(), l.real().add(l.rephasing()))) {
                throw new InputException(l.row(), "variance", name + "the variance is real + rephasing, " + l.real().add(l.rephasing()).toPlainString() + ", not "
                        + l.variance().toPlainString() + ": nothing was loaded");
            }
            checkMovement(l, name, "real_movement", l.realMovement(), l.real(), l.lastReal(), "real_variance − last_real");
            checkMovement(l, name, "rephasing_movement", l.rephasingMovement(), l.rephasing(), l.lastRephasing(), "rephasing_variance − last_rephasing");
            if (l.total()) {
                List<CapitalLine> above = written.subList(0, i).stream().filter(x -> !x.total()).toList();
                for (Map.Entry<String, java.util.function.Function<CapitalLine, BigDecimal>> f : CAPITAL_FIGURES.entrySet()) {
                    BigDecimal stated = f.getValue().apply(l);
                    List<BigDecimal> parts = above.stream().map(f.getValue()).filter(x -> x != null).toList();
                    BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (!parts.isEmpty() && RevenueBook.differs(stated, sum)) {
                        throw new InputException(l.row(), f.getKey(), name + stated.toPlainString() + " is written, but the lines above add up to " + sum.toPlainString()
                                + ": nothing was loaded");
                    }
                }
            } else if (l.spentBeyondApproval() && l.approval() == null) {
                throw new InputException(l.row(), "spend_to_date", name + "spend so far (" + plainOf(l.previousSpend()) + " in earlier years and " + plainOf(l.spendToDate())
                        + " this year) is more than the approved cost, " + l.approvedCost().toPlainString() + ": record the approval of the overspend (the decision) "
                        + "in the approval column, or correct the figures: nothing was loaded");
            }
        }
        books.lock();
        Map<Long, Integer> versions = capitalSchemes.clearCapital(month);
        List<CapitalLine> lines = written.stream().filter(l -> !l.total()).toList();
        lines.forEach(l -> capitalSchemes.saveCapital(month, inPounds(l, unit), versions, user));
        events.publishEvent(new Audited(Audited.Action.IMPORT, "capital", month.toString(), "Capital monitoring for " + month + " loaded: " + lines.size()
                + " lines", null, Map.of("month", month.toString(), "unit", unit.words, "lines", lines.size())));
        return new Result(month, BudgetCsv.Kind.CAPITAL, lines.size());
    }

    /** The figures of a capital line a Total line adds up, by their CSV column. */
    private static final Map<String, java.util.function.Function<CapitalLine, BigDecimal>> CAPITAL_FIGURES = new java.util.LinkedHashMap<>();

    static {
        CAPITAL_FIGURES.put("approved_cost", CapitalLine::approvedCost);
        CAPITAL_FIGURES.put("previous_spend", CapitalLine::previousSpend);
        CAPITAL_FIGURES.put("budget", CapitalLine::budget);
        CAPITAL_FIGURES.put("later_years", CapitalLine::laterYears);
        CAPITAL_FIGURES.put("spend_to_date", CapitalLine::spendToDate);
        CAPITAL_FIGURES.put("variance", CapitalLine::variance);
        CAPITAL_FIGURES.put("real_variance", CapitalLine::real);
        CAPITAL_FIGURES.put("rephasing_variance", CapitalLine::rephasing);
        CAPITAL_FIGURES.put("last_real", CapitalLine::lastReal);
        CAPITAL_FIGURES.put("last_rephasing", CapitalLine::lastRephasing);
        CAPITAL_FIGURES.put("real_movement", CapitalLine::realMovement);
        CAPITAL_FIGURES.put("rephasing_movement", CapitalLine::rephasingMovement);
    }

    /** A movement as a paper prints it, checked against the variance less the one last reported. */
    private static void checkMovement(CapitalLine l, String name, String column, BigDecimal written, BigDecimal now, BigDecimal last, String rule) {
        if (written != null && now != null && last != null && RevenueBook.differs(written, now.subtract(last))) {
            throw new InputException(l.row(), column, name + "the movement is " + rule + ", " + now.subtract(last).toPlainString() + ", not "
                    + written.toPlainString() + ": nothing was loaded");
        }
    }

    private static String plainOf(BigDecimal x) {
        return x == null ? "0" : x.toPlainString();
    }

    private static CapitalLine inPounds(CapitalLine l, Unit u) {
        return new CapitalLine(l.row(), l.directorate(), l.scheme(), pounds(l.approvedCost(), u), l.approval(), pounds(l.previousSpend(), u), pounds(l.budget(), u),
                pounds(l.laterYears(), u), pounds(l.spendToDate(), u), pounds(l.variance(), u), pounds(l.real(), u), pounds(l.rephasing(), u),
                pounds(l.lastReal(), u), pounds(l.lastRephasing(), u), null, null, l.delayed(), l.funding().stream().map(f -> new CapitalLine.Funding(f.source(),
                pounds(f.amount(), u))).toList(), Text.orNull(l.comment()), null);
    }

    /** A month's reserves, replaced whole: each reserve's movements take its opening balance to the projected one. */
    private Result reserves(YearMonth month, List<ReserveLine> written, Unit unit, String user) {
        if (written.isEmpty()) {
            throw new InputException("file", "The file has no reserves");
        }
        written.forEach(r -> {
            fits(r.row(), "balance_start", r.opening(), unit);
            fits(r.row(), "balance_end", r.projected(), unit);
            r.movements().forEach(m -> fits(m.row(), "movement", m.amount(), unit));
        });
        for (ReserveLine r : written) {
            if (r.unbalanced()) {
                throw new InputException(r.row(), "balance_end", "'" + r.reserve() + "': " + r.opening().toPlainString() + " at the start and movements of "
                        + r.listed().toPlainString() + " make " + r.opening().add(r.listed()).toPlainString() + ", not the " + r.projected().toPlainString()
                        + " projected: nothing was loaded");
            }
            if (r.group() != null && written.stream().anyMatch(x -> x.reserve().equals(r.group()))) {
                throw new InputException(r.row(), "group", "'" + r.group() + "' is a reserve of the file: a group's balances are the sum of its reserves, not a line");
            }
        }
        books.lock();
        reserves.clearReserves(month);
        for (ReserveLine r : written) {
            reserves.saveReserve(month, new ReserveLine(r.row(), r.group(), r.reserve(), pounds(r.opening(), unit), pounds(r.projected(), unit), r.movements().stream()
                    .map(m -> new ReserveLine.Movement(m.row(), m.description(), pounds(m.amount(), unit))).toList()), user);
        }
        events.publishEvent(new Audited(Audited.Action.IMPORT, "reserves", month.toString(), "Reserves for " + month + " loaded: " + written.size() + " reserves",
                null, Map.of("month", month.toString(), "unit", unit.words, "reserves", written.size())));
        return new Result(month, BudgetCsv.Kind.RESERVES, written.size());
    }

    /**
     * A month's position by service line, replaced whole: each net is gross + income and each total line the sum of the lines
     * above it that it covers, to the rounding of the figures written; each line's directorate is one of the month's budget book,
     * and its movement its variance less the month before's, when that month has the line.
     */
    private Result serviceLines(YearMonth month, List<ServiceLine> written, Unit unit, String user) {
        if (written.stream().noneMatch(l -> !l.total())) {
            throw new InputException("file", "The file has no service lines");
        }
        written.forEach(l -> ServiceLine.FIGURES.forEach((column, figure) -> fits(l.row(), column, figure.apply(l), unit)));
        Set<String> directorates = budgets.of(month).positions().stream().map(p -> p.heading().name()).collect(Collectors.toSet());
        Map<String, ServiceLine> before = month.getMonthValue() == 4 ? Map.of() : serviceLines.serviceLines(month.minusMonths(1)).stream()
                .collect(Collectors.toMap(ServiceLine::key, l -> l, (a, b) -> a));
        for (int i = 0; i < written.size(); i++) {
            ServiceLine l = written.get(i);
            // A line's net is its gross + income; a total's figures are each checked against its lines below, which carry the rounding of them all.
            if (!l.total() && l.net() != null && l.gross() != null && l.income() != null
                    && DecimalCell.beyondRounding(l.net(), l.gross().add(l.income()), 2)) {
                throw new InputException(l.row(), "cash_limit_net", "'" + l.name() + "': the net is gross + income, " + l.gross().add(l.income()).toPlainString()
                        + ", not " + l.net().toPlainString() + ": nothing was loaded");
            }
            if (l.directorate() != null && !directorates.contains(l.directorate())) {
                throw new InputException(l.row(), "directorate", "There is no directorate '" + l.directorate() + "' in the " + FinancialYear.of(month).label()
                        + " budget book" + (directorates.isEmpty() ? ": load the year's budget book (a revenue file) first"
                        : ": a service line belongs to one of its directorates, " + String.join("; ", directorates.stream().sorted().limit(12).toList())
                          + (directorates.size() > 12 ? "; …" : "")));
            }
            if (!l.total() && l.net() == null && (l.gross() == null || l.income() == null)) {
                throw new InputException(l.row(), "cash_limit_net", "'" + l.name() + "': give the line's budget, its net cash limit (or gross and income)");
            }
            if (l.total()) {
                List<ServiceLine> parts = written.subList(0, i).stream().filter(l::covers).toList();
                if (parts.isEmpty()) {
                    throw new InputException(l.row(), "service_line", "'" + l.name() + "' is a total, but no line above it is "
                            + (l.division() != null ? "in " + l.division() + " of " + l.directorate() : l.directorate() != null ? "in " + l.directorate() : "there")
                            + ": a total comes after the lines it adds up");
                }
                for (Map.Entry<String, java.util.function.Function<ServiceLine, BigDecimal>> f : ServiceLine.FIGURES.entrySet()) {
                    BigDecimal stated = f.getValue().apply(l);
                    List<BigDecimal> given = parts.stream().map(f.getValue()).filter(x -> x != null).toList();
                    BigDecimal sum = given.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (stated != null && !given.isEmpty() && DecimalCell.beyondRounding(stated, sum, given.size())) {
                        throw new InputException(l.row(), f.getKey(), "'" + l.name() + "': " + stated.toPlainString() + " is written, but the " + given.size()
                                + " lines it adds up come to " + sum.toPlainString() + ", more than their rounding explains: nothing was loaded");
                    }
                }
                continue;
            }
            ServiceLine last = before.get(l.key());
            BigDecimal lastVariance = last == null || last.variance() == null ? null : last.variance().divide(unit.pounds);
            if (l.movement() != null && l.variance() != null && lastVariance != null
                    && DecimalCell.beyondRounding(l.movement(), l.variance().subtract(lastVariance), 2)) {
                throw new InputException(l.row(), "movement", "'" + l.name() + "': the movement is the variance less " + month.minusMonths(1) + "'s, "
                        + l.variance().subtract(lastVariance).stripTrailingZeros().toPlainString() + ", not " + l.movement().toPlainString() + ": nothing was loaded");
            }
        }
        BigDecimal roundedTo = ServiceLine.roundedTo(written, unit.pounds);
        List<ServiceLine> lines = written.stream().filter(l -> !l.total()).map(l -> new ServiceLine(l.row(), l.directorate(), l.division(), l.name(),
                pounds(l.gross(), unit), pounds(l.income(), unit), pounds(l.net() != null || l.gross() == null || l.income() == null ? l.net() : l.gross().add(l.income()), unit),
                pounds(l.variance(), unit), pounds(l.movement(), unit),
                roundedTo)).toList();
        books.lock();
        serviceLines.saveServiceLines(month, lines, user);
        events.publishEvent(new Audited(Audited.Action.IMPORT, "service_lines", month.toString(), "The position by service line for " + month + " loaded: "
                + lines.size() + " lines", null, Map.of("month", month.toString(), "unit", unit.words, "lines", lines.size())));
        return new Result(month, BudgetCsv.Kind.SERVICE_LINES, lines.size(), 0, 0, analyses.disagreements(month));
    }

    /** Sets the year's cash limit, or checks it against the one held; a change needs its reason. Returns 1 when it changed. */
    private int cashLimit(RevenueLine l, long id, YearMonth month, Unit unit, boolean setsBook, String why, String user, java.util.Optional<Budget.Figures> held) {
        int year = FinancialYear.of(month).startYear();
        BigDecimal gross = pounds(l.cashLimitGross(), unit), income = pounds(l.cashLimitIncome(), unit), net = pounds(l.net(), unit);
        if (income != null && income.signum() > 0) {
            throw new InputException(l.row(), "cash_limit_income", "Income is written as a negative amount, such as -4.7");
        }
        if (held.isPresent() && held.get().cashNet().compareTo(net) == 0) {
            return 0;
        }
        if (held.isPresent() && (!setsBook || why == null)) {
            throw new InputException(l.row(), "cash_limit_net", "'" + l.heading() + "': the cash limit held is " + plain(held.get().cashNet(), unit)
                    + " and the file gives " + plain(net, unit) + (setsBook ? ": give the reason for the change (the virement)"
                    : ": a cash limit changes only when a file sets the budget book, with its reason"));
        }
        if (held.isEmpty() && !setsBook) {
            throw new InputException(l.row(), "cash_limit_net", "'" + l.heading() + "' has no " + FinancialYear.of(java.time.YearMonth.of(year, 4)).label()
                    + " cash limit: load the budget book first, or tick that this file sets it");
        }
        books.saveCashLimit(id, year, gross, income, net);
        if (held.isPresent()) {
            BigDecimal before = held.get().cashNet();
            books.insertChange(id, year, month, RevenueLine.less(gross, held.get().cashGross()), RevenueLine.less(income, held.get().cashIncome()), net.subtract(before), why, user);
            return 1;
        }
        return 0;
    }

    /** The most Oversight keeps: fifteen digits of pounds (the database's numeric(21, 6)). */
    private static final BigDecimal MOST = new BigDecimal("1E15");

    /** An amount that, in pounds, is more than Oversight keeps: named by its row and column, as any bad cell is. */
    private static void fits(int row, String column, BigDecimal amount, Unit unit) {
        if (amount != null && amount.multiply(unit.pounds).abs().compareTo(MOST) >= 0) {
            throw new InputException(row, column, amount.toPlainString() + " " + unit.words + " is more than Oversight keeps: amounts are up to "
                    + "£999,999,999,999,999 (check the unit the file is in)");
        }
    }

    private static BigDecimal pounds(BigDecimal amount, Unit unit) {
        return amount == null ? null : amount.multiply(unit.pounds);
    }

    private static String plain(BigDecimal pounds, Unit unit) {
        return unit.written(pounds) + " (" + unit.words + ")";
    }
}
