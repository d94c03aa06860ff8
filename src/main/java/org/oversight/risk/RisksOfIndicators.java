package org.oversight.risk;

import java.util.List;

import org.oversight.performance.IndicatorLinks;
import org.springframework.stereotype.Component;

/** The open risks that concern an indicator, for the indicator's page (performance cannot call risk, which depends on it). */
@Component
class RisksOfIndicators implements IndicatorLinks {

    private final RiskRepository risks;

    RisksOfIndicators(RiskRepository risks) {
        this.risks = risks;
    }

    @Override
    public List<Link> of(String indicatorRef) {
        return risks.concerning(indicatorRef).stream().map(r -> new Link("Risk", r.code() + " " + r.title(), "/risks/" + r.code())).toList();
    }
}
