package net.nym.tokenomics.selection.domain.selection;

/** A nym-node id: an unsigned 32-bit integer in the contract, held in a long so the full u32 range fits. */
public record NodeId(long value) implements Comparable<NodeId> {

    public static final long MAX = 0xFFFF_FFFFL;

    public NodeId {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("node_id must be a u32, got " + value);
        }
    }

    public static NodeId of(long value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
