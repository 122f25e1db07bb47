package net.nym.tokenomics.performance.domain.rewardedset;

/**
 * A node's role in an epoch's rewarded set, in the chain's order (EntryGateway=0, Layer1..3, ExitGateway=4,
 * Standby=128). {@link #displayName()} is nym-api's {@code DisplayRole} (camelCase), the value of an annotation's
 * {@code current_role}.
 */
public enum RewardedRole {
    ENTRY_GATEWAY("entryGateway"),
    LAYER1("layer1"),
    LAYER2("layer2"),
    LAYER3("layer3"),
    EXIT_GATEWAY("exitGateway"),
    STANDBY("standby");

    private final String displayName;

    RewardedRole(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
