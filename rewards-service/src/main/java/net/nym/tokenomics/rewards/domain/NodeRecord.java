package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;

import java.util.Objects;

/** One node: its lifecycle stage and its rewarding record. */
public record NodeRecord(long nodeId, NodeBond bond, NodeRewarding rewarding) {

    public NodeRecord {
        Objects.requireNonNull(bond, "bond");
        Objects.requireNonNull(rewarding, "rewarding");
    }

    public NodeRecord withBond(NodeBond value) {
        return new NodeRecord(nodeId, value, rewarding);
    }

    public NodeRecord withRewarding(NodeRewarding value) {
        return new NodeRecord(nodeId, bond, value);
    }
}
