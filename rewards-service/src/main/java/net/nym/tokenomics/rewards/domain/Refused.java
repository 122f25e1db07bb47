package net.nym.tokenomics.rewards.domain;

/**
 * Carries a rejection out of a check deep in a decision, so that checks read as a list of {@code require}s. Caught
 * only by {@link LedgerDecider#decide}; never escapes the domain.
 */
final class Refused extends RuntimeException {

    final LedgerRejection rejection;

    Refused(LedgerRejection rejection) {
        super(rejection.reason(), null, false, false);
        this.rejection = rejection;
    }
}
