package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Objects;

/**
 * The contract's {@code IntervalRewardParams}: values that stay constant during an interval, plus the two derived
 * ones ({@link #epochRewardBudget()} {@code B} and {@link #stakeSaturationPoint()} {@code sat}). The derived values
 * are stored, not recomputed on read: the contract recomputes them only at the moments listed in
 * {@link RewardingParams}, and a stored value is what every node reward of the interval uses.
 */
public record IntervalRewardParams(
        Decimal rewardPool,
        Decimal stakingSupply,
        Percent stakingSupplyScaleFactor,
        Decimal epochRewardBudget,
        Decimal stakeSaturationPoint,
        Percent sybilResistance,
        Decimal activeSetWorkFactor,
        Percent intervalPoolEmission) {

    public IntervalRewardParams {
        Objects.requireNonNull(rewardPool, "rewardPool");
        Objects.requireNonNull(stakingSupply, "stakingSupply");
        Objects.requireNonNull(stakingSupplyScaleFactor, "stakingSupplyScaleFactor");
        Objects.requireNonNull(epochRewardBudget, "epochRewardBudget");
        Objects.requireNonNull(stakeSaturationPoint, "stakeSaturationPoint");
        Objects.requireNonNull(sybilResistance, "sybilResistance");
        Objects.requireNonNull(activeSetWorkFactor, "activeSetWorkFactor");
        Objects.requireNonNull(intervalPoolEmission, "intervalPoolEmission");
    }

    /** {@code B = (reward_pool / epochs_in_interval) * interval_pool_emission}: divide first, then multiply. */
    public static Decimal epochRewardBudget(Decimal rewardPool, int epochsInInterval, Percent emission) {
        return rewardPool.div(Decimal.of(epochsInInterval)).times(emission);
    }

    /** {@code sat = staking_supply / k}. The scale factor is deliberately not used (reference §7.2). */
    public static Decimal stakeSaturationPoint(Decimal stakingSupply, int rewardedSetSize) {
        return stakingSupply.div(Decimal.of(rewardedSetSize));
    }

    /** {@code 1 / ((f * k) - ((f - 1) * k_r))}, mathematically {@code 1 / (f * active + standby)}. */
    public Decimal standbyNodeWork(int rewardedSetSize, int standbySetSize) {
        Decimal f = activeSetWorkFactor;
        Decimal denominator = f.times(Decimal.of(rewardedSetSize))
                .minus(f.minus(Decimal.ONE).times(Decimal.of(standbySetSize)));
        return Decimal.ONE.div(denominator);
    }

    /** {@code f * standby_work}, from the already floored standby value (so 1/240 becomes 0.00416666666666666). */
    public Decimal activeNodeWork(Decimal standbyNodeWork) {
        return activeSetWorkFactor.times(standbyNodeWork);
    }

    IntervalRewardParams withBudgetAndSaturation(Decimal budget, Decimal saturation) {
        return new IntervalRewardParams(rewardPool, stakingSupply, stakingSupplyScaleFactor, budget, saturation,
                sybilResistance, activeSetWorkFactor, intervalPoolEmission);
    }
}
