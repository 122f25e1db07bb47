package net.nym.tokenomics.simulator.network;

/**
 * One synthetic node: who runs it, what it declares, what it pledges, how it behaves.
 *
 * @param index         position in the generated network (0-based); the rewards-service assigns the real node id
 * @param operator      owning account address (one per node, as the contract requires; an operator running several
 *                      nodes has accounts {@code <operator>-0}, {@code -1}, ...)
 * @param identitySeed  32-byte ed25519 seed of the node's identity key (deterministic from the network seed)
 * @param host          loopback address its self-described API listens on
 * @param mixnode       declares the mixnode role
 * @param entry         declares the entry-gateway role
 * @param exit          declares the exit-gateway role (also entry-capable)
 * @param pledgeUnym    pledge in uNYM
 * @param profitMarginPercent profit margin, whole percent
 * @param operatingCostUnym   interval operating cost in uNYM
 * @param version       the nym-node version it runs
 * @param acceptedTerms accepted the operator T&amp;C
 * @param reachable     answers its self-described API at all
 * @param reliabilityMean mean reliability (0-100) the monitor observes
 */
public record SimNode(int index, String operator, byte[] identitySeed, String host, boolean mixnode, boolean entry,
                      boolean exit, long pledgeUnym, int profitMarginPercent, long operatingCostUnym, String version,
                      boolean acceptedTerms, boolean reachable, int reliabilityMean) {

    public boolean isGateway() {
        return entry || exit;
    }
}
