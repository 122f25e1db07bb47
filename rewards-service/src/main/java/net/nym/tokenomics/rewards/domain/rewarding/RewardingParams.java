package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Objects;
import java.util.Optional;

/**
 * Global rewarding parameters: the contract's {@code RewardingParams} ({@code interval} + {@code rewarded_set}),
 * plus {@code epochs_in_interval} (kept in the contract's {@code Interval}; here in one place so that every formula
 * that needs it reads the same value) and the fee-income switch.
 *
 * <p>When the derived values {@code B} and {@code sat} are recomputed, exactly as the contract does:
 * <ul>
 *   <li>{@link #initial}: both;</li>
 *   <li>{@link #withUpdates} (admin {@code UpdateRewardingParams}, {@code try_apply_updates}): {@code B} if the pool or
 *       the emission changed, {@code sat} if the staking supply or the rewarded set changed;</li>
 *   <li>{@link #withEpochsInInterval} (interval config change): {@code B} only;</li>
 *   <li>{@link #rolledOver} (interval end, after that interval's events were applied): both;</li>
 *   <li>{@link #withActiveSet}: neither ({@code k} is unchanged).</li>
 * </ul>
 */
public record RewardingParams(
        IntervalRewardParams interval,
        RewardedSetParams rewardedSet,
        int epochsInInterval,
        FeeIncomeParams feeIncome) {

    public RewardingParams {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(rewardedSet, "rewardedSet");
        Objects.requireNonNull(feeIncome, "feeIncome");
        if (epochsInInterval <= 0) {
            throw new IllegalArgumentException("epochs_in_interval must be > 0, got " + epochsInInterval);
        }
    }

    /** {@code InitialRewardingParams::into_rewarding_params}: derive {@code B} and {@code sat} from the inputs. */
    public static RewardingParams initial(
            Decimal rewardPool,
            Decimal stakingSupply,
            Percent stakingSupplyScaleFactor,
            Percent sybilResistance,
            Decimal activeSetWorkFactor,
            Percent intervalPoolEmission,
            RewardedSetParams rewardedSet,
            int epochsInInterval,
            FeeIncomeParams feeIncome) {
        IntervalRewardParams interval = new IntervalRewardParams(
                rewardPool,
                stakingSupply,
                stakingSupplyScaleFactor,
                IntervalRewardParams.epochRewardBudget(rewardPool, epochsInInterval, intervalPoolEmission),
                IntervalRewardParams.stakeSaturationPoint(stakingSupply, rewardedSet.rewardedSetSize()),
                sybilResistance,
                activeSetWorkFactor,
                intervalPoolEmission);
        return new RewardingParams(interval, rewardedSet, epochsInInterval, feeIncome);
    }

    /** The CLI defaults of Nym's instantiate-message generator (reference §1), fee income off. */
    public static RewardingParams defaults() {
        return initial(
                Decimal.of(244_817_525_850_285L),
                Decimal.of(100_000_000_000_000L),
                Percent.fromPercentageValue(50),
                Percent.fromPercentageValue(30),
                Decimal.of(10),
                Percent.fromPercentageValue(2),
                new RewardedSetParams(50, 70, 120, 0),
                720,
                FeeIncomeParams.DISABLED);
    }

    /** What would make these parameters unusable: the rule, or empty. */
    public Optional<String> problem() {
        Optional<String> setProblem = rewardedSet.problem();
        if (setProblem.isPresent()) {
            return setProblem;
        }
        return valueProblem(interval.stakingSupply(), interval.activeSetWorkFactor());
    }

    static Optional<String> valueProblem(Decimal stakingSupply, Decimal activeSetWorkFactor) {
        if (stakingSupply.isZero()) {
            // sat = supply / k would be 0 and every saturation a division by zero.
            return Optional.of("staking supply must be > 0");
        }
        if (activeSetWorkFactor.compareTo(Decimal.ONE) < 0) {
            // (f - 1) in the standby work formula is a subtraction below zero for f < 1.
            return Optional.of("active set work factor must be >= 1, got " + activeSetWorkFactor);
        }
        return Optional.empty();
    }

    public int rewardedSetSize() {
        return rewardedSet.rewardedSetSize();
    }

    /** The epoch reward budget {@code B}. */
    public Decimal epochRewardBudget() {
        return interval.epochRewardBudget();
    }

    public Decimal stakeSaturationPoint() {
        return interval.stakeSaturationPoint();
    }

    /** Work factors for a rewarded set that matches these parameters. */
    public WorkFactors workFactors() {
        return WorkFactors.forConfiguredSet(this);
    }

    /** {@code try_apply_updates}. The update must have been checked with {@link RewardingParamsUpdate#problem}. */
    public RewardingParams withUpdates(RewardingParamsUpdate update) {
        IntervalRewardParams p = interval;
        boolean recomputeBudget = update.rewardPool() != null || update.intervalPoolEmission() != null;
        boolean recomputeSaturation = update.stakingSupply() != null || update.rewardedSet() != null;
        RewardedSetParams set = update.rewardedSet() != null ? update.rewardedSet() : rewardedSet;
        Decimal pool = update.rewardPool() != null ? update.rewardPool() : p.rewardPool();
        Decimal supply = update.stakingSupply() != null ? update.stakingSupply() : p.stakingSupply();
        Percent emission = update.intervalPoolEmission() != null ? update.intervalPoolEmission() : p.intervalPoolEmission();
        IntervalRewardParams updated = new IntervalRewardParams(
                pool,
                supply,
                update.stakingSupplyScaleFactor() != null ? update.stakingSupplyScaleFactor() : p.stakingSupplyScaleFactor(),
                recomputeBudget ? IntervalRewardParams.epochRewardBudget(pool, epochsInInterval, emission) : p.epochRewardBudget(),
                recomputeSaturation ? IntervalRewardParams.stakeSaturationPoint(supply, set.rewardedSetSize()) : p.stakeSaturationPoint(),
                update.sybilResistance() != null ? update.sybilResistance() : p.sybilResistance(),
                update.activeSetWorkFactor() != null ? update.activeSetWorkFactor() : p.activeSetWorkFactor(),
                emission);
        FeeIncomeParams fees = update.feeIncome() != null ? update.feeIncome() : feeIncome;
        return new RewardingParams(updated, set, epochsInInterval, fees);
    }

    /** {@code apply_epochs_in_interval_change}: {@code B} only, with the new epoch count. */
    public RewardingParams withEpochsInInterval(int newEpochsInInterval) {
        if (newEpochsInInterval <= 0) {
            throw new IllegalArgumentException("epochs_in_interval must be > 0, got " + newEpochsInInterval);
        }
        Decimal budget = IntervalRewardParams.epochRewardBudget(
                interval.rewardPool(), newEpochsInInterval, interval.intervalPoolEmission());
        return new RewardingParams(interval.withBudgetAndSaturation(budget, interval.stakeSaturationPoint()),
                rewardedSet, newEpochsInInterval, feeIncome);
    }

    /** {@code try_change_active_set}: {@code k} is unchanged, so {@code sat} is unchanged. */
    public RewardingParams withActiveSet(ActiveSetUpdate update) {
        return new RewardingParams(interval, update.applyTo(rewardedSet), epochsInInterval, feeIncome);
    }

    /**
     * {@code apply_reward_pool_changes} at interval end, on parameters that the interval's events may already have
     * changed: {@code pool = pool - removed + added}, {@code supply = supply + scale * removed}, then {@code B} and
     * {@code sat} recomputed with the (possibly new) {@code epochs_in_interval} and {@code k}. The addition is done
     * before the subtraction so that a fee-funded interval cannot dip below zero on the way; the result is the
     * contract's whenever the contract's own order does not fail.
     */
    public RewardingParams rolledOver(PoolChange change) {
        Decimal pool = interval.rewardPool().plus(change.added()).minus(change.removed());
        Decimal supply = interval.stakingSupply().plus(interval.stakingSupplyScaleFactor().value().times(change.removed()));
        IntervalRewardParams updated = new IntervalRewardParams(
                pool,
                supply,
                interval.stakingSupplyScaleFactor(),
                IntervalRewardParams.epochRewardBudget(pool, epochsInInterval, interval.intervalPoolEmission()),
                IntervalRewardParams.stakeSaturationPoint(supply, rewardedSet.rewardedSetSize()),
                interval.sybilResistance(),
                interval.activeSetWorkFactor(),
                interval.intervalPoolEmission());
        return new RewardingParams(updated, rewardedSet, epochsInInterval, feeIncome);
    }
}
