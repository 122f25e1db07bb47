package net.nym.tokenomics.ticketledger.domain.ledger;

/** Nym node ids are u32; kept as long so they sort and serialise as plain numbers. */
final class NodeIds {

    private static final long U32_MAX = 0xFFFF_FFFFL;

    private NodeIds() {
    }

    static long requireU32(long nodeId) {
        if (nodeId < 0 || nodeId > U32_MAX) {
            throw new IllegalArgumentException("node id must be a u32, got " + nodeId);
        }
        return nodeId;
    }
}
