package org.oversight.performance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.oversight.shared.Text;

/**
 * The indicator form: what is measured, how it is rated and who answers for it. It checks what
 * a form can get wrong all at once; the catalogue then checks the indicator as the API's are.
 */
class IndicatorForm {

    @NotBlank(message = "Enter a reference")
    @Size(max = 30, message = "A reference has at most 30 characters")
    public String ref;
    @NotBlank(message = "Enter a title")
    public String title;
    public String definition;
    public String section;
    @NotNull(message = "Choose KPI or activity indicator")
    public Indicator.Kind kind = Indicator.Kind.KPI;
    /** None for a contextual indicator, never rated. */
    public Polarity polarity;
    @NotBlank(message = "Enter the unit, such as count or %")
    public String unit = "count";
    @NotNull(message = "Decimal places must be a whole number from 0 to 6")
    @Min(value = 0, message = "Decimal places must be a whole number from 0 to 6")
    @Max(value = 6, message = "Decimal places must be a whole number from 0 to 6")
    public Integer decimals = 0;
    public String dataPeriod;
    @NotNull(message = "Choose how often it is collected")
    public Indicator.Frequency frequency = Indicator.Frequency.MONTHLY;
    public String dataSource;
    public String cabinetMember;
    public String director;
    public String portfolio;
    public String directorate;
    public String division;
    public boolean inQpr;
    public boolean inDivmt;
    public boolean active = true;
    public int version;

    static IndicatorForm of(Indicator i) {
        IndicatorForm f = new IndicatorForm();
        f.ref = i.ref();
        f.title = i.title();
        f.definition = i.definition();
        f.section = i.section();
        f.kind = i.kind();
        f.polarity = i.polarity();
        f.unit = i.unit();
        f.decimals = i.decimals();
        f.dataPeriod = i.dataPeriod();
        f.frequency = i.frequency();
        f.dataSource = i.dataSource();
        f.cabinetMember = i.cabinetMember();
        f.director = i.director();
        f.portfolio = i.portfolio();
        f.directorate = i.directorate();
        f.division = i.division();
        f.inQpr = i.inQpr();
        f.inDivmt = i.inDivmt();
        f.active = i.active();
        f.version = i.version();
        return f;
    }

    Indicator toIndicator(Long id) {
        return new Indicator(id, ref.strip(), title.strip(), Text.orNull(definition), Text.orNull(section), kind, polarity, unit.strip(),
                decimals, Text.orNull(dataPeriod), frequency, Text.orNull(dataSource), Text.orNull(cabinetMember), Text.orNull(director),
                Text.orNull(portfolio), Text.orNull(directorate), Text.orNull(division), inQpr, inDivmt, active, version);
    }
}
