package net.nym.tokenomics.ticketledger.domain.ledger;

/** How a batch's tickets fared; the four outcomes add up to {@code submitted}. */
public record BatchCounts(int submitted, int accepted, int replayed, int doubleSpends, int invalid) {
}
