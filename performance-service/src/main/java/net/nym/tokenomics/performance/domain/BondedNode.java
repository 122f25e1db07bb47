package net.nym.tokenomics.performance.domain;

import java.util.Objects;

/** A bonded nym-node as the node registry reports it: its id and its ed25519 identity key (bs58). */
public record BondedNode(long nodeId, String identity) {
    public BondedNode {
        NodeIds.requireValid(nodeId);
        Objects.requireNonNull(identity, "identity");
    }
}
