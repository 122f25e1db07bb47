package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;

import java.time.Instant;
import java.time.LocalDate;

/** The double-spend index entry: who redeemed a serial first, in which epoch and batch, and when. */
public record SpentTicket(long gatewayNodeId, GatewayIdentity gateway, long epoch, TicketType type,
                          LocalDate spendDate, Instant firstSeenAt, String batchId) {
}
