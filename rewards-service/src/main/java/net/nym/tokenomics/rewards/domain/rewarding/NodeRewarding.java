package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A node's rewarding record ({@code NodeRewarding}) and the contract's per-node reward math over it. Every
 * {@code *} and {@code /} is a flooring {@link Decimal} operation in exactly the contract's grouping: a different
 * grouping gives different digits.
 *
 * @param costParams         the cost params rewards are computed with (changes land only at interval end)
 * @param operator           {@code O}: pledge plus compounded, unwithdrawn operator rewards
 * @param delegates          {@code D}: delegations plus their compounded rewards, including rounding dust
 * @param totalUnitReward    {@code T}: what a unit delegation made at creation has earned
 * @param unitDelegation     {@code U}: size of that unit delegation, {@link #UNIT_DELEGATION_BASE}
 * @param lastRewardedEpoch  absolute id of the last epoch this node was rewarded (or bonded) in
 * @param uniqueDelegations  number of stored delegations on this node
 */
public record NodeRewarding(
        NodeCostParams costParams,
        Decimal operator,
        Decimal delegates,
        Decimal totalUnitReward,
        Decimal unitDelegation,
        long lastRewardedEpoch,
        int uniqueDelegations) {

    public static final Decimal UNIT_DELEGATION_BASE = Decimal.of(1_000_000_000L);

    public NodeRewarding {
        Objects.requireNonNull(costParams, "costParams");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(delegates, "delegates");
        Objects.requireNonNull(totalUnitReward, "totalUnitReward");
        Objects.requireNonNull(unitDelegation, "unitDelegation");
    }

    /** A freshly bonded node: {@code O = pledge}, nothing delegated, last rewarded in the bonding epoch. */
    public static NodeRewarding initial(NodeCostParams costParams, Unym pledge, long currentEpoch) {
        return new NodeRewarding(costParams, pledge.toDecimal(), Decimal.ZERO, Decimal.ZERO, UNIT_DELEGATION_BASE, currentEpoch, 0);
    }

    public Decimal bond() {
        return operator.plus(delegates);
    }

    /** {@code σ'/β}: bond over the saturation point, capped at 1. */
    public Decimal bondSaturation(Decimal saturationPoint) {
        Decimal bond = bond();
        return bond.greaterThan(saturationPoint) ? Decimal.ONE : bond.div(saturationPoint);
    }

    /** Operator stake over the saturation point, capped at 1. */
    public Decimal pledgeSaturation(Decimal saturationPoint) {
        return operator.greaterThan(saturationPoint) ? Decimal.ONE : operator.div(saturationPoint);
    }

    /**
     * {@code ((((B * ρ) * bond_sat) * (ω + ((α * pledge_sat) / k))) / (1 + α)}.
     *
     * @param budget          {@code B}: the params' epoch budget, or that plus the fee-income share
     * @param rewardedSetSize {@code k}: the configured rewarded set size
     */
    public Decimal nodeReward(RewardingParams params, Decimal budget, int rewardedSetSize, Percent performance, Decimal workFactor) {
        Decimal sat = params.stakeSaturationPoint();
        Percent alpha = params.interval().sybilResistance();
        Decimal sybilTerm = alpha.value().times(pledgeSaturation(sat)).div(Decimal.of(rewardedSetSize));
        return budget.times(performance)
                .times(bondSaturation(sat))
                .times(workFactor.plus(sybilTerm))
                .div(Decimal.ONE.plus(alpha.value()));
    }

    /**
     * {@code determine_reward_split}: the operating cost scaled by performance comes first; only a reward strictly
     * above it leaves a profit to share, {@code pm + (1 - pm) * O/(O + D)} of it to the operator.
     */
    public RewardSplit split(Decimal nodeReward, Percent performance, int epochsInInterval) {
        Decimal nodeCost = costParams.epochOperatingCost(epochsInInterval).times(performance);
        if (!nodeReward.greaterThan(nodeCost)) {
            return new RewardSplit(nodeReward, Decimal.ZERO, nodeReward, Decimal.ZERO);
        }
        Decimal profit = nodeReward.minus(nodeCost);
        Decimal pm = costParams.profitMargin().value();
        Decimal operatorShare = operator.div(bond());
        Decimal operatorProfit = profit.times(pm.plus(Decimal.ONE.minus(pm).times(operatorShare)));
        Decimal delegatesProfit = profit.minus(operatorProfit);
        return new RewardSplit(nodeReward, nodeCost, operatorProfit.plus(nodeCost), delegatesProfit);
    }

    /**
     * {@code distribute_rewards}, with {@code D} before the update: {@code T += delegates * ((U + T) / D)}
     * (nothing when {@code D = 0}), then {@code O}, {@code D} grow by their parts.
     */
    public NodeRewarding distribute(RewardSplit split, long epochId) {
        Decimal share = delegates.isZero() ? Decimal.ZERO : unitDelegation.plus(totalUnitReward).div(delegates);
        Decimal unitIncrease = split.delegates().times(share);
        return new NodeRewarding(costParams, operator.plus(split.operator()), delegates.plus(split.delegates()),
                totalUnitReward.plus(unitIncrease), unitDelegation, epochId, uniqueDelegations);
    }

    /**
     * {@code determine_delegation_reward}: {@code ((T - S) * A) / (S + U)}.
     *
     * <p>Deliberate difference (reference §7.13): the product {@code (T - S) * A} is kept as an unbounded integer
     * instead of failing above 2^128 atoms. The digits are the contract's whenever the contract succeeds; where it
     * would fail (a large, long-unwithdrawn delegation) the delegation stays withdrawable here instead of stuck.
     */
    public Decimal delegationReward(Unym amount, Decimal cumulativeRewardRatio) {
        BigInteger unitGain = totalUnitReward.atomics().subtract(cumulativeRewardRatio.atomics());
        if (unitGain.signum() < 0) {
            throw new IllegalStateException("delegation ratio " + cumulativeRewardRatio + " is ahead of the node's "
                    + totalUnitReward);
        }
        BigInteger product = unitGain.multiply(amount.toDecimal().atomics()).divide(Decimal.SCALE);
        BigInteger divisor = cumulativeRewardRatio.plus(unitDelegation).atomics();
        return Decimal.ofAtomics(product.multiply(Decimal.SCALE).divide(divisor));
    }

    public NodeRewarding withCostParams(NodeCostParams value) {
        return new NodeRewarding(value, operator, delegates, totalUnitReward, unitDelegation, lastRewardedEpoch, uniqueDelegations);
    }

    public NodeRewarding withOperator(Decimal value) {
        return new NodeRewarding(costParams, value, delegates, totalUnitReward, unitDelegation, lastRewardedEpoch, uniqueDelegations);
    }

    public NodeRewarding withDelegates(Decimal value) {
        return new NodeRewarding(costParams, operator, value, totalUnitReward, unitDelegation, lastRewardedEpoch, uniqueDelegations);
    }

    public NodeRewarding withLastRewardedEpoch(long value) {
        return new NodeRewarding(costParams, operator, delegates, totalUnitReward, unitDelegation, value, uniqueDelegations);
    }

    public NodeRewarding withStake(Decimal newOperator, Decimal newDelegates, int newUniqueDelegations) {
        return new NodeRewarding(costParams, newOperator, newDelegates, totalUnitReward, unitDelegation, lastRewardedEpoch, newUniqueDelegations);
    }

    public NodeRewarding withTotals(Decimal newOperator, Decimal newDelegates, Decimal newTotalUnitReward) {
        return new NodeRewarding(costParams, newOperator, newDelegates, newTotalUnitReward, unitDelegation, lastRewardedEpoch, uniqueDelegations);
    }
}
