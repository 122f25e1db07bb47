package net.nym.tokenomics.simulator.network;

/** A delegator's stake on one node (by the node's index in the generated network). */
public record SimDelegation(String delegator, int nodeIndex, long amountUnym) {
}
