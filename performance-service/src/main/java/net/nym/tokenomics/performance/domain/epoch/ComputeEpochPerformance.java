package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Command: score every bonded node for {@code epoch}, whose end is {@code epochEnd}. All inputs come with the
 * command: the bonded nodes at the epoch end, the recorded measurements (any superset of the window; rows outside
 * it are ignored), the probe facts (the latest at or before {@code epochEnd} counts), the release chain and config.
 */
public record ComputeEpochPerformance(long epoch, Instant epochEnd, List<BondedNode> bondedNodes,
                                      List<Measurement> measurements, SelfDescriptionHistory selfDescriptions,
                                      ReleaseHistory releases, PerformanceConfig config) {
    public ComputeEpochPerformance {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be non-negative, got " + epoch);
        }
        Objects.requireNonNull(epochEnd, "epochEnd");
        Objects.requireNonNull(bondedNodes, "bondedNodes");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(selfDescriptions, "selfDescriptions");
        Objects.requireNonNull(releases, "releases");
        Objects.requireNonNull(config, "config");
    }
}
