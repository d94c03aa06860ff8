package org.oversight.publishing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a commentary says about its own indicator's figure: that it went up or down since the
 * previous figure, or that it is above or below its target (and by how much). Read clause by
 * clause; a clause about another measure, about another period, negated, or saying both ways, says
 * nothing here: a false finding costs a reader's trust more than a missed one.
 */
final class CommentaryClaims {

    enum Way { UP, DOWN }

    /** {@code by}: the difference the clause states ("139 less … than the target"), or null. */
    record Claim(String clause, Way movement, Way fromTarget, BigDecimal by, boolean byPercent) {
    }

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern CLAUSES = Pattern.compile(
            ";|,?\\s+(?:so|but|because|whereas|while|whilst|although|though|however|as a result)[,\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern UP = Pattern.compile("\\b(increased|rose|risen|grew|grown|went up|gone up|higher than last month)\\b");
    private static final Pattern DOWN = Pattern.compile(
            "\\b(decreased|fell|fallen|declined|dropped|reduced|went down|gone down|lower than last month)\\b");
    private static final Pattern NEGATED = Pattern.compile("\\b(not|no longer|never|neither|nor)\\b|n't\\b");
    private static final Pattern LAST_MONTH = Pattern.compile("\\b(last|previous|this) month\\b");
    /** Another period than the previous figure's: a trend over a year says nothing about last month. */
    private static final Pattern OTHER_PERIOD = Pattern.compile(
            "\\b(\\d+\\s+(months?|years?|weeks?|quarters?)|years?|annual|quarters?|since|over the (last|past)|in the (last|past)|compared)\\b");
    private static final String TARGET = "(?:the\\s+|its\\s+|our\\s+)?(?:[\\w./-]+\\s+){0,3}?targets?\\b";
    private static final Pattern ABOVE = Pattern.compile("\\b(above|over|exceeds|exceeded|exceeding|more than)\\s+" + TARGET);
    private static final Pattern BELOW = Pattern.compile("\\b(below|under|short of|less than|fewer than)\\s+" + TARGET);
    private static final Pattern BY = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*(%|per ?cent|percentage points?)?\\s+(?:[a-z]+\\s+){0,2}?"
            + "(more|less|fewer|above|below|over|under)\\b(?:\\s+[\\w./()-]+){0,6}?\\s+(?:than\\s+)?" + TARGET);
    /** Words that say nothing about which measure a clause is about. */
    private static final Set<String> NEUTRAL = Set.of("the", "this", "that", "there", "these", "those", "currently", "current", "now", "still",
            "has", "have", "had", "been", "being", "are", "was", "were", "is", "continues", "continue", "continued", "remains", "remain",
            "remained", "consistently", "slightly", "significantly", "again", "month", "figure", "figures", "performance", "indicator",
            "measure", "number", "total", "rate", "percentage", "proportion", "level", "position", "which", "also", "overall", "and", "with",
            "for", "from", "our", "its", "their", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "latest", "recent", "most");

    private CommentaryClaims() {
    }

    static List<Claim> of(String commentary, String title) {
        List<Claim> claims = new ArrayList<>();
        if (commentary == null || commentary.isBlank()) {
            return claims;
        }
        for (String sentence : SENTENCES.split(commentary)) {
            // A sentence that also tells of another measure moving ("referrals fell, so the rate rose") cannot be told apart: skipped whole.
            List<Claim> said = new ArrayList<>();
            boolean other = false;
            for (String clause : CLAUSES.split(sentence)) {
                String c = clause.toLowerCase(Locale.UK).replaceAll("\\s+", " ").strip();
                if (c.isEmpty() || NEGATED.matcher(c).find()) {
                    continue;
                }
                Matcher up = UP.matcher(c), down = DOWN.matcher(c);
                if (up.find() && !about(c.substring(0, up.start()), title) || down.find() && !about(c.substring(0, down.start()), title)) {
                    other = true;
                }
                Claim claim = claim(clause.strip(), c, title);
                if (claim != null) {
                    said.add(claim);
                }
            }
            if (!other) {
                claims.addAll(said);
            }
        }
        return claims;
    }

    private static Claim claim(String clause, String c, String title) {
        Way movement = movement(c, title);
        Way fromTarget = null;
        BigDecimal by = null;
        boolean byPercent = false;
        Matcher n = BY.matcher(c);
        Matcher above = ABOVE.matcher(c);
        Matcher below = BELOW.matcher(c);
        if (n.find() && about(c.substring(0, n.start()), title)) {
            fromTarget = Set.of("more", "above", "over").contains(n.group(3)) ? Way.UP : Way.DOWN;
            by = new BigDecimal(n.group(1).replace(",", ""));
            byPercent = n.group(2) != null;
        } else {
            boolean up = above.find(), down = below.find();
            if (up != down) {
                Matcher m = up ? above : below;
                if (about(c.substring(0, m.start()), title)) {
                    fromTarget = up ? Way.UP : Way.DOWN;
                }
            }
        }
        return movement != null || fromTarget != null ? new Claim(clause, movement, fromTarget, by, byPercent) : null;
    }

    /** Up or down since the previous figure, when the clause says one of them, of this measure, and of no other period. */
    private static Way movement(String c, String title) {
        Matcher up = UP.matcher(c), down = DOWN.matcher(c);
        boolean u = up.find(), d = down.find();
        if (u == d || (!LAST_MONTH.matcher(c).find() && OTHER_PERIOD.matcher(c).find())) {
            return null;
        }
        return about(c.substring(0, (u ? up : down).start()), title) ? (u ? Way.UP : Way.DOWN) : null;
    }

    /**
     * Whether the words before a claim name this indicator: none that name anything (it, the
     * figure, performance), or mostly words of its title; "referrals fell" in the commentary of a
     * rate is about referrals.
     */
    static boolean about(String subject, String title) {
        Set<String> titleStems = new java.util.HashSet<>(Arrays.stream(words(title)).map(CommentaryClaims::stem).toList());
        List<String> named = Arrays.stream(words(subject)).filter(w -> w.length() >= 4 && !NEUTRAL.contains(w)).toList();
        if (named.isEmpty()) {
            return true;
        }
        long inTitle = named.stream().filter(w -> titleStems.contains(stem(w))).count();
        return inTitle * 2 >= named.size();
    }

    private static String[] words(String text) {
        return text == null ? new String[0] : text.toLowerCase(Locale.UK).split("[^a-z0-9+]+");
    }

    /** Enough of a word to match its plural and tenses: admissions ~ admission, delays ~ delayed. */
    private static String stem(String w) {
        return w.length() <= 5 ? w : w.substring(0, 5);
    }
}
