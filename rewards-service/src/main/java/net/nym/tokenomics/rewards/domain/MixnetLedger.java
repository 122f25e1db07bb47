package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The rewards-service aggregate: the whole of the mixnet contract's reward accounting in one state, because closing an
 * epoch touches every rewarded node atomically.
 *
 * <p><b>Ownership.</b> This is an explicitly owned, mutable structure: {@link LedgerEvolver#evolve} changes the ledger
 * it is given and returns it. Whoever holds a ledger owns it; to keep a version while evolving another, take a
 * {@link #copy()} first. Persistent immutable maps were the alternative and are too slow and too large at a million
 * delegations; the records inside (nodes, delegations, pending events, globals) are all immutable, so a copy shares
 * them and costs one pass over the maps. {@code decide} never mutates a ledger.
 *
 * <p><b>Tokens.</b> A funded ledger (issue 15) also holds every account's liquid balance; {@link Supply} in the
 * globals keeps the running totals of where every token is.
 *
 * <p><b>Scale.</b> Maps are sorted by node id / (node id, owner) / event id, so every iteration has a defined order.
 * Delegations are only read or written when their owner acts (or their node unbonds with nobody left): closing an
 * epoch touches the rewarded nodes and the queued events, never the delegation map as a whole.
 */
public final class MixnetLedger {

    private LedgerGlobals globals;
    private final TreeMap<Long, NodeRecord> nodes;
    private final TreeMap<DelegationKey, Delegation> delegations;
    private final TreeMap<Long, PendingEpochEvent> pendingEpochEvents;
    private final TreeMap<Long, PendingIntervalEvent> pendingIntervalEvents;
    // liquid balances of a funded ledger (issue 15), ascending account; an account at zero has no entry
    private final TreeMap<String, Unym> balances;
    // Derived lookups for "one bond per owner / identity"; rebuilt by putNode, never iterated for a result.
    private final Map<String, Long> bondedNodeByOwner;
    private final Map<String, Long> bondedNodeByIdentity;
    // Derived: the nodes each account delegates to, ascending; kept by putDelegation / removeDelegation, so that an
    // account's delegations are read without a scan of every delegation.
    private final Map<String, TreeSet<Long>> delegatedNodesByOwner;
    private final LedgerStore store = new OwnStore();

    private MixnetLedger(LedgerGlobals globals, TreeMap<Long, NodeRecord> nodes, TreeMap<DelegationKey, Delegation> delegations,
                         TreeMap<Long, PendingEpochEvent> pendingEpochEvents, TreeMap<Long, PendingIntervalEvent> pendingIntervalEvents,
                         TreeMap<String, Unym> balances, Map<String, Long> bondedNodeByOwner, Map<String, Long> bondedNodeByIdentity,
                         Map<String, TreeSet<Long>> delegatedNodesByOwner) {
        this.globals = globals;
        this.nodes = nodes;
        this.delegations = delegations;
        this.pendingEpochEvents = pendingEpochEvents;
        this.pendingIntervalEvents = pendingIntervalEvents;
        this.balances = balances;
        this.bondedNodeByOwner = bondedNodeByOwner;
        this.bondedNodeByIdentity = bondedNodeByIdentity;
        this.delegatedNodesByOwner = delegatedNodesByOwner;
    }

    /** The state before {@link LedgerEvent.LedgerInitialized}. */
    public static MixnetLedger empty() {
        return new MixnetLedger(null, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
    }

    /**
     * A ledger holding exactly these parts (those a snapshot stores, ADR 0011); the owner and identity lookups are
     * derived again from the nodes, as {@link LedgerStore#putNode} derives them. Nothing is shared with the arguments.
     */
    public static MixnetLedger of(LedgerGlobals globals, SortedMap<Long, NodeRecord> nodes,
                                  SortedMap<DelegationKey, Delegation> delegations,
                                  SortedMap<Long, PendingEpochEvent> pendingEpochEvents,
                                  SortedMap<Long, PendingIntervalEvent> pendingIntervalEvents,
                                  SortedMap<String, Unym> balances) {
        MixnetLedger ledger = new MixnetLedger(globals, new TreeMap<>(), new TreeMap<>(delegations),
                new TreeMap<>(pendingEpochEvents), new TreeMap<>(pendingIntervalEvents), new TreeMap<>(balances),
                new HashMap<>(), new HashMap<>(), new HashMap<>());
        nodes.values().forEach(ledger.store::putNode);
        delegations.values().forEach(d ->
                ledger.delegatedNodesByOwner.computeIfAbsent(d.owner(), o -> new TreeSet<>()).add(d.nodeId()));
        return ledger;
    }

    /** An independent ledger with the same content; evolving either leaves the other unchanged. */
    public MixnetLedger copy() {
        return new MixnetLedger(globals, new TreeMap<>(nodes), new TreeMap<>(delegations), new TreeMap<>(pendingEpochEvents),
                new TreeMap<>(pendingIntervalEvents), new TreeMap<>(balances), new HashMap<>(bondedNodeByOwner),
                new HashMap<>(bondedNodeByIdentity), copyOf(delegatedNodesByOwner));
    }

    private static Map<String, TreeSet<Long>> copyOf(Map<String, TreeSet<Long>> index) {
        Map<String, TreeSet<Long>> out = new HashMap<>(index.size() * 2);
        index.forEach((owner, nodes) -> out.put(owner, new TreeSet<>(nodes)));
        return out;
    }

    public boolean isInitialized() {
        return globals != null;
    }

    /** @throws IllegalStateException before initialization */
    public LedgerGlobals globals() {
        if (globals == null) {
            throw new IllegalStateException("ledger not initialized");
        }
        return globals;
    }

    public Optional<NodeRecord> node(long nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /** Read-only view, ascending node id. */
    public SortedMap<Long, NodeRecord> nodes() {
        return Collections.unmodifiableSortedMap(nodes);
    }

    public Optional<Delegation> delegation(long nodeId, String owner) {
        return Optional.ofNullable(delegations.get(new DelegationKey(nodeId, owner)));
    }

    /** Read-only view of one node's delegations, ascending owner (a range of the map, not a scan). */
    public SortedMap<DelegationKey, Delegation> delegationsOf(long nodeId) {
        NavigableMap<DelegationKey, Delegation> range =
                delegations.subMap(new DelegationKey(nodeId, ""), true, new DelegationKey(nodeId + 1, ""), false);
        return Collections.unmodifiableSortedMap(range);
    }

    /** The delegations {@code owner} holds, ascending node id (from an index by owner, not a scan). */
    public List<Delegation> delegationsOwnedBy(String owner) {
        TreeSet<Long> nodeIds = delegatedNodesByOwner.get(owner);
        if (nodeIds == null) {
            return List.of();
        }
        List<Delegation> out = new ArrayList<>(nodeIds.size());
        for (long nodeId : nodeIds) {
            out.add(delegations.get(new DelegationKey(nodeId, owner)));
        }
        return out;
    }

    /** Read-only view of all delegations, ascending (node id, owner). */
    public SortedMap<DelegationKey, Delegation> delegations() {
        return Collections.unmodifiableSortedMap(delegations);
    }

    public SortedMap<Long, PendingEpochEvent> pendingEpochEvents() {
        return Collections.unmodifiableSortedMap(pendingEpochEvents);
    }

    public SortedMap<Long, PendingIntervalEvent> pendingIntervalEvents() {
        return Collections.unmodifiableSortedMap(pendingIntervalEvents);
    }

    /** An account's liquid balance (zero for an account that holds nothing). */
    public Unym balance(String account) {
        return balances.getOrDefault(account, Unym.ZERO);
    }

    /** Read-only view of every non-zero balance, ascending account. */
    public SortedMap<String, Unym> balances() {
        return Collections.unmodifiableSortedMap(balances);
    }

    /** The node an account has bonded (bonded or unbonding), if any. */
    public Optional<Long> bondedNodeOf(String owner) {
        return Optional.ofNullable(bondedNodeByOwner.get(owner));
    }

    Optional<Long> bondedNodeWithIdentity(String identityKey) {
        return Optional.ofNullable(bondedNodeByIdentity.get(identityKey));
    }

    LedgerStore store() {
        return store;
    }

    /**
     * Every balance and setting as sorted, stable {@code key -> value} strings, for digests and equality checks.
     * Keys sort the same as the order {@link #forEachCanonicalEntry} emits them in. See {@link LedgerCanonicalForm}.
     */
    public SortedMap<String, String> canonicalView() {
        TreeMap<String, String> view = new TreeMap<>();
        forEachCanonicalEntry(view::put);
        return view;
    }

    /**
     * Streams {@link #canonicalView()} in ascending key order without building it, for hashing large ledgers
     * (one pass over every node and delegation).
     */
    public void forEachCanonicalEntry(BiConsumer<String, String> sink) {
        LedgerCanonicalForm.write(this, sink);
    }

    /**
     * {@link #forEachCanonicalEntry} without the {@code delegation/} entries: O(nodes + pending events), for the
     * per-epoch state digest of a ledger with millions of delegations.
     */
    public void forEachCanonicalEntryWithoutDelegations(BiConsumer<String, String> sink) {
        LedgerCanonicalForm.write(this, sink, false);
    }

    private final class OwnStore implements LedgerStore {

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
            return Optional.ofNullable(nodes.get(nodeId));
        }

        @Override
        public void putNode(NodeRecord node) {
            NodeRecord previous = nodes.put(node.nodeId(), node);
            if (previous != null) {
                unindex(previous);
            }
            if (node.bond().holdsPledge()) {
                bondedNodeByOwner.put(node.bond().owner(), node.nodeId());
                bondedNodeByIdentity.put(identityOf(node.bond()), node.nodeId());
            }
        }

        @Override
        public void removeNode(long nodeId) {
            NodeRecord previous = nodes.remove(nodeId);
            if (previous != null) {
                unindex(previous);
            }
        }

        private void unindex(NodeRecord node) {
            if (node.bond().holdsPledge()) {
                bondedNodeByOwner.remove(node.bond().owner(), node.nodeId());
                bondedNodeByIdentity.remove(identityOf(node.bond()), node.nodeId());
            }
        }

        private static String identityOf(NodeBond bond) {
            return switch (bond) {
                case NodeBond.Bonded b -> b.identityKey();
                case NodeBond.Unbonding u -> u.identityKey();
                case NodeBond.Unbonded u -> "";
            };
        }

        @Override
        public Unym balance(String account) {
            return balances.getOrDefault(account, Unym.ZERO);
        }

        @Override
        public void putBalance(String account, Unym amount) {
            if (amount.isZero()) {
                balances.remove(account);
            } else {
                balances.put(account, amount);
            }
        }

        @Override
        public Optional<Delegation> delegation(DelegationKey key) {
            return Optional.ofNullable(delegations.get(key));
        }

        @Override
        public void putDelegation(Delegation delegation) {
            delegations.put(delegation.key(), delegation);
            delegatedNodesByOwner.computeIfAbsent(delegation.owner(), o -> new TreeSet<>()).add(delegation.nodeId());
        }

        @Override
        public void removeDelegation(DelegationKey key) {
            if (delegations.remove(key) != null) {
                TreeSet<Long> nodeIds = delegatedNodesByOwner.get(key.owner());
                nodeIds.remove(key.nodeId());
                if (nodeIds.isEmpty()) {
                    delegatedNodesByOwner.remove(key.owner());
                }
            }
        }

        @Override
        public void putPendingEpochEvent(PendingEpochEvent event) {
            pendingEpochEvents.put(event.id(), event);
        }

        @Override
        public void removePendingEpochEvent(long id) {
            pendingEpochEvents.remove(id);
        }

        @Override
        public void putPendingIntervalEvent(PendingIntervalEvent event) {
            pendingIntervalEvents.put(event.id(), event);
        }

        @Override
        public void removePendingIntervalEvent(long id) {
            pendingIntervalEvents.remove(id);
        }
    }
}
