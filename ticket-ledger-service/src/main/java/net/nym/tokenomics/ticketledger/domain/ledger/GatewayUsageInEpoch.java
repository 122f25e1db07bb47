package net.nym.tokenomics.ticketledger.domain.ledger;

/** Read view row: a gateway's usage in one epoch, and whether that epoch is closed (final). */
public record GatewayUsageInEpoch(long epoch, boolean closed, GatewayEpochUsage usage) {
}
