package org.oversight.delays;

import java.math.BigDecimal;

/** The area's adults (18 and over) in a calendar year, with where the figure comes from: the rates per 100,000 divide by it. */
record Population(int year, BigDecimal adults, String source) {
}
