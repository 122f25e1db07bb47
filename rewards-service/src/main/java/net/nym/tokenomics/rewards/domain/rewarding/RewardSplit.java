package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.Objects;

/**
 * One node's reward for one epoch and how it splits ({@code determine_reward_split}).
 *
 * @param nodeReward    the whole reward
 * @param operatingCost {@code from_ratio(cost, epochs) * ρ}, the part of {@link #operator} that is cost (0 when the
 *                      reward did not exceed the cost and the operator took everything)
 * @param operator      cost plus the operator's profit share
 * @param delegates     the delegators' profit share
 */
public record RewardSplit(Decimal nodeReward, Decimal operatingCost, Decimal operator, Decimal delegates) {

    public RewardSplit {
        Objects.requireNonNull(nodeReward, "nodeReward");
        Objects.requireNonNull(operatingCost, "operatingCost");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(delegates, "delegates");
        // Exact by construction (subtraction and addition do not round); checked because everything downstream relies on it.
        if (!operator.plus(delegates).equals(nodeReward)) {
            throw new IllegalStateException("reward split does not conserve: operator " + operator + " + delegates "
                    + delegates + " != node reward " + nodeReward);
        }
    }
}
