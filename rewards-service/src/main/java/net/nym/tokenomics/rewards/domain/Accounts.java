package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.Transfer;
import net.nym.tokenomics.rewards.domain.LedgerEvent.TokensTransferred;

import static net.nym.tokenomics.rewards.domain.LedgerChecks.require;

/** Account actions on liquid balances (issue 15): transfers. */
final class Accounts {

    private Accounts() {
    }

    /** Immediate: from one balance to another; the sender's balance must cover it. */
    static Decision transfer(Transfer c, MixnetLedger ledger) {
        String from = LedgerChecks.account("from", c.from());
        String to = LedgerChecks.account("to", c.to());
        require(!from.equals(to), new LedgerRejection.InvalidParameters("to", "a transfer to the sending account itself"));
        Unym amount = LedgerChecks.amount("amount", c.amount());
        LedgerChecks.covers(ledger, "amount", from, amount);
        return Decision.accept(new TokensTransferred(c.now(), from, to, amount));
    }
}
