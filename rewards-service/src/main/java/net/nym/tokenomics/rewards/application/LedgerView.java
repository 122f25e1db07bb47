package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.LedgerEvolver;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What deciding and the current-state reads need, as a fold of its {@code ledger} stream: the ledger aggregate, the
 * node registry facts (host, port, roles: carried by the published {@code NodeBonded}) and the digest published for
 * each epoch. The history (rewards per epoch and node, delegation changes) is not kept here but in PostgreSQL
 * ({@link HistoryRows}, ADR 0012). Not thread-safe: the {@link StreamFold} that holds it guards it (the epoch inputs are {@link PendingInputs}).
 */
public final class LedgerView {

    /** What a node declared when it bonded, beyond what the ledger keeps. */
    public record Registration(String host, Integer httpPort, IntegrationEvents.NodeRoles roles) {
    }

    private static final Logger LOG = Logger.getLogger(LedgerView.class);

    final MixnetLedger ledger;
    long ledgerVersion;
    final Map<Long, Registration> registry;
    final TreeMap<Long, String> publishedDigests;
    Long firstDigestMismatch;

    /** The view of an empty stream. */
    public LedgerView() {
        this(MixnetLedger.empty(), 0, new HashMap<>(), new TreeMap<>(), null);
    }

    /** A view restored from its parts (a snapshot, {@link LedgerViewCodec}); it takes ownership of them. */
    LedgerView(MixnetLedger ledger, long ledgerVersion, Map<Long, Registration> registry,
               TreeMap<Long, String> publishedDigests, Long firstDigestMismatch) {
        this.ledger = ledger;
        this.ledgerVersion = ledgerVersion;
        this.registry = registry;
        this.publishedDigests = publishedDigests;
        this.firstDigestMismatch = firstDigestMismatch;
    }

    /** The first epoch whose published digest the fold did not reproduce, or null (only when folded with verification). */
    public Long firstDigestMismatch() {
        return firstDigestMismatch;
    }

    public MixnetLedger ledger() {
        return ledger;
    }

    public long ledgerVersion() {
        return ledgerVersion;
    }

    public Map<Long, Registration> registry() {
        return java.util.Collections.unmodifiableMap(registry);
    }

    /** The digest published in {@code EpochRewarded} for each epoch. */
    public java.util.SortedMap<Long, String> publishedDigests() {
        return java.util.Collections.unmodifiableSortedMap(publishedDigests);
    }

    /** The digest of the current state, computed as for {@code EpochRewarded}. */
    public String currentDigest() {
        return digest();
    }

    /**
     * How the {@code ledger} stream folds into a view. Events read from the log are decoded and, for each published
     * {@code EpochRewarded}, the digest is recomputed and compared ({@link #firstDigestMismatch}, logged once); events
     * this process appended are applied as decoded, without the check (their digest was just computed from this state).
     *
     * @param empty the state an empty stream folds to ({@code LedgerView::new}; benchmarks: a ledger set up in memory)
     */
    static StreamFold.Evolver<LedgerView> evolver(LedgerEventCodec codec, Supplier<LedgerView> empty) {
        return StreamFold.evolver(empty, (view, event) -> {
            Long before = view.firstDigestMismatch;
            view.applyLedger(event.streamVersion(), codec.decode(event), true);
            if (before == null && view.firstDigestMismatch != null) {
                LOG.errorf("replay of the rewards log does not reproduce the state digest published for epoch %d",
                        view.firstDigestMismatch);
            }
        }, (view, version, pending) -> view.applyLedger(version, pending.decoded(), false));
    }

    /**
     * Applies one event of the ledger stream (domain or integration); with {@code verifyDigest}, a published
     * {@code EpochRewarded} whose digest this state does not reproduce is remembered in {@link #firstDigestMismatch}.
     */
    void applyLedger(long version, Object event, boolean verifyDigest) {
        ledgerVersion = version;
        switch (event) {
            case LedgerEvent e -> LedgerEvolver.evolve(ledger, e);
            case IntegrationEvents.NodeBonded b -> registry.put(b.nodeId(), new Registration(b.host(), b.httpPort(), b.roles()));
            case IntegrationEvents.EpochRewarded r -> {
                if (verifyDigest && firstDigestMismatch == null && !digest().equals(r.stateDigest())) {
                    firstDigestMismatch = r.epochId();
                }
                publishedDigests.put(r.epochId(), r.stateDigest());
            }
            default -> {
                // StakeSnapshotTaken, IntervalRolledOver, NodeUnbonded (integration): published facts derived from the ledger.
            }
        }
    }

    static Decimal saturation(NodeRecord node, Decimal saturationPoint) {
        return node.rewarding().bondSaturation(saturationPoint);
    }

    /** The digest of the current state, as published in {@code EpochRewarded}. */
    String digest() {
        return EpochRewarding.stateDigest(ledger);
    }
}
