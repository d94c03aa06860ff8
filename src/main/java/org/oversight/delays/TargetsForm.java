package org.oversight.delays;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.NotNull;

/**
 * A month's Better Care Fund targets in delayed days, in all and by the body responsible; a box left blank is a body without one.
 * Each box is named as the page has always sent it, the body's key ({@link Delays#BODIES}): social care's is {@code social_care}.
 */
class TargetsForm {

    @NotNull(message = "Give the month the targets are for, such as 2019-01")
    public YearMonth month;
    public BigDecimal total;
    public BigDecimal nhs;
    public BigDecimal social_care;
    public BigDecimal both;

    /** The targets given, by body. */
    Map<String, BigDecimal> days() {
        Map<String, BigDecimal> given = new LinkedHashMap<>();
        given.put("total", total);
        given.put("nhs", nhs);
        given.put("social_care", social_care);
        given.put("both", both);
        given.values().removeIf(Objects::isNull);
        return given;
    }
}
