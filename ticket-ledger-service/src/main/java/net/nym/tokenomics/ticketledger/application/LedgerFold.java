package net.nym.tokenomics.ticketledger.application;

import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import org.jboss.logging.Logger;

import java.util.TreeMap;

/**
 * A fold of the ledger stream: the state, how far it got, and the close-digest chain, recomputed at each close and
 * checked against the {@code EpochUsageClosed} record published with it (a rebuild reports the first mismatch). Only
 * the closes whose record has not been folded yet keep their digest here (the record follows its close in the same
 * decision); the published digests of closed epochs are served from the usage read model.
 * Only {@link #EVOLVER} changes it, under {@link StreamFold}'s write lock.
 */
public final class LedgerFold {

    private static final Logger LOG = Logger.getLogger(LedgerFold.class);

    /** Events read from the log are decoded here; events the writer appended are applied as it decided them. */
    static final StreamFold.Evolver<LedgerFold> EVOLVER = StreamFold.evolver(LedgerFold::new,
            (fold, stored) -> {
                if (stored.streamVersion() != fold.version + 1) {
                    throw new IllegalStateException("ledger stream gap: at version " + fold.version + ", got " + stored.describe());
                }
                fold.apply(stored.streamVersion(), LedgerEventCodec.decode(stored), stored);
            },
            (fold, version, pending) -> fold.apply(version, pending.decoded(), null));

    private final LedgerState state;
    private final TreeMap<Long, String> unpublishedCloseDigests;
    private String lastCloseDigest;
    private String firstDigestMismatch;
    private long version;

    private LedgerFold() {
        this(LedgerState.empty(), new TreeMap<>(), CloseDigests.GENESIS, null, 0);
    }

    /** A fold restored from its parts (a snapshot, {@link LedgerFoldCodec}); it takes ownership of them. */
    LedgerFold(LedgerState state, TreeMap<Long, String> unpublishedCloseDigests, String lastCloseDigest,
               String firstDigestMismatch, long version) {
        this.state = state;
        this.unpublishedCloseDigests = unpublishedCloseDigests;
        this.lastCloseDigest = lastCloseDigest;
        this.firstDigestMismatch = firstDigestMismatch;
        this.version = version;
    }

    private void apply(long streamVersion, Object event, StoredEvent stored) {
        switch (event) {
            case LedgerEvent.EpochUsageClosed closed -> {
                TicketLedger.evolve(state, closed);
                lastCloseDigest = CloseDigests.next(lastCloseDigest, closed, state.indexedSerials());
                unpublishedCloseDigests.put(closed.epoch(), lastCloseDigest);
            }
            case LedgerEvent e -> TicketLedger.evolve(state, e);
            case IntegrationEvents.EpochUsageClosed published -> {
                String expected = unpublishedCloseDigests.remove(published.epochId());
                if (!published.stateDigest().equals(expected) && firstDigestMismatch == null) {
                    firstDigestMismatch = "epoch " + published.epochId() + ": published " + published.stateDigest()
                            + ", replay gives " + expected + " ("
                            + (stored == null ? "version " + streamVersion : stored.describe()) + ")";
                    LOG.errorf("ticket ledger replay: state digest mismatch at %s", firstDigestMismatch);
                }
            }
            default -> {
                // Other integration records are never appended to this stream; decoding already refused unknown types.
            }
        }
        version = streamVersion;
    }

    public LedgerState state() {
        return state;
    }

    public long version() {
        return version;
    }

    /** The digest chain after the last close folded. */
    public String lastCloseDigest() {
        return lastCloseDigest;
    }

    /** The first close whose published digest differs from the replayed one, or null. */
    public String firstDigestMismatch() {
        return firstDigestMismatch;
    }

    /** The replayed digests of closes whose {@code EpochUsageClosed} record is not folded yet, by epoch (a copy). */
    TreeMap<Long, String> unpublishedCloseDigests() {
        return new TreeMap<>(unpublishedCloseDigests);
    }
}
