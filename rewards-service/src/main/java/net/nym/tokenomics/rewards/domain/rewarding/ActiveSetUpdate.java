package net.nym.tokenomics.rewards.domain.rewarding;

import java.util.Optional;

/**
 * Admin change of the active roles ({@code UpdateActiveSet}); the rewarded set size {@code k} is kept, so
 * {@code standby = k - active} and the saturation point does not move.
 */
public record ActiveSetUpdate(int entryGateways, int exitGateways, int mixnodes) {

    public int activeSetSize() {
        return entryGateways + exitGateways + mixnodes;
    }

    /**
     * The contract checks non-empty roles and {@code active <= k}. The layer rule ({@code mixnodes % 3 == 0}) is
     * checked here as well, deliberately, so that the resulting {@link RewardedSetParams} stays valid.
     */
    public Optional<String> problem(RewardedSetParams current) {
        if (entryGateways <= 0 || exitGateways <= 0 || mixnodes <= 0) {
            return Optional.of("entry gateways, exit gateways and mixnodes must all be > 0");
        }
        if ((long) entryGateways + exitGateways + mixnodes > RewardedSetParams.MAX_SET_SIZE) {
            return Optional.of("the active set may have at most " + RewardedSetParams.MAX_SET_SIZE + " nodes");
        }
        if (mixnodes % 3 != 0) {
            return Optional.of("mixnodes must be a multiple of 3 (one third per layer), got " + mixnodes);
        }
        if (activeSetSize() > current.rewardedSetSize()) {
            return Optional.of("active set size " + activeSetSize() + " exceeds the rewarded set size "
                    + current.rewardedSetSize());
        }
        return Optional.empty();
    }

    public RewardedSetParams applyTo(RewardedSetParams current) {
        return new RewardedSetParams(entryGateways, exitGateways, mixnodes, current.rewardedSetSize() - activeSetSize());
    }
}
