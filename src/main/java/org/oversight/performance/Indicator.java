package org.oversight.performance;

import java.math.BigDecimal;
import java.time.YearMonth;

/** What is measured, how it is rated and who answers for it. */
public record Indicator(
        Long id, String ref, String title, String definition, String section, Kind kind, Polarity polarity,
        String unit, int decimals, String dataPeriod, Frequency frequency, String dataSource,
        String cabinetMember, String director, String portfolio, String directorate, String division,
        boolean inQpr, boolean inDivmt, boolean active, int version) {

    public enum Kind { KPI, ACTIVITY }

    public enum Frequency { MONTHLY, QUARTERLY, ANNUAL }

    /** The same indicator under the council structure's names for its directorate and division. */
    Indicator within(String directorate, String division) {
        return new Indicator(id, ref, title, definition, section, kind, polarity, unit, decimals, dataPeriod, frequency, dataSource,
                cabinetMember, director, portfolio, directorate, division, inQpr, inDivmt, active, version);
    }

    public boolean rated() {
        return kind == Kind.KPI && polarity != null;
    }

    public String polarityWords() {
        return polarity == null ? "contextual (not rated)" : polarity.words();
    }

    /** A figure's rating in its own month: a KPI against the target in force then; an activity indicator is never rated. */
    RagRule.Rating rate(BigDecimal value, Targets.Standard standard) {
        return RagRule.rate(kind == Kind.KPI ? polarity : null, value, standard.target(), standard.floor(), standard.tolerance(), unit, decimals);
    }

    /** The target, floor and tolerance a figure for the month is rated against: none for an activity indicator. */
    Targets.Standard standard(Targets targets, YearMonth month) {
        return kind == Kind.KPI ? targets.forMonth(month) : Targets.Standard.NONE;
    }
}
