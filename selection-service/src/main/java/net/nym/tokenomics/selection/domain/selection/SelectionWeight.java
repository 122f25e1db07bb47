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
        long p = atomicsAtMostOne(performance.value());
        long s = atomicsAtMostOne(saturation);
        if (p < 0 || s < 0) {
            Decimal pow = performance.value().pow(PERFORMANCE_EXPONENT);
            return new SelectionWeight(saturation, performance, pow, saturation.times(pow));
        }
        long pow = powAtMostOne(p, PERFORMANCE_EXPONENT);
        return new SelectionWeight(saturation, performance, atomics(pow), atomics(timesAtMostOne(s, pow)));
    }

    // Every candidate's weight is a power and a product of values in [0, 1]. Their atomics fit a long, so the same
    // flooring arithmetic as Decimal.pow/times is done in longs here: the same results (SelectionWeightTest compares
    // them) at a fraction of BigInteger's cost, which matters at 100,000 candidates per epoch.

    private static final long SCALE = 1_000_000_000_000_000_000L;
    private static final long HALF_SCALE = 1_000_000_000L;

    /** The atomics of {@code d} when {@code d <= 1}, else -1. */
    private static long atomicsAtMostOne(Decimal d) {
        return d.atomics().bitLength() < 63 && d.atomics().longValue() <= SCALE ? d.atomics().longValue() : -1;
    }

    private static Decimal atomics(long a) {
        return Decimal.ofAtomics(java.math.BigInteger.valueOf(a));
    }

    /** {@code floor(a * b / 10^18)} for {@code 0 <= a, b <= 10^18}, exact. */
    static long timesAtMostOne(long a, long b) {
        // a = a1·1e9 + a0, b = b1·1e9 + b0: a·b/1e18 = a1·b1 + (a1·b0 + a0·b1)/1e9 + a0·b0/1e18; no term overflows
        long a1 = a / HALF_SCALE;
        long a0 = a % HALF_SCALE;
        long b1 = b / HALF_SCALE;
        long b0 = b % HALF_SCALE;
        long middle = a1 * b0 + a0 * b1; // <= 2·1e18
        long m1 = middle / HALF_SCALE;
        long m0 = middle % HALF_SCALE;
        return a1 * b1 + m1 + (m0 * HALF_SCALE + a0 * b0) / SCALE;
    }

    /** {@link Decimal#pow}'s square-and-multiply, with {@link #timesAtMostOne} as its flooring product. */
    static long powAtMostOne(long x, int exponent) {
        if (exponent == 0) {
            return SCALE;
        }
        long y = SCALE;
        int n = exponent;
        while (n > 1) {
            if (n % 2 == 0) {
                x = timesAtMostOne(x, x);
                n = n / 2;
            } else {
                y = timesAtMostOne(x, y);
                x = timesAtMostOne(x, x);
                n = (n - 1) / 2;
            }
        }
        return timesAtMostOne(x, y);
    }

    public static SelectionWeight of(Decimal operator, Decimal delegates, Decimal stakeSaturationPoint, Percent performance) {
        return of(saturation(operator.plus(delegates), stakeSaturationPoint), performance);
    }

    /** nym-api's f64 weight: {@code atomics / 1e18}. Only the sampler's key uses it (see {@link WeightedSampler}). */
    public double toDouble() {
        return weight.toDouble();
    }
}
