package org.oversight.performance;

import org.oversight.shared.FormErrors;

/** The indicator form as typed: every field text, so a bad entry is shown back as it was written. */
class IndicatorForm {
    private String ref = "", title = "", definition = "", section = "", kind = "KPI", polarity = "", unit = "count",
            decimals = "0", dataPeriod = "", frequency = "MONTHLY", dataSource = "", cabinetMember = "", director = "",
            portfolio = "", directorate = "", division = "", version = "0";
    private boolean inQpr, inDivmt, active = true;

    static IndicatorForm of(Indicator i) {
        IndicatorForm f = new IndicatorForm();
        f.ref = i.ref();
        f.title = i.title();
        f.definition = n(i.definition());
        f.section = n(i.section());
        f.kind = i.kind().name();
        f.polarity = i.polarity() == null ? "" : i.polarity().name();
        f.unit = i.unit();
        f.decimals = String.valueOf(i.decimals());
        f.dataPeriod = n(i.dataPeriod());
        f.frequency = i.frequency().name();
        f.dataSource = n(i.dataSource());
        f.cabinetMember = n(i.cabinetMember());
        f.director = n(i.director());
        f.portfolio = n(i.portfolio());
        f.directorate = n(i.directorate());
        f.division = n(i.division());
        f.inQpr = i.inQpr();
        f.inDivmt = i.inDivmt();
        f.active = i.active();
        f.version = String.valueOf(i.version());
        return f;
    }

    Indicator toIndicator(Long id, FormErrors errors) {
        String r = errors.required("ref", "a reference", ref);
        String t = errors.required("title", "a title", title);
        Indicator.Kind k = null;
        try {
            k = Indicator.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add("kind", "Choose KPI or activity indicator");
        }
        Polarity p = null;
        try {
            p = Polarity.parse(polarity);
        } catch (IllegalArgumentException e) {
            errors.add("polarity", "Choose a polarity");
        }
        int d = 0;
        try {
            d = Integer.parseInt(decimals.strip());
        } catch (NumberFormatException e) {
            errors.add("decimals", "Decimal places must be a whole number from 0 to 6");
        }
        Indicator.Frequency fr = Indicator.Frequency.MONTHLY;
        try {
            fr = Indicator.Frequency.valueOf(frequency);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add("frequency", "Choose how often it is collected");
        }
        int v = version == null || version.isBlank() ? 0 : Integer.parseInt(version.strip());
        return errors.any() ? null : new Indicator(id, r, t, b(definition), b(section), k, p, unit.strip(), d, b(dataPeriod), fr,
                b(dataSource), b(cabinetMember), b(director), b(portfolio), b(directorate), b(division), inQpr, inDivmt, active, v);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String b(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getRef() { return ref; }
    public void setRef(String v) { ref = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getDefinition() { return definition; }
    public void setDefinition(String v) { definition = v; }
    public String getSection() { return section; }
    public void setSection(String v) { section = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getPolarity() { return polarity; }
    public void setPolarity(String v) { polarity = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getDecimals() { return decimals; }
    public void setDecimals(String v) { decimals = v; }
    public String getDataPeriod() { return dataPeriod; }
    public void setDataPeriod(String v) { dataPeriod = v; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String v) { frequency = v; }
    public String getDataSource() { return dataSource; }
    public void setDataSource(String v) { dataSource = v; }
    public String getCabinetMember() { return cabinetMember; }
    public void setCabinetMember(String v) { cabinetMember = v; }
    public String getDirector() { return director; }
    public void setDirector(String v) { director = v; }
    public String getPortfolio() { return portfolio; }
    public void setPortfolio(String v) { portfolio = v; }
    public String getDirectorate() { return directorate; }
    public void setDirectorate(String v) { directorate = v; }
    public String getDivision() { return division; }
    public void setDivision(String v) { division = v; }
    public String getVersion() { return version; }
    public void setVersion(String v) { version = v; }
    public boolean isInQpr() { return inQpr; }
    public void setInQpr(boolean v) { inQpr = v; }
    public boolean isInDivmt() { return inDivmt; }
    public void setInDivmt(boolean v) { inDivmt = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
}
