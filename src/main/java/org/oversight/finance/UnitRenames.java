package org.oversight.finance;

import org.oversight.structure.UnitRenamed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A part of the council renamed in the structure is the same heading of the budget book, directorate of the capital
 * programme and unit of the service lines. A reaction: it follows the rename's commit.
 */
@Component
class UnitRenames {

    private final BudgetBookRepository books;
    private final CapitalSchemeRepository capitalSchemes;
    private final ServiceLineRepository serviceLines;

    UnitRenames(BudgetBookRepository books, CapitalSchemeRepository capitalSchemes, ServiceLineRepository serviceLines) {
        this.books = books;
        this.capitalSchemes = capitalSchemes;
        this.serviceLines = serviceLines;
    }

    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        books.renameHeading(renamed.before(), renamed.after());
        capitalSchemes.renameDirectorate(renamed.before(), renamed.after());
        serviceLines.renameUnit(renamed.before(), renamed.after(), renamed.effective());
    }
}
