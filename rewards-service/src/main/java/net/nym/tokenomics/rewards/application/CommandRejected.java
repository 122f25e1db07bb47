package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.rewards.domain.LedgerRejection;

/** A command the ledger refused: nothing was recorded. */
public final class CommandRejected extends RuntimeException {

    private final transient LedgerRejection rejection;

    public CommandRejected(LedgerRejection rejection) {
        super(rejection.field() + ": " + rejection.reason(), null, false, false);
        this.rejection = rejection;
    }

    public LedgerRejection rejection() {
        return rejection;
    }
}
