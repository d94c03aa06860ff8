package org.oversight.performance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every stored figure re-rated with its reason, against the target in force in its own month,
 * and compared with the rating its paper published: the check that no historical rating in the
 * council's records contradicts its figures.
 */
@Service
class RatingCheck {

    /** Two shares of the indicators, each on its own connection: what a 2-core server can use. */
    static final int PARTS = 2;
    static final int LISTED = 100;

    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final ObservationRepository observations;
    private final TransactionTemplate readOnly;

    RatingCheck(IndicatorRepository indicators, TargetRepository targets, ObservationRepository observations, PlatformTransactionManager tx) {
        this.indicators = indicators;
        this.targets = targets;
        this.observations = observations;
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
    }

    record Contradiction(String ref, YearMonth period, Rag published, Rag rating, String reason) {
    }

    /** Counts by rating; the contradictions counted, the first {@value #LISTED} listed in indicator and month order of reading. */
    record Result(long figures, Map<Rag, Long> ratings, long contradicted, List<Contradiction> contradictions) {
    }

    private static final class Tally {
        final long[] byRag = new long[Rag.values().length];
        long contradicted;
        final List<Contradiction> listed = new ArrayList<>();
    }

    Result run() {
        Map<Long, Indicator> all = indicators.findAll(true).stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
        Map<Long, Targets> standards = targets.forIndicators(all.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(PARTS);
        try {
            List<CompletableFuture<Tally>> parts = new ArrayList<>();
            for (int p = 0; p < PARTS; p++) {
                int part = p;
                parts.add(CompletableFuture.supplyAsync(() -> readOnly.execute(s -> tally(part, all, standards)), pool));
            }
            Tally total = new Tally();
            for (CompletableFuture<Tally> f : parts) {
                Tally t = f.join();
                for (int k = 0; k < t.byRag.length; k++) {
                    total.byRag[k] += t.byRag[k];
                }
                total.contradicted += t.contradicted;
                total.listed.addAll(t.listed);
            }
            Map<Rag, Long> ratings = new EnumMap<>(Rag.class);
            long n = 0;
            for (Rag r : Rag.values()) {
                ratings.put(r, total.byRag[r.ordinal()]);
                n += total.byRag[r.ordinal()];
            }
            return new Result(n, ratings, total.contradicted, total.listed.stream().limit(LISTED).toList());
        } finally {
            pool.shutdown();
        }
    }

    private Tally tally(int part, Map<Long, Indicator> all, Map<Long, Targets> standards) {
        Tally t = new Tally();
        observations.forEachStored(part, PARTS, o -> {
            Indicator i = all.get(o.indicatorId());
            RagRule.Rating r = i.rate(o.value(), i.standard(standards.getOrDefault(i.id(), Targets.NONE), o.period()));
            t.byRag[r.rag().ordinal()]++;
            if (o.publishedRag() != null && o.publishedRag() != r.rag()) {
                t.contradicted++;
                if (t.listed.size() < LISTED) {
                    t.listed.add(new Contradiction(i.ref(), o.period(), o.publishedRag(), r.rag(), r.reason()));
                }
            }
        });
        return t;
    }
}
