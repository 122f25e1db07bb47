package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.time.Instant;

/** A later gateway that presented an already-redeemed serial (the first one is in the {@link SpentTicket}). */
public record DoubleSpendAttempt(long gatewayNodeId, GatewayIdentity gateway, long epoch, Instant at, String batchId) {
}
