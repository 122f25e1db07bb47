/**
 * ed25519 keys and signatures for gateway-signed ticket batches. Kept outside {@code domain} because it goes through
 * the JCA provider machinery; the domain defines what is signed
 * ({@link net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload}) and trusts a command whose signature
 * the application layer checked here.
 */
package net.nym.tokenomics.ticketledger.signing;
