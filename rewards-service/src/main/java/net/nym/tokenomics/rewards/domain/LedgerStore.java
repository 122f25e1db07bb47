package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.util.Optional;

/**
 * The mutations {@link LedgerEvolver} applies. Implemented by the ledger itself and by {@link LedgerWorkingCopy},
 * so that a decision that spans many steps (closing an epoch) computes each step on exactly the state the previous
 * step's event leaves behind, using the same evolve code that later folds the log.
 */
interface LedgerStore {

    LedgerGlobals globals();

    void setGlobals(LedgerGlobals globals);

    Optional<NodeRecord> node(long nodeId);

    void putNode(NodeRecord node);

    void removeNode(long nodeId);

    /** An account's liquid balance, zero when it holds nothing. */
    Unym balance(String account);

    /** Sets an account's liquid balance; zero removes its entry. */
    void putBalance(String account, Unym amount);

    Optional<Delegation> delegation(DelegationKey key);

    void putDelegation(Delegation delegation);

    void removeDelegation(DelegationKey key);

    void putPendingEpochEvent(PendingEpochEvent event);

    void removePendingEpochEvent(long id);

    void putPendingIntervalEvent(PendingIntervalEvent event);

    void removePendingIntervalEvent(long id);
}
