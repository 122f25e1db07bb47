/**
 * Pure domain of selection-service: the epoch clock ({@code clock}) and verifiable rewarded-set selection
 * ({@code selection}).
 *
 * <p>Purity contract: classes here import only {@code java.*} and {@code net.nym.tokenomics.eventlog.*}. They read no
 * clock, draw no OS randomness, do no I/O and look up no configuration: time, seeds and ids arrive with the command.
 * SHA-256 ({@link java.security.MessageDigest}) is used as pure computation. {@code ArchitectureTest} enforces this.
 */
package net.nym.tokenomics.selection.domain;
