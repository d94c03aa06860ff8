package org.oversight.performance;

import java.util.List;

/**
 * What another module links to an indicator, for the indicator's page to show. Implemented by the module that keeps the link
 * (risk keeps "the indicators a risk concerns"): that module depends on performance, so performance cannot call it, and asks
 * through this instead.
 */
public interface IndicatorLinks {

    /** One linked record: what it is ("Risk"), its words, and where it is read. */
    record Link(String kind, String label, String href) {
    }

    List<Link> of(String indicatorRef);
}
