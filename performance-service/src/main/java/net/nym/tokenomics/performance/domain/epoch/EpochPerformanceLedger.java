package net.nym.tokenomics.performance.domain.epoch;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/** State of the epoch-performance stream: which epochs already have a published result (never recomputed). */
public record EpochPerformanceLedger(NavigableSet<Long> computedEpochs) {

    public static final EpochPerformanceLedger EMPTY = new EpochPerformanceLedger(new TreeSet<>());

    public EpochPerformanceLedger {
        computedEpochs = Collections.unmodifiableNavigableSet(new TreeSet<>(computedEpochs));
    }

    public boolean isComputed(long epoch) {
        return computedEpochs.contains(epoch);
    }

    public EpochPerformanceLedger with(long epoch) {
        if (computedEpochs.contains(epoch)) {
            return this;
        }
        TreeSet<Long> next = new TreeSet<>(computedEpochs);
        next.add(epoch);
        return new EpochPerformanceLedger(next);
    }
}
