package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

/** What the ledger knows of a gateway node from the registry: its identity key and whether it is bonded. */
public record GatewayRegistration(long nodeId, GatewayIdentity identity, boolean bonded) {
}
