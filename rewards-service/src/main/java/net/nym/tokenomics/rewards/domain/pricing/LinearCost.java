package net.nym.tokenomics.rewards.domain.pricing;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.Objects;

/**
 * A node's declared linear cost per epoch, {@code C(x) = fixed + perPacket * x}, in uNYM for {@code x} routed packets
 * (paper §3.1, Remark 1). Nym's declared cost is flat ({@code interval_operating_cost / epochs_in_interval}, so
 * {@code perPacket = 0}); the slope is there for scenarios that model traffic-dependent costs.
 */
public record LinearCost(Decimal fixed, Decimal perPacket) {

    public LinearCost {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(perPacket, "perPacket");
    }

    public static LinearCost flat(Decimal fixed) {
        return new LinearCost(fixed, Decimal.ZERO);
    }

    /** {@code C(x)}; the product of a Decimal and an integer is exact. */
    public Decimal at(long packets) {
        return fixed.plus(perPacket.times(Decimal.of(packets)));
    }

    /** {@code C(x)} for a fractional load such as {@code E[M]/W} (one floored product). */
    public Decimal at(Decimal packets) {
        return fixed.plus(perPacket.times(packets));
    }
}
