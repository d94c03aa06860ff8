package org.oversight.finance;

import java.time.YearMonth;
import java.util.List;

import org.oversight.platform.DisplayFormat;
import org.springframework.stereotype.Service;

/** A month's position by service line (Appendix 1) as loaded, checked against its Table 1. */
@Service
class ServiceLines {

    private final ServiceLineRepository serviceLines;
    private final Budgets budgets;
    private final DisplayFormat fmt;

    ServiceLines(ServiceLineRepository serviceLines, Budgets budgets, DisplayFormat fmt) {
        this.serviceLines = serviceLines;
        this.budgets = budgets;
        this.fmt = fmt;
    }

    /** The month's position by service line, checked against its Table 1. */
    ServiceAnalysis of(YearMonth month) {
        return budgets.kept("service lines", month, null, () -> ServiceAnalysis.of(serviceLines.serviceLines(month), budgets.of(month), fmt::millions));
    }

    /**
     * What the month's service lines and its Table 1 disagree on, in words; nothing when the month has no service lines (asked
     * first, so that a month without them does not work its whole position out for nothing).
     */
    List<String> disagreements(YearMonth month) {
        return serviceLines.serviceLines(month).isEmpty() ? List.of() : of(month).disagreements().stream().map(ServiceAnalysis.Disagreement::text).toList();
    }
}
