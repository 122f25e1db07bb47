package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LogLines;
import net.nym.tokenomics.eventlog.testing.SnapshotRows;
import net.nym.tokenomics.rewards.domain.Decision;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of the rewards folds (the ledger view and the pending epoch inputs) against the real PostgreSQL, a schema of
 * its own per test: a service restarted on a log with snapshots reaches the same ledger, digests and inputs as from the
 * whole log and rewards the next epoch alike; a corrupted snapshot is detected (WARN) and ignored; the codecs give
 * back every part of their fold. The audit's whole fold ({@link LedgerService#fold}) never reads a snapshot.
 */
class RewardsSnapshotTest {

    private static final long EVERY = 7;

    private final LogLines logged = new LogLines(StreamFold.class);

    @BeforeEach
    void record() {
        logged.start();
    }

    @AfterEach
    void stopRecording() {
        logged.stop();
    }

    /**
     * Ten nodes with delegations, epochs 0 to 5 closed (an interval rolls over after epoch 3), then, in epoch 6, two
     * delegations queued and its four inputs recorded but not closed on. A snapshot of each stream every 7 events.
     */
    private static LedgerService history(RewardsHistory h) {
        LedgerService s = h.start(EVERY);
        h.genesis(s, 10);
        for (int d = 0; d < 12; d++) {
            h.delegate(s, "delegator" + d, h.nodes.get(d % h.nodes.size()), 5_000_000_000L + 1_000L * d);
        }
        for (int e = 0; e <= 5; e++) {
            h.closeEpoch(s);
        }
        h.delegate(s, "delegator-late", h.nodes.get(1), 7_000_000_000L);
        h.delegate(s, "delegator0", h.nodes.get(3), 3_000_000_000L);
        h.recordInputs(s, 6);
        return s;
    }

    /** Everything a restarted service's folds are made of that a decision or a read can see. */
    private record Seen(long version, SortedMap<String, String> ledger, String digest, SortedMap<Long, String> published,
                        Map<Long, LedgerView.Registration> registry, Long firstDigestMismatch, EpochInputs openInputs,
                        EpochInputs nextInputs) {
        static Seen of(LedgerService s) {
            long open = s.read(v -> v.ledger().globals().currentEpoch());
            return s.read(v -> new Seen(v.ledgerVersion(), v.ledger().canonicalView(), v.currentDigest(),
                    new TreeMap<>(v.publishedDigests()), new TreeMap<>(v.registry()), v.firstDigestMismatch(),
                    s.inputsOf(open), s.inputsOf(open + 1)));
        }
    }

    private static List<Long> snapshotVersions(RewardsHistory h, String stream) {
        return SnapshotRows.versions(h.dataSource, stream);
    }

    private List<String> lines(Level level, String stream) {
        return logged.at(level).stream().filter(m -> m.contains("stream " + stream + ":")).toList();
    }

    /** The close of the open epoch as the service would decide it on this view: the same command, the same events. */
    private static Decision nextClose(LedgerService s) {
        return s.read(v -> {
            long epoch = v.ledger().globals().currentEpoch();
            return LedgerDecider.decide(EpochRewarding.closeCommand(v.ledger(), epoch, s.inputsOf(epoch)), v.ledger());
        });
    }

