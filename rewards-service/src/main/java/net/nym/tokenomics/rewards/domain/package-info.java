/**
 * The rewards-service domain: the Nym mixnet contract's reward accounting as pure decide/evolve code.
 *
 * <p>Purity contract: nothing in this package (or below it) reads a clock, draws randomness, does I/O, looks up
 * configuration or depends on a framework. Time, ids and the acting account come in with each
 * {@link net.nym.tokenomics.rewards.domain.LedgerCommand}; {@link net.nym.tokenomics.rewards.domain.LedgerDecider}
 * answers with events or a typed rejection; {@link net.nym.tokenomics.rewards.domain.LedgerEvolver} applies events
 * and never recomputes a formula. Imports are limited to {@code java.*} and the event-log decimal types (enforced
 * by {@code ArchitectureTest}).
 *
 * <p>{@code rewarding} holds the formulas over plain values; this package holds the ledger aggregate that applies
 * them with the contract's timing.
 */
package net.nym.tokenomics.rewards.domain;
