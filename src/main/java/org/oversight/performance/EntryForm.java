package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** A month's figures for a page of indicators, by indicator id: each box is named figures[id].field. */
class EntryForm {

    public YearMonth month;
    public String division;
    public Map<Long, Figure> figures = new LinkedHashMap<>();

    /** One indicator's row; the version is the figure's as the page showed it, null where there was none. */
    static class Figure {
        public BigDecimal value;
        public BigDecimal numerator;
        public BigDecimal denominator;
        public boolean provisional;
        public String commentary;
        public Integer version;
    }
}
