package org.oversight.risk;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

/** The indicators a risk concerns, ticked from the catalogue on its sheet, against the version of the risk read. */
class IndicatorsForm {

    @Size(max = 50, message = "Link at most 50 indicators")
    public List<String> indicatorRefs = new ArrayList<>();
    public int version;

    IndicatorsForm() {
    }

    IndicatorsForm(List<String> indicatorRefs, int version) {
        this.indicatorRefs = indicatorRefs;
        this.version = version;
    }
}
