package org.oversight.finance;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.oversight.shared.Dates;
import org.oversight.shared.InputException;
import org.oversight.shared.SheetCsv;
import org.oversight.structure.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a month's budget monitoring file (spec/budget-csv.md) all or nothing: read as CSV or as an
 * XLSX workbook's first sheet, told apart by its columns, and handed to the load of its kind —
 * revenue lines (the ledger export), activity budgets, capital schemes, reserves, or the position
 * by service line.
 */
@Service
class BudgetImport {

    /** The unit a file's amounts are written in. */
    enum Unit {
        POUNDS("£", BigDecimal.ONE), THOUSANDS("£000s", new BigDecimal(1_000)), MILLIONS("£m", new BigDecimal(1_000_000));

        /** The most Oversight keeps: fifteen digits of pounds (the database's numeric(21, 6)). */
        private static final BigDecimal MOST = new BigDecimal("1E15");

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

        /** An amount written in this unit, in pounds; none for none. */
        BigDecimal inPounds(BigDecimal amount) {
            return amount == null ? null : amount.multiply(pounds);
        }

        /** Pounds as a message gives them: written in this unit, with its name. */
        String named(BigDecimal pounds) {
            return written(pounds) + " (" + words + ")";
        }

        /** An amount that, in pounds, is more than Oversight keeps: named by its row and column, as any bad cell is. */
        void fits(int row, String column, BigDecimal amount) {
            if (amount != null && amount.multiply(pounds).abs().compareTo(MOST) >= 0) {
                throw new InputException(row, column, amount.toPlainString() + " " + words + " is more than Oversight keeps: amounts are up to "
                        + "£999,999,999,999,999 (check the unit the file is in)");
            }
        }
    }

    /** What a file loaded: {@code kind} says which table it was; {@code warnings} what the month's figures now disagree on (nothing refused). */
    record Result(YearMonth month, BudgetCsv.Kind kind, int lines, int headingsMade, int cashLimitsChanged, List<String> warnings) {
        Result(YearMonth month, BudgetCsv.Kind kind, int lines) {
            this(month, kind, lines, 0, 0, List.of());
        }
    }

    private final BudgetBookRepository books;
    private final Units units;
    private final RevenueImport revenue;
    private final ActivityImport activity;
    private final CapitalImport capital;
    private final ReserveImport reserves;
    private final ServiceLineImport serviceLines;

    BudgetImport(BudgetBookRepository books, Units units, RevenueImport revenue, ActivityImport activity, CapitalImport capital, ReserveImport reserves,
                 ServiceLineImport serviceLines) {
        this.books = books;
        this.units = units;
        this.revenue = revenue;
        this.activity = activity;
        this.capital = capital;
        this.reserves = reserves;
        this.serviceLines = serviceLines;
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
        Reader text = SheetCsv.xlsx(csv) ? new StringReader(SheetCsv.firstSheet(new ByteArrayInputStream(csv), "a budget file"))
                : new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
        BudgetCsv.File file = BudgetCsv.read(text).named(units.names());
        // Loads are one at a time, whatever their kind: a month's files are checked against the book as it stands, and change it together.
        books.lock();
        return switch (file.kind()) {
            case REVENUE -> revenue.load(month, file.lines(), unit, setsBook, reason, user);
            case ACTIVITY -> activity.load(month, file.services(), user);
            case CAPITAL -> capital.load(month, file.schemes(), unit, user);
            case RESERVES -> reserves.load(month, file.reserves(), unit, user);
            case SERVICE_LINES -> serviceLines.load(month, file.serviceLines(), unit, user);
        };
    }
}
