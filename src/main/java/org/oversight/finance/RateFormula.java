package org.oversight.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A derived rate's formula (spec/rates-csv.md): arithmetic on other rates' new values, by their ids, and numbers — {@code + - * /}
 * and brackets, as in {@code 2 * reward_9_16 + maint_16_17}. Parsed once; evaluated against the new rates it names.
 */
final class RateFormula {

    /** A part of the formula, worked out against the new rates. */
    private interface Term {
        BigDecimal value(Map<String, BigDecimal> rates);
    }

    private final String text;
    private final Term term;
    private final Set<String> ids = new LinkedHashSet<>();
    private int at;

    private RateFormula(String text) {
        this.text = text;
        this.term = sum();
        skipSpaces();
        if (at < text.length()) {
            throw problem("'" + text.charAt(at) + "' is not expected here");
        }
    }

    /** The formula, or an error saying where it goes wrong. */
    static RateFormula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a FORMULA rate needs its formula, such as 2 * reward_0_8");
        }
        if (text.length() > 500) {
            throw new IllegalArgumentException("a formula is at most 500 characters");
        }
        return new RateFormula(text);
    }

    /** The ids it names, in the order written. */
    Set<String> ids() {
        return ids;
    }

    BigDecimal value(Map<String, BigDecimal> rates) {
        return term.value(rates);
    }

    private Term sum() {
        Term left = product();
        while (true) {
            skipSpaces();
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                boolean plus = text.charAt(at++) == '+';
                Term l = left, r = product();
                left = rates -> plus ? l.value(rates).add(r.value(rates)) : l.value(rates).subtract(r.value(rates));
            } else {
                return left;
            }
        }
    }

    private Term product() {
        Term left = factor();
        while (true) {
            skipSpaces();
            if (at < text.length() && (text.charAt(at) == '*' || text.charAt(at) == '/')) {
                boolean times = text.charAt(at++) == '*';
                Term l = left, r = factor();
                left = rates -> {
                    if (times) {
                        return l.value(rates).multiply(r.value(rates));
                    }
                    BigDecimal d = r.value(rates);
                    if (d.signum() == 0) {
                        throw new IllegalArgumentException("the formula " + text + " divides by 0");
                    }
                    return l.value(rates).divide(d, MathContext.DECIMAL64);
                };
            } else {
                return left;
            }
        }
    }

    private Term factor() {
        skipSpaces();
        if (at >= text.length()) {
            throw problem("the formula ends where a number, an id or '(' is expected");
        }
        char c = text.charAt(at);
        if (c == '-') {
            at++;
            Term inner = factor();
            return rates -> inner.value(rates).negate();
        }
        if (c == '(') {
            at++;
            Term inner = sum();
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != ')') {
                throw problem("a '(' is not closed");
            }
            at++;
            return inner;
        }
        int start = at;
        if (Character.isDigit(c) || c == '.') {
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            BigDecimal n;
            try {
                n = new BigDecimal(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw problem("'" + text.substring(start, at) + "' is not a number");
            }
            return rates -> n;
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            String id = text.substring(start, at);
            ids.add(id);
            return rates -> rates.get(id);
        }
        throw problem("'" + c + "' is not a number, an id, '(' or '-'");
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("in the formula " + text + ", at character " + (at + 1) + ": " + what);
    }
}
