package org.oversight.performance;

/** What is measured, how it is rated and who answers for it. */
public record Indicator(
        Long id, String ref, String title, String definition, String section, Kind kind, Polarity polarity,
        String unit, int decimals, String dataPeriod, Frequency frequency, String dataSource,
        String cabinetMember, String director, String portfolio, String directorate, String division,
        boolean inQpr, boolean inDivmt, boolean active, int version) {

    public enum Kind { KPI, ACTIVITY }

    public enum Frequency { MONTHLY, QUARTERLY, ANNUAL }

    public boolean rated() {
        return kind == Kind.KPI && polarity != null;
    }

    public String polarityWords() {
        return polarity == null ? "contextual (not rated)" : polarity.words();
    }
}
