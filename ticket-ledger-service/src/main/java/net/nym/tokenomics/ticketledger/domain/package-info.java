/**
 * The ticket ledger's pure domain. Purity contract: no clock, randomness, I/O, configuration lookups or framework
 * types; time, the current epoch and the configuration arrive in each command. Only {@code java.*} and
 * {@code net.nym.tokenomics.eventlog.*} are imported; ArchitectureTest enforces it.
 *
 * <ul>
 *   <li>{@code ticket}: ticket values and wire-level rules (types, serials, Nym's digest, signed bytes; Base58 itself is event-log's).</li>
 *   <li>{@code ledger}: commands, events, state, {@code TicketLedger.decide/evolve}, read views.</li>
 * </ul>
 */
package net.nym.tokenomics.ticketledger.domain;
