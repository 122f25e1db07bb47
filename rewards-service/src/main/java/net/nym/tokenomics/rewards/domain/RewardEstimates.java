package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardSplit;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.time.Duration;
import java.util.Optional;

/**
 * Read-only figures for dashboards (the contract's estimation and pending-reward queries). Nothing here changes the
 * ledger or is used by a decision.
 *
 * <p>Annualised return is a simple (non-compounding) rate:
 * {@code (reward per epoch * epochs per year) / stake}, with {@code epochs per year = floor(365 days / epoch length)}
 * (8760 for 1-hour epochs). For an operator the stake is {@code O} and the reward {@code operator_r} (which includes
 * the operating cost reimbursed); for a delegation the stake is its current value {@code A + r}.
 */
public final class RewardEstimates {

    private static final Duration YEAR = Duration.ofDays(365);

    private RewardEstimates() {
    }

    /** The next epoch's reward of a node under the current params, split as it would be; the operator part is the operator estimate. */
    public record NodeEstimate(long nodeId, RewardSplit split, Decimal operatorAnnualisedReturn) {
    }

    /**
     * @param currentValue      {@code A + r}
     * @param accrued           {@code r}, reward not yet withdrawn
     * @param nextEpochReward   {@code (current_value / D) * delegates_r}
     */
    public record DelegationEstimate(long nodeId, String owner, Decimal currentValue, Decimal accrued,
                                     Decimal nextEpochReward, Decimal annualisedReturn) {
    }

    /**
     * Estimate for a node that holds a pledge, given the performance and work it is assumed to get. Cost params are
     * clamped as at reward time; the budget is {@code B} without fee income. Empty for unknown or unbonded nodes.
     */
    public static Optional<NodeEstimate> forNode(MixnetLedger ledger, long nodeId, Percent performance, Decimal workFactor) {
        return ledger.node(nodeId)
                .filter(n -> n.bond().holdsPledge() && !n.rewarding().operator().isZero())
                .map(n -> {
                    RewardSplit split = split(ledger, n, performance, workFactor);
                    Decimal apr = annualisedReturn(split.operator(), n.rewarding().operator(), ledger.globals().clock().epochLength());
                    return new NodeEstimate(nodeId, split, apr);
                });
    }

    public static Optional<DelegationEstimate> forDelegation(MixnetLedger ledger, long nodeId, String owner,
                                                             Percent performance, Decimal workFactor) {
        Optional<NodeRecord> node = ledger.node(nodeId);
        Optional<Delegation> delegation = ledger.delegation(nodeId, owner);
        if (node.isEmpty() || delegation.isEmpty()) {
            return Optional.empty();
        }
        NodeRewarding rewarding = node.get().rewarding();
        Decimal accrued = rewarding.delegationReward(delegation.get().amount(), delegation.get().cumulativeRewardRatio());
        Decimal value = delegation.get().amount().toDecimal().plus(accrued);
        Decimal next = Decimal.ZERO;
        if (node.get().bond().holdsPledge() && !rewarding.operator().isZero() && !rewarding.delegates().isZero()) {
            RewardSplit split = split(ledger, node.get(), performance, workFactor);
            next = value.div(rewarding.delegates()).times(split.delegates());
        }
        Decimal apr = annualisedReturn(next, value, ledger.globals().clock().epochLength());
        return Optional.of(new DelegationEstimate(nodeId, owner, value, accrued, next, apr));
    }

    /** The operator's withdrawable reward {@code O - pledge}, or empty unless the node is bonded. */
    public static Optional<Decimal> pendingOperatorReward(MixnetLedger ledger, long nodeId) {
        return ledger.node(nodeId)
                .filter(n -> n.bond() instanceof NodeBond.Bonded)
                .map(n -> n.rewarding().operator().minus(((NodeBond.Bonded) n.bond()).originalPledge().toDecimal()));
    }

    public static long epochsPerYear(Duration epochLength) {
        return YEAR.dividedBy(epochLength);
    }

    /** {@code (perEpochReward * epochsPerYear) / stake}, 0 for no stake. */
    public static Decimal annualisedReturn(Decimal perEpochReward, Decimal stake, Duration epochLength) {
        if (stake.isZero()) {
            return Decimal.ZERO;
        }
        return perEpochReward.times(Decimal.of(epochsPerYear(epochLength))).div(stake);
    }

    private static RewardSplit split(MixnetLedger ledger, NodeRecord node, Percent performance, Decimal workFactor) {
        LedgerGlobals g = ledger.globals();
        RewardingParams params = g.params();
        NodeRewarding rewarding = node.rewarding().withCostParams(g.settings().costParamRanges().clamp(node.rewarding().costParams()));
        Decimal reward = rewarding.nodeReward(params, params.epochRewardBudget(), params.rewardedSetSize(), performance, workFactor);
        return rewarding.split(reward, performance, params.epochsInInterval());
    }
}
