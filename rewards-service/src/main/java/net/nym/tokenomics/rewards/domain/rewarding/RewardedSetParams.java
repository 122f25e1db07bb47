package net.nym.tokenomics.rewards.domain.rewarding;

import java.util.Optional;

/**
 * Configured role counts of the rewarded set ({@code RewardedSetParams}). The record accepts any non-negative counts
 * so that a logged event always folds; {@link #problem()} is the contract's {@code ensure_valid}, checked in decide.
 */
public record RewardedSetParams(int entryGateways, int exitGateways, int mixnodes, int standby) {

    /**
     * The most nodes of one role (and of the whole rewarded set) a configuration may name. Far above any real network
     * (Nym's is 240), and low enough that no sum of counts overflows an int in the roll-over arithmetic.
     */
    public static final int MAX_SET_SIZE = 1_000_000;

    public RewardedSetParams {
        if (entryGateways < 0 || exitGateways < 0 || mixnodes < 0 || standby < 0) {
            throw new IllegalArgumentException("role counts cannot be negative");
        }
    }

    public int activeSetSize() {
        return entryGateways + exitGateways + mixnodes;
    }

    /** {@code k}: the configured rewarded set size, used for saturation and the sybil term. */
    public int rewardedSetSize() {
        return activeSetSize() + standby;
    }

    /** Entry, exit and mixnodes must be positive and mixnodes must split evenly into 3 layers. */
    public Optional<String> problem() {
        if ((long) entryGateways + exitGateways + mixnodes + standby > MAX_SET_SIZE) {
            return Optional.of("the rewarded set may have at most " + MAX_SET_SIZE + " nodes");
        }
        if (entryGateways == 0 || exitGateways == 0 || mixnodes == 0) {
            return Optional.of("entry gateways, exit gateways and mixnodes must all be > 0");
        }
        if (mixnodes % 3 != 0) {
            return Optional.of("mixnodes must be a multiple of 3 (one third per layer), got " + mixnodes);
        }
        return Optional.empty();
    }
}
