package net.nym.tokenomics.selection.domain.selection;

/**
 * {@code RewardedSetParams} (reference A.6): how many nodes to draw for each role. Entry, exit and mixnodes are
 * positive and mixnodes is a multiple of 3 (one third per layer), as the contract validates.
 */
public record RewardedSetSizes(int entryGateways, int exitGateways, int mixnodes, int standby) {

    public RewardedSetSizes {
        if (entryGateways <= 0) {
            throw new IllegalArgumentException("entry_gateways must be > 0, got " + entryGateways);
        }
        if (exitGateways <= 0) {
            throw new IllegalArgumentException("exit_gateways must be > 0, got " + exitGateways);
        }
        if (mixnodes <= 0 || mixnodes % 3 != 0) {
            throw new IllegalArgumentException("mixnodes must be a positive multiple of 3, got " + mixnodes);
        }
        if (standby < 0) {
            throw new IllegalArgumentException("standby must be >= 0, got " + standby);
        }
    }

    public int active() {
        return entryGateways + exitGateways + mixnodes;
    }

    public int rewarded() {
        return active() + standby;
    }
}