    @Test
    void aServiceRestartedFromSnapshotsSeesTheSameLedgerAndRewardsTheNextEpochAlike() {
        RewardsHistory h = new RewardsHistory("rwsnap");
        Seen before = Seen.of(history(h));
        assertThat(before.published()).containsOnlyKeys(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(before.openInputs().ended()).isNotNull();
        long ledgerSnapshot = snapshotVersions(h, LedgerLog.LEDGER).getLast();
        long inputsSnapshot = snapshotVersions(h, LedgerLog.INPUTS).getLast();
        assertThat(ledgerSnapshot).isGreaterThan(0).isLessThanOrEqualTo(before.version());

        LedgerService fromSnapshot = h.start(EVERY);
        assertThat(lines(Level.INFO, LedgerLog.LEDGER)).anyMatch(l -> l.contains("snapshot at v" + ledgerSnapshot));
        assertThat(lines(Level.INFO, LedgerLog.INPUTS)).anyMatch(l -> l.contains("snapshot at v" + inputsSnapshot));
        assertThat(logged.at(Level.WARNING)).isEmpty();
        LedgerService whole = h.start(0);
        assertThat(Seen.of(fromSnapshot)).isEqualTo(before).isEqualTo(Seen.of(whole));

        // epoch 6's close, decided alike on both; then done by the restarted service, with epoch 7's
        h.recordInputs(fromSnapshot, 7);
        whole.catchUp();
        Decision onSnapshot = nextClose(fromSnapshot);
        assertThat(onSnapshot).isInstanceOf(Decision.Accepted.class).isEqualTo(nextClose(whole));
        assertThat(((Decision.Accepted) onSnapshot).events().getFirst()).isInstanceOf(LedgerEvent.EpochRewarded.class);
        assertThat(fromSnapshot.closeReadyEpochs()).isEqualTo(2);

        // the audit's fold of the whole log re-checks every published digest, the new ones too
        LedgerView audited = LedgerService.fold(h.dataSource);
        assertThat(audited.firstDigestMismatch()).isNull();
        assertThat(audited.publishedDigests()).containsOnlyKeys(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        Seen after = Seen.of(fromSnapshot);
        assertThat(audited.currentDigest()).isEqualTo(after.digest());
        assertThat(audited.publishedDigests()).isEqualTo(after.published());
        assertThat(audited.ledger().canonicalView()).isEqualTo(after.ledger());
        assertThat(Seen.of(h.start(0))).isEqualTo(after);
    }

    @Test
    void aCorruptedSnapshotIsDetectedAndIgnored() {
        RewardsHistory h = new RewardsHistory("rwsnapbad");
        Seen before = Seen.of(history(h));
        long latest = snapshotVersions(h, LedgerLog.LEDGER).getLast();
        assertThat(SnapshotRows.corrupt(h.dataSource, LedgerLog.LEDGER, latest)).isEqualTo(1);
        LedgerService restarted = h.start(EVERY);
        assertThat(lines(Level.WARNING, LedgerLog.LEDGER)).singleElement().asString().contains("v" + latest);
        assertThat(lines(Level.INFO, LedgerLog.LEDGER)).anyMatch(l -> l.contains("full fold of " + before.version()));
        assertThat(Seen.of(restarted)).isEqualTo(before);
        assertThat(restarted.read(LedgerView::firstDigestMismatch)).isNull();
    }

    @Test
    void theCodecsGiveBackEveryPartOfTheirFold() {
        RewardsHistory h = new RewardsHistory("rwsnapcodec");
        history(h);
        LedgerView whole = LedgerService.fold(h.dataSource);
        assertThat(whole.ledger().pendingEpochEvents()).isNotEmpty();
        LedgerViewCodec codec = new LedgerViewCodec();
        byte[] bytes = codec.encode(whole);
        LedgerView decoded = codec.decode(bytes);
        assertThat(codec.encode(decoded)).isEqualTo(bytes);
        MixnetLedger a = whole.ledger();
        MixnetLedger b = decoded.ledger();
        assertThat(b.globals()).isEqualTo(a.globals());
        assertThat(b.nodes()).isEqualTo(a.nodes());
        assertThat(b.delegations()).isEqualTo(a.delegations());
        assertThat(b.pendingEpochEvents()).isEqualTo(a.pendingEpochEvents());
        assertThat(b.pendingIntervalEvents()).isEqualTo(a.pendingIntervalEvents());
        for (NodeRecord node : a.nodes().values()) {
            assertThat(b.bondedNodeOf(node.bond().owner())).isEqualTo(a.bondedNodeOf(node.bond().owner()));
        }
        assertThat(b.canonicalView()).isEqualTo(a.canonicalView());
        assertThat(decoded.currentDigest()).isEqualTo(whole.currentDigest());
        assertThat(decoded.ledgerVersion()).isEqualTo(whole.ledgerVersion());
        assertThat(decoded.registry()).isEqualTo(whole.registry()).hasSize(10);
        assertThat(decoded.publishedDigests()).isEqualTo(whole.publishedDigests()).hasSize(6);
        assertThat(decoded.firstDigestMismatch()).isEqualTo(whole.firstDigestMismatch()).isNull();

        PendingInputs inputs = Transactions.inTransaction(h.dataSource, c -> StreamFold.foldWhole(new EventStore(), c,
                LedgerLog.INPUTS, PendingInputs.evolver(new LedgerEventCodec(), () -> 6L)));
        assertThat(inputs.byEpoch()).containsOnlyKeys(6L);
        PendingInputsCodec inputsCodec = new PendingInputsCodec();
        byte[] inputBytes = inputsCodec.encode(inputs);
        PendingInputs back = inputsCodec.decode(inputBytes);
        assertThat(inputsCodec.encode(back)).isEqualTo(inputBytes);
        assertThat(back.byEpoch()).isEqualTo(inputs.byEpoch());
    }
}
