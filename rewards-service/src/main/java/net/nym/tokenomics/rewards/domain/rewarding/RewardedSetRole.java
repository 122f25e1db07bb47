package net.nym.tokenomics.rewards.domain.rewarding;

/** A node's role in an epoch's rewarded set. Every role but {@link #STANDBY} does active work. */
public enum RewardedSetRole {
    ENTRY_GATEWAY,
    EXIT_GATEWAY,
    LAYER1,
    LAYER2,
    LAYER3,
    STANDBY;

    public boolean isActive() {
        return this != STANDBY;
    }
}
