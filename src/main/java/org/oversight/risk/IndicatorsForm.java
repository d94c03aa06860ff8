package org.oversight.risk;

import java.util.List;

import jakarta.validation.constraints.Size;

/** The indicators a risk concerns, ticked from the catalogue on its sheet, against the version of the risk read. */
record IndicatorsForm(@Size(max = 50, message = "Link at most 50 indicators") List<String> indicatorRefs, int version) {

    IndicatorsForm {
        indicatorRefs = indicatorRefs == null ? List.of() : indicatorRefs;
    }
}
