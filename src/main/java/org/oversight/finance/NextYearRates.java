package org.oversight.finance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.shared.CellText;
import org.oversight.shared.FinancialYear;
import org.oversight.shared.NotFoundException;
import org.springframework.stereotype.Service;

/** A year's approved rates written as next year's rates file: where next year's schedule starts. */
@Service
class NextYearRates {

    private final RatesAndCharges rates;

    NextYearRates(RatesAndCharges rates) {
        this.rates = rates;
    }

    /** The approved rates as next year's schedule: each approved rate its current one, basis, formula and multiple kept, nothing proposed. */
    String csv(FinancialYear year) {
        RatesAndCharges.Schedule s = rates.schedule(year).filter(RatesAndCharges.Schedule::approved).orElseThrow(() -> new NotFoundException(
                "The " + year.label() + " rates and charges have not been approved: next year starts from an approved schedule"));
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            p.printRecord(List.of("id", "item", "unit", "current", "basis", "formula", "multiple", "proposed", "notes"));
            for (RatesAndCharges.Line l : s.lines()) {
                RateSchedule.Rate r = l.rate();
                p.printRecord(List.of(r.id(), CellText.neutralise(r.item()), CellText.neutralise(r.unit()), l.approved().toPlainString(), r.basis(),
                        CellText.neutralise(r.formulaText()), r.multiple().toPlainString(), "", CellText.neutralise(r.notes())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
