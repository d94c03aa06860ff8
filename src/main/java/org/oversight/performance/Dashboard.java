package org.oversight.performance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A month's scorecard for the council, a directorate or a division, with its counts. */
record Dashboard(YearMonth month, String directorate, String division, List<Line> lines, Counts total,
                 Map<String, Counts> byDirectorate, Map<String, Counts> byDivision, Map<String, Counts> byPortfolio,
                 Publication publication) {

    record Publication(long id, String publishedBy, OffsetDateTime publishedAt) {
    }

    /** A rating as it was frozen when the dashboard was published. */
    record Frozen(YearMonth figurePeriod, BigDecimal value, BigDecimal target, BigDecimal floor, Rag rag, String reason) {
    }

    record Line(Indicator indicator, YearMonth figurePeriod, Observation figure, Targets.Standard standard,
                BigDecimal previous, BigDecimal outturn, RagRule.Rating rating, Direction dotPrevious, Direction dotOutturn,
                Targets.Threshold threshold, ActivityRange range, Frozen frozen, boolean asPublished) {

        /** The published figure on a published dashboard, else the live one. */
        public BigDecimal shownValue() {
            return frozen != null ? frozen.value() : value();
        }

        public BigDecimal value() {
            return figure == null ? null : figure.value();
        }

        public Rag publishedRag() {
            return figure == null ? null : figure.publishedRag();
        }

        /** The paper's own rating disagrees with what its figures give. */
        public boolean discrepancy() {
            return publishedRag() != null && publishedRag() != rating.rag();
        }

        /** A figure revised since the dashboard was published. */
        public boolean restated() {
            if (frozen == null || asPublished) {
                return false;
            }
            BigDecimal now = value();
            return now == null ? frozen.value() != null : frozen.value() == null || now.compareTo(frozen.value()) != 0
                    || frozen.rag() != rating.rag();
        }

        /** Shown first: the frozen rating of a published dashboard, else the live one. */
        public Rag shownRag() {
            return frozen != null ? frozen.rag() : rating.rag();
        }

        public String shownReason() {
            return frozen != null ? frozen.reason() : rating.reason();
        }
    }

    record Counts(Map<Rag, Integer> rag, Map<Direction, Integer> direction) {
        static Counts of(List<Line> lines) {
            Map<Rag, Integer> rag = new EnumMap<>(Rag.class);
            Map<Direction, Integer> dot = new EnumMap<>(Direction.class);
            for (Rag r : Rag.values()) {
                rag.put(r, 0);
            }
            for (Direction d : Direction.values()) {
                dot.put(d, 0);
            }
            for (Line l : lines) {
                if (l.indicator().kind() == Indicator.Kind.KPI) {
                    rag.merge(l.shownRag(), 1, Integer::sum);
                    if (l.dotPrevious() != null) {
                        dot.merge(l.dotPrevious(), 1, Integer::sum);
                    }
                }
            }
            return new Counts(rag, dot);
        }

        public int rated() {
            return rag.get(Rag.GREEN) + rag.get(Rag.AMBER) + rag.get(Rag.RED);
        }
    }
}
