package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.epoch.ComputeEpochPerformance;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider.EpochRejection;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceLedger;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One epoch's computation from a state snapshot: used live (on EpochEnded) and by the replay check alike. */
public final class EpochComputation {

    private EpochComputation() {
    }

    public static Decision<EpochPerformanceComputed, EpochRejection> decide(long epoch, Instant epochEnd,
                                                                           PerformanceState.EpochInputs in,
                                                                           EpochPerformanceLedger ledger,
                                                                           PerformanceConfig config) {
        return EpochPerformanceDecider.decide(new ComputeEpochPerformance(epoch, epochEnd, in.bondedNodes(),
                in.measurements(), in.selfDescriptions(), in.releases(), config), ledger);
    }

    /** The digest both the domain record and the integration event carry: SHA-256 of the result's canonical JSON. */
    public static String digest(EpochPerformanceComputed result) {
        return StateDigest.of(result);
    }

    public static IntegrationEvents.EpochPerformanceComputed integration(EpochPerformancePublished p) {
        EpochPerformanceComputed r = p.result();
        List<IntegrationEvents.NodePerformance> nodes = new ArrayList<>(r.nodes().size());
        for (NodePerformance n : r.nodes()) {
            List<String> reasons = new ArrayList<>(n.reasons().size());
            for (ScoreReason reason : n.reasons()) {
                reasons.add(reason.name());
            }
            nodes.add(new IntegrationEvents.NodePerformance(n.nodeId(), n.performance(), n.routingScore(),
                    n.configScore().score(), (int) Math.min(Integer.MAX_VALUE, n.measurementCount()), reasons));
        }
        return new IntegrationEvents.EpochPerformanceComputed(r.epoch(), r.windowStart(), r.windowEnd(), nodes,
                p.stateDigest());
    }
}
