package org.oversight.delays;

import java.math.BigDecimal;
import java.time.YearMonth;

import jakarta.validation.constraints.NotNull;

/**
 * The area's adults in a year, with where the figure comes from, from a month's page ({@code month}, the page to go back to);
 * {@code replace}: the fed indicators' own figures may be replaced by the rates it gives.
 */
class PopulationForm {

    public YearMonth month;
    @NotNull(message = "Give the year, such as 2019")
    public Integer year;
    public BigDecimal adults;
    public String source;
    public boolean replace;
}
