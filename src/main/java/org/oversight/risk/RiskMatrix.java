package org.oversight.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.shared.InputException;

/**
 * A register's likelihood × impact matrix: its size, the words for each level, and the bands
 * scores fall into. The default is the 5 × 5 matrix of the spec: LOW 1–6, MEDIUM 8–15, HIGH 16–25.
 */
public record RiskMatrix(int size, List<String> likelihoodLabels, List<String> impactLabels, List<Band> bands) {

    /** A band holds the scores up to and including {@code upTo}; bands are listed from lowest. */
    public record Band(Level level, int upTo, String colour) {
    }

    public enum Level {
        LOW, MEDIUM, HIGH;

        /** As a page writes it: 'High'. */
        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }

    public static final RiskMatrix DEFAULT = new RiskMatrix(5,
            List.of("Very Unlikely", "Unlikely", "Possible", "Likely", "Very Likely"),
            List.of("Minor", "Moderate", "Significant", "Serious", "Major"),
            List.of(new Band(Level.LOW, 6, "Green"), new Band(Level.MEDIUM, 15, "Amber"), new Band(Level.HIGH, 25, "Red")));

    /** A level's words, as shown in every cell header and heat map: short enough to read. */
    static final int LABEL = 60;

    public RiskMatrix {
        if (likelihoodLabels == null || impactLabels == null || bands == null) {
            throw new InputException("matrix", "a matrix has its size, a label for each level of likelihood and of impact, and its bands");
        }
        for (String label : concat(likelihoodLabels, impactLabels)) {
            if (label == null || label.isBlank() || label.length() > LABEL || label.chars().anyMatch(Character::isISOControl)) {
                throw new InputException("matrix", "each level's label is 1 to " + LABEL + " characters on one line");
            }
        }
        for (Band b : bands) {
            if (b == null || b.level() == null || b.colour() == null || !b.colour().matches("[A-Za-z ]{1,20}")) {
                throw new InputException("bands", "each band has a level (LOW, MEDIUM or HIGH), the score it reaches, and a colour named in words, such as Amber");
            }
        }
        if (size < 2 || size > 10 || likelihoodLabels.size() != size || impactLabels.size() != size) {
            throw new InputException("matrix", "a matrix has 2 to 10 levels, with a label for each level of likelihood and of impact");
        }
        if (!bands.isEmpty() && bands.get(0).upTo() < 1) {
            throw new InputException("bands", "the lowest band must hold at least the score 1");
        }
        if (bands.isEmpty() || bands.get(bands.size() - 1).upTo() != size * size) {
            throw new InputException("bands", "the highest band must reach the largest score, " + size * size);
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).upTo() <= bands.get(i - 1).upTo()) {
                throw new InputException("bands", "band cut-offs must rise from the lowest band to the highest");
            }
        }
        likelihoodLabels = List.copyOf(likelihoodLabels);
        impactLabels = List.copyOf(impactLabels);
        bands = List.copyOf(bands);
    }

    public Level band(int score) {
        for (Band b : bands) {
            if (score <= b.upTo()) {
                return b.level();
            }
        }
        throw new IllegalArgumentException("score " + score + " is above the matrix");
    }

    public String colour(Level level) {
        return bands.stream().filter(b -> b.level() == level).map(Band::colour).findFirst().orElse("");
    }

    /** A likelihood × impact rating, checked against the matrix. */
    public Rating rate(int likelihood, int impact) {
        check("likelihood", likelihood);
        check("impact", impact);
        return new Rating(likelihood, impact, likelihood * impact);
    }

    /** A rating published only as its score: it must be a product the matrix can give. */
    public Rating rateScore(int score) {
        if (!isProduct(score)) {
            throw new InputException("score", score + " is not a score this " + size + " × " + size + " matrix can give (a product of likelihood and impact)");
        }
        return new Rating(null, null, score);
    }

    public boolean isProduct(int score) {
        for (int l = 1; l <= size; l++) {
            if (score % l == 0 && score / l >= 1 && score / l <= size) {
                return true;
            }
        }
        return false;
    }

    private void check(String what, int level) {
        if (level < 1 || level > size) {
            throw new InputException(what, what + " " + level + " is outside the matrix: it runs from 1 to " + size);
        }
    }

    public String likelihoodLabel(int level) {
        return likelihoodLabels.get(level - 1);
    }

    public String impactLabel(int level) {
        return impactLabels.get(level - 1);
    }

    /** The levels of likelihood as a form's list offers them: '2' for 'Unlikely (2)'. */
    public Map<String, String> likelihoodChoices() {
        return choices(likelihoodLabels);
    }

    public Map<String, String> impactChoices() {
        return choices(impactLabels);
    }

    private static Map<String, String> choices(List<String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 1; n <= labels.size(); n++) {
            out.put(String.valueOf(n), labels.get(n - 1) + " (" + n + ")");
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
