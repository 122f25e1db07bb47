package net.nym.tokenomics.performance.domain;

/** Node ids are the contract's u32; held in a {@code long} so the whole range fits. */
public final class NodeIds {

    public static final long MAX = 0xFFFF_FFFFL;

    private NodeIds() {
    }

    public static long requireValid(long nodeId) {
        if (nodeId < 0 || nodeId > MAX) {
            throw new IllegalArgumentException("node_id must be a u32 (0.." + MAX + "), got " + nodeId);
        }
        return nodeId;
    }
}
