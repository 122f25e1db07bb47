package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.performance.domain.NodeIds;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.config.ConfigScore;

import java.util.List;
import java.util.Objects;

/**
 * One node's result for an epoch (inputs and outputs, so nothing downstream recomputes):
 * {@code performanceScore = routingScore × configScore.score} in f64; {@code performance} is that value converted
 * once by {@code Percent.naiveFromF64OrZero} (what selection and rewarding use); {@code last24hPerformance} is the
 * legacy integer percent of B.1. {@code reasons} lists why the score is zero or reduced, in {@link ScoreReason} order.
 */
public record NodePerformance(long nodeId, String identity, double routingScore, long measurementCount,
                              ConfigScore configScore, double performanceScore, Percent performance,
                              Percent last24hPerformance, List<ScoreReason> reasons) {
    public NodePerformance {
        NodeIds.requireValid(nodeId);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(configScore, "configScore");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(last24hPerformance, "last24hPerformance");
        reasons = List.copyOf(reasons);
    }
}
