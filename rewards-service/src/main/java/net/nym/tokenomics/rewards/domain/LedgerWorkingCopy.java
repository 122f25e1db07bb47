package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A copy-on-write overlay over a ledger that {@code decide} evolves while it builds a multi-step decision. It costs
 * what the decision touches, not the size of the ledger; the ledger underneath is only read.
 */
final class LedgerWorkingCopy implements LedgerStore {

    private final MixnetLedger base;
    private LedgerGlobals globals;
    // An entry mapped to Optional.empty() was removed in this copy.
    private final Map<Long, Optional<NodeRecord>> nodes = new HashMap<>();
    private final Map<DelegationKey, Optional<Delegation>> delegations = new HashMap<>();
    private final Map<String, Unym> balances = new HashMap<>();

    LedgerWorkingCopy(MixnetLedger base) {
        this.base = base;
        this.globals = base.globals();
    }

    @Override
    public LedgerGlobals globals() {
        return globals;
    }

    @Override
    public void setGlobals(LedgerGlobals value) {
        globals = value;
    }

    @Override
    public Optional<NodeRecord> node(long nodeId) {
        Optional<NodeRecord> changed = nodes.get(nodeId);
        return changed != null ? changed : base.node(nodeId);
    }

    @Override
    public void putNode(NodeRecord node) {
        nodes.put(node.nodeId(), Optional.of(node));
    }

    @Override
    public void removeNode(long nodeId) {
        nodes.put(nodeId, Optional.empty());
    }

    @Override
    public Unym balance(String account) {
        Unym changed = balances.get(account);
        return changed != null ? changed : base.balance(account);
    }

    @Override
    public void putBalance(String account, Unym amount) {
        balances.put(account, amount);
    }

    @Override
    public Optional<Delegation> delegation(DelegationKey key) {
        Optional<Delegation> changed = delegations.get(key);
        return changed != null ? changed : base.delegation(key.nodeId(), key.owner());
    }

    @Override
    public void putDelegation(Delegation delegation) {
        delegations.put(delegation.key(), Optional.of(delegation));
    }

    @Override
    public void removeDelegation(DelegationKey key) {
        delegations.put(key, Optional.empty());
    }

    // The queues are consumed in the base ledger's order by the decision itself and are not read back from the copy.

    @Override
    public void putPendingEpochEvent(PendingEpochEvent event) {
    }

    @Override
    public void removePendingEpochEvent(long id) {
    }

    @Override
    public void putPendingIntervalEvent(PendingIntervalEvent event) {
    }

    @Override
    public void removePendingIntervalEvent(long id) {
    }
}
