package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.Objects;

/**
 * The contract's {@code pending_reward_pool_change}, accumulated over an interval and applied at its end.
 *
 * @param removed the sum of every node reward of the interval
 * @param added   what flows back into the pool: always 0 in the contract; here the fee-income budget share and the
 *                gateway rounding dust (see {@link FeeDistribution})
 */
public record PoolChange(Decimal removed, Decimal added) {

    public static final PoolChange NONE = new PoolChange(Decimal.ZERO, Decimal.ZERO);

    public PoolChange {
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(added, "added");
    }

    public PoolChange plus(Decimal moreRemoved, Decimal moreAdded) {
        return new PoolChange(removed.plus(moreRemoved), added.plus(moreAdded));
    }
}
