package net.nym.tokenomics.rewards.domain.pricing;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.List;
import java.util.Objects;

/**
 * The paper's dynamic posted price for mixnet bandwidth (§3.3, eq. 1 and Theorem 1), exact in the contract Decimal.
 *
 * <p>With {@code L} layers of width {@code W}, the expected demand of an epoch {@code E[M]} (packets), the surplus
 * {@code τ} (uNYM per packet) and the combined cost of the epoch's selected nodes
 * <pre>
 *   C*(x) = (Σ_{i∈Mix} C_i(x) + Σ_{i∈Idl} C_i(0)) / (L·W)                              (one floored division)
 *   F(x)  = L · ((C*(⌈x/W⌉) − C*(⌈x/W⌉−1)) + (W · C*(0)) / E[M]) + τ                    (eq. 1)
 * </pre>
 * the fee of the {@code x}-th packet sold in the epoch. Multiplying by the integers {@code L} and {@code W} is exact, so
 * the only roundings are the two divisions, both down: fees never exceed the exact rational price.
 *
 * <p>Theorem 1: for linear {@code C_i}, the fees of {@code M} packets cover in expectation the selected nodes' costs
 * {@code Σ_Mix C_i(E[M]/W) + Σ_Idl C_i(0)} and leave {@code τ·E[M]}. {@link #revenue(long)} sums eq. 1 in closed form so
 * that the identity can be checked exactly for any {@code M}, and {@link #expectedCost()} is its right-hand side.
 *
 * @param layers         {@code L}, at least 1
 * @param width          {@code W}, nodes per layer, at least 1
 * @param expectedDemand {@code E[M]}, packets per epoch, at least 1
 * @param surplus        {@code τ}, uNYM per packet
 * @param mix            declared costs of the nodes routing traffic ({@code Mix})
 * @param idle           declared costs of the reserve nodes ({@code Idl})
 */
public record BandwidthPrice(int layers, int width, long expectedDemand, Decimal surplus, List<LinearCost> mix,
                             List<LinearCost> idle) {

    public BandwidthPrice {
        if (layers < 1 || width < 1 || expectedDemand < 1) {
            throw new IllegalArgumentException("layers, width and expected demand must be at least 1");
        }
        Objects.requireNonNull(surplus, "surplus");
        mix = List.copyOf(mix);
        idle = List.copyOf(idle);
    }

    /** {@code C*(x)}. */
    public Decimal combinedCost(long x) {
        Decimal sum = Decimal.ZERO;
        for (LinearCost c : mix) {
            sum = sum.plus(c.at(x));
        }
        for (LinearCost c : idle) {
            sum = sum.plus(c.fixed());
        }
        return sum.div(Decimal.of((long) layers * width));
    }

    /** {@code (W · C*(0)) / E[M]}: the fixed costs spread over the expected demand. */
    private Decimal fixedShare() {
        return combinedCost(0).times(Decimal.of(width)).div(Decimal.of(expectedDemand));
    }

    /** {@code F(x)} for the {@code x}-th packet of the epoch, {@code x ≥ 1}. */
    public Decimal fee(long x) {
        if (x < 1) {
            throw new IllegalArgumentException("packets are numbered from 1, got " + x);
        }
        long block = ceilDiv(x, width);
        Decimal marginal = combinedCost(block).minus(combinedCost(block - 1));
        return marginal.plus(fixedShare()).times(Decimal.of(layers)).plus(surplus);
    }

    /**
     * {@code Σ_{x=1}^{m} F(x)} without iterating: with {@code q = m / W} and {@code r = m mod W}, the marginal terms
     * telescope to {@code W·(C*(q) − C*(0)) + r·(C*(q+1) − C*(q))}; the rest is {@code m} times a constant. Equal,
     * digit for digit, to adding {@link #fee} over every packet (additions and integer multiples are exact).
     */
    public Decimal revenue(long m) {
        if (m < 0) {
            throw new IllegalArgumentException("demand cannot be negative, got " + m);
        }
        long q = m / width;
        long r = m % width;
        Decimal marginal = combinedCost(q).minus(combinedCost(0)).times(Decimal.of(width))
                .plus(combinedCost(q + 1).minus(combinedCost(q)).times(Decimal.of(r)));
        Decimal perPacket = fixedShare().times(Decimal.of(layers)).plus(surplus);
        return marginal.times(Decimal.of(layers)).plus(perPacket.times(Decimal.of(m)));
    }

    /** The selected nodes' costs when {@code m} packets are routed, {@code m/W} by each Mix node: {@code Σ_Mix C_i(m/W) + Σ_Idl C_i(0)}. */
    public Decimal cost(long m) {
        Decimal load = Decimal.fromRatio(m, width);
        Decimal sum = Decimal.ZERO;
        for (LinearCost c : mix) {
            sum = sum.plus(c.at(load));
        }
        for (LinearCost c : idle) {
            sum = sum.plus(c.fixed());
        }
        return sum;
    }

    /** Theorem 1's expected cost, {@code cost(E[M])}. */
    public Decimal expectedCost() {
        return cost(expectedDemand);
    }

    /** {@code τ · E[M]}: the surplus Theorem 1 promises in expectation. */
    public Decimal expectedSurplus() {
        return surplus.times(Decimal.of(expectedDemand));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
