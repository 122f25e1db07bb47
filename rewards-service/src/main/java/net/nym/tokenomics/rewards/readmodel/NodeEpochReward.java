package net.nym.tokenomics.rewards.readmodel;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

/**
 * A node's outcome in one rewarded epoch: a row of {@code reward_node_epoch} and the body of
 * {@code GET /v1/nodes/{id}/rewards}.
 *
 * @param outcome    {@code rewarded}, {@code idle} or {@code not_rewardable}
 * @param saturation the node's bond saturation the reward was computed with (before the epoch's reward)
 */
public record NodeEpochReward(long epochId, long nodeId, String outcome, Decimal reward, Decimal operatorReward,
                              Decimal delegatesReward, Percent performance, Decimal workFactor, Decimal saturation) {
}
