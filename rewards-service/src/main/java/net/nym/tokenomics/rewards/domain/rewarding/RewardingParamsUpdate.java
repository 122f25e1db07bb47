package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Optional;

/**
 * Admin change of rewarding parameters ({@code IntervalRewardingParamsUpdate}); a {@code null} field is left
 * unchanged. {@link #feeIncome} is this project's extension.
 */
public record RewardingParamsUpdate(
        Decimal rewardPool,
        Decimal stakingSupply,
        Percent stakingSupplyScaleFactor,
        Percent sybilResistance,
        Decimal activeSetWorkFactor,
        Percent intervalPoolEmission,
        RewardedSetParams rewardedSet,
        FeeIncomeParams feeIncome) {

    public static RewardingParamsUpdate none() {
        return new RewardingParamsUpdate(null, null, null, null, null, null, null, null);
    }

    public RewardingParamsUpdate withRewardPool(Decimal value) {
        return new RewardingParamsUpdate(value, stakingSupply, stakingSupplyScaleFactor, sybilResistance,
                activeSetWorkFactor, intervalPoolEmission, rewardedSet, feeIncome);
    }

    public RewardingParamsUpdate withStakingSupply(Decimal value) {
        return new RewardingParamsUpdate(rewardPool, value, stakingSupplyScaleFactor, sybilResistance,
                activeSetWorkFactor, intervalPoolEmission, rewardedSet, feeIncome);
    }

    public RewardingParamsUpdate withIntervalPoolEmission(Percent value) {
        return new RewardingParamsUpdate(rewardPool, stakingSupply, stakingSupplyScaleFactor, sybilResistance,
                activeSetWorkFactor, value, rewardedSet, feeIncome);
    }

    public RewardingParamsUpdate withActiveSetWorkFactor(Decimal value) {
        return new RewardingParamsUpdate(rewardPool, stakingSupply, stakingSupplyScaleFactor, sybilResistance,
                value, intervalPoolEmission, rewardedSet, feeIncome);
    }

    public RewardingParamsUpdate withRewardedSet(RewardedSetParams value) {
        return new RewardingParamsUpdate(rewardPool, stakingSupply, stakingSupplyScaleFactor, sybilResistance,
                activeSetWorkFactor, intervalPoolEmission, value, feeIncome);
    }

    public RewardingParamsUpdate withFeeIncome(FeeIncomeParams value) {
        return new RewardingParamsUpdate(rewardPool, stakingSupply, stakingSupplyScaleFactor, sybilResistance,
                activeSetWorkFactor, intervalPoolEmission, rewardedSet, value);
    }

    public boolean isEmpty() {
        return rewardPool == null && stakingSupply == null && stakingSupplyScaleFactor == null && sybilResistance == null
                && activeSetWorkFactor == null && intervalPoolEmission == null && rewardedSet == null && feeIncome == null;
    }

    /** Why this update cannot be applied to {@code current}, or empty. */
    public Optional<String> problem(RewardingParams current) {
        if (isEmpty()) {
            return Optional.of("the update changes nothing");
        }
        if (rewardedSet != null && rewardedSet.problem().isPresent()) {
            return rewardedSet.problem();
        }
        return RewardingParams.valueProblem(
                stakingSupply != null ? stakingSupply : current.interval().stakingSupply(),
                activeSetWorkFactor != null ? activeSetWorkFactor : current.interval().activeSetWorkFactor());
    }
}
