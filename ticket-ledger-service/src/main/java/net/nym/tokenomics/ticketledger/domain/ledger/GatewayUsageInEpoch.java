package net.nym.tokenomics.ticketledger.domain.ledger;

/** Read view row: a gateway's running usage in one open epoch (closed epochs are in the usage read model). */
public record GatewayUsageInEpoch(long epoch, GatewayEpochUsage usage) {
}
