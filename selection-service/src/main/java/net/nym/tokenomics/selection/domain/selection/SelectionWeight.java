package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

/**
 * Selection weight as nym-api computes it (reference A.3): {@code saturation x performance^20}, all in the contract
 * Decimal, so every multiply floors and the power is the contract's flooring square-and-multiply.
 *
 * @param saturation        {@code min(1, (operator + delegates) / stake_saturation_point)}
 * @param performance       the node's performance as a Percent
 * @param performancePow20  {@code performance^20} by {@link Decimal#pow}; never overflows because performance is at most 1
 * @param weight            {@code saturation x performancePow20} (floored)
 */
public record SelectionWeight(Decimal saturation, Percent performance, Decimal performancePow20, Decimal weight) {

    public static final int PERFORMANCE_EXPONENT = 20;

    /**
     * {@code bond_saturation}: stake over the saturation point, capped at 1. A zero saturation point is a
     * {@link net.nym.tokenomics.eventlog.decimal.DecimalArithmeticException} (the contract never allows it).
     */
    public static Decimal saturation(Decimal totalStake, Decimal stakeSaturationPoint) {
        return Decimal.ONE.min(totalStake.div(stakeSaturationPoint));
    }

    public static SelectionWeight of(Decimal saturation, Percent performance) {
        Decimal pow = performance.value().pow(PERFORMANCE_EXPONENT);
        return new SelectionWeight(saturation, performance, pow, saturation.times(pow));
    }

    public static SelectionWeight of(Decimal operator, Decimal delegates, Decimal stakeSaturationPoint, Percent performance) {
        return of(saturation(operator.plus(delegates), stakeSaturationPoint), performance);
    }

    /** nym-api's f64 weight: {@code atomics / 1e18}. Only the sampler's key uses it (see {@link WeightedSampler}). */
    public double toDouble() {
        return weight.toDouble();
    }
}
