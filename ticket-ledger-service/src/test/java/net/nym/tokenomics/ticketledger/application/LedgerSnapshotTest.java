package net.nym.tokenomics.ticketledger.application;

import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LogLines;
import net.nym.tokenomics.eventlog.testing.SnapshotRows;
import net.nym.tokenomics.ticketledger.application.LedgerHistory.Service;
import net.nym.tokenomics.ticketledger.application.LedgerWriter.BatchResult;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayRegistration;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import net.nym.tokenomics.ticketledger.domain.ledger.IdempotencyRef;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots of the ledger fold against the real PostgreSQL (a schema of its own per test): a service restarted on a
 * log with a snapshot reaches the same state, digests and decisions as from the whole log; a corrupted snapshot is
 * detected (WARN) and ignored; the codec gives back every part of the fold.
 */
class LedgerSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
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
     * Four gateways; epochs 1 to 4 with two groups each and a close; serial expiry 16 days on after epoch 2 (so the
     * state has forgotten serials and keys); epoch 5 open with one group. About 50 events, a snapshot every 7.
     */
    private static Service history(LedgerHistory h) {
        Service s = h.start(EVERY);
        h.gateways(s, 4);
        for (int e = 1; e <= 4; e++) {
            h.group(s, 30);
            h.group(s, 30);
            assertThat(h.closeEpoch(s)).containsExactly((long) e);
            if (e == 2) {
                h.expireAfter(s, 16);
            }
        }
        h.group(s, 30);
        return s;
    }

    /** Everything a service's state is made of, compared as a whole. */
    private record Seen(long version, String stateDigest, LedgerState.Parts parts, String lastCloseDigest,
                        String firstDigestMismatch) {
        static Seen of(Service s) {
            LedgerView.Current c = s.view().state();
            return new Seen(c.version(), s.view().read(l -> StateDigest.of(l.canonicalView())),
                    s.view().read(LedgerState::parts), c.lastCloseDigest(), s.view().firstDigestMismatch());
        }
    }

    private static List<Long> snapshotVersions(LedgerHistory h) {
        return SnapshotRows.versions(h.dataSource, LedgerView.STREAM);
    }

    /** The digests the log's published EpochUsageClosed records carry, by epoch. */
    private static TreeMap<Long, String> publishedCloseDigests(LedgerHistory h) {
        return Transactions.inTransaction(h.dataSource, c -> {
            TreeMap<Long, String> out = new TreeMap<>();
            for (StoredEvent e : new EventStore().readStreamAfter(c, LedgerView.STREAM, 0, 100_000)) {
                if (LedgerEventCodec.decode(e) instanceof IntegrationEvents.EpochUsageClosed published) {
                    out.put(published.epochId(), published.stateDigest());
                }
            }
            return out;
        });
    }

    private List<String> lines(Level level) {
        return logged.at(level).stream().filter(m -> m.contains(LedgerView.STREAM)).toList();
    }

    @Test
    void aServiceRestartedFromASnapshotSeesTheSameStateAndDecidesAlike() {
        LedgerHistory h = new LedgerHistory("ledsnap", T0, 1);
        Seen before = Seen.of(history(h));
        assertThat(before.parts().spent()).isNotEmpty();
        assertThat(before.parts().doubleSpendAttempts()).isNotEmpty();
        assertThat(before.parts().expiredBefore()).isPresent();
        List<Long> snapshots = snapshotVersions(h);
        assertThat(snapshots).isNotEmpty().allMatch(v -> v <= before.version());
        long latest = snapshots.getLast();

        Service fromSnapshot = h.start(EVERY);
        assertThat(lines(Level.INFO)).anyMatch(l -> l.contains("snapshot at v" + latest));
        assertThat(lines(Level.WARNING)).isEmpty();
        Service whole = h.start(0);
        assertThat(Seen.of(fromSnapshot)).isEqualTo(before).isEqualTo(Seen.of(whole));

        // the next group, decided on each state, comes to the same events: fresh tickets, replays, double spends
        // and a resubmission of an earlier batch (answered from the idempotency record the snapshot carried)
        List<LongFunction<LedgerCommand.RedeemTicketBatch>> next = new ArrayList<>();
        for (GatewayIdentity g : h.gateways) {
            next.add(h.command(g, "next-" + g.base58(), h.tickets(40)));
        }
        LedgerHistory.Submitted last = h.lastSubmitted();
        next.add(h.command(last.gateway(), last.key(), last.tickets()));
        long epoch = fromSnapshot.view().state().epochClock().orElseThrow();
        List<LedgerCommand.RedeemTicketBatch> commands = next.stream().map(f -> f.apply(epoch)).toList();
        var onSnapshot = fromSnapshot.view().read(l -> TicketLedger.decideRedemptions(commands, l));
        var onWhole = whole.view().read(l -> TicketLedger.decideRedemptions(commands, l));
        assertThat(onSnapshot).isEqualTo(onWhole);
        assertThat(onSnapshot.getLast())
                .isInstanceOf(net.nym.tokenomics.ticketledger.domain.ledger.Decision.AlreadyProcessed.class);

        // written through the restarted service, then the epoch closed: a fresh whole fold agrees, and every
        // published close digest (the new one too) is the one the whole log replays
        List<BatchResult> results = fromSnapshot.writer().redeemGroup(next);
        assertThat(results.getLast()).isInstanceOf(BatchResult.Resubmitted.class);
        assertThat(h.closeEpoch(fromSnapshot)).containsExactly(5L);
        Service again = h.start(0);
        assertThat(Seen.of(again)).isEqualTo(Seen.of(fromSnapshot));
        assertThat(again.view().firstDigestMismatch()).isNull();
        assertThat(publishedCloseDigests(h)).containsOnlyKeys(1L, 2L, 3L, 4L, 5L)
                .containsEntry(5L, again.view().state().lastCloseDigest());
    }

    @Test
    void aCorruptedSnapshotIsDetectedAndIgnored() {
        LedgerHistory h = new LedgerHistory("ledsnapbad", T0, 2);
        Seen before = Seen.of(history(h));
        long latest = snapshotVersions(h).getLast();
        assertThat(SnapshotRows.corrupt(h.dataSource, LedgerView.STREAM, latest)).isEqualTo(1);
        Service restarted = h.start(EVERY);
        assertThat(lines(Level.WARNING)).singleElement().asString().contains("v" + latest);
        assertThat(lines(Level.INFO)).anyMatch(l -> l.contains("full fold of " + before.version() + " events"));
        assertThat(Seen.of(restarted)).isEqualTo(before);
    }

    /**
     * A snapshot that passes every check of the load (the log holds its last event, its digest is its bytes', it
     * decodes and encodes again) but holds a state no log gives: here one gateway less. A service starts from it; the
     * rebuild from the log folds the whole stream itself, finds the difference and writes nothing.
     */
    @Test
    void theRebuildFromTheLogRefusesAStateASnapshotGotWrong() {
        LedgerHistory h = new LedgerHistory("ledsnapwrong", T0, 4);
        Seen truth = Seen.of(history(h));
        SnapshotStore store = new SnapshotStore(h.dataSource);
        LedgerFoldCodec codec = new LedgerFoldCodec();
        SnapshotStore.Snapshot stored = store.latest(LedgerView.STREAM, LedgerFoldCodec.FORMAT, Long.MAX_VALUE)
                .orElseThrow();
        LedgerFold fold = codec.decode(stored.state());
        LedgerState.Parts p = fold.state().parts();
        TreeMap<Long, GatewayRegistration> gateways = new TreeMap<>(p.gateways());
        gateways.pollLastEntry();
        LedgerFold wrong = new LedgerFold(LedgerState.of(new LedgerState.Parts(p.spent(), p.doubleSpendAttempts(),
                p.serialsBySpendDate(), p.usageByEpoch(), p.idempotency(), p.idempotencyByDate(), gateways,
                p.nodeByIdentity(), p.lastClosedEpoch(), p.expiredBefore(), p.spendDateFloor())),
                fold.unpublishedCloseDigests(), fold.lastCloseDigest(), fold.firstDigestMismatch(), fold.version());
        byte[] bytes = codec.encode(wrong);
        store.save(new SnapshotStore.Snapshot(LedgerView.STREAM, stored.streamVersion(), stored.lastEventId(),
                LedgerFoldCodec.FORMAT, StateDigest.sha256Hex(bytes), bytes));

        Service restarted = h.start(EVERY);
        assertThat(lines(Level.WARNING)).isEmpty();
        assertThat(Seen.of(restarted).stateDigest()).isNotEqualTo(truth.stateDigest());
        int rows = indexRows(h);
        assertThatThrownBy(() -> restarted.writer().rebuildFromLog()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a snapshot is wrong");
        assertThat(indexRows(h)).isEqualTo(rows).isEqualTo(truth.parts().spent().size());
        assertThat(Seen.of(h.start(0))).isEqualTo(truth);
    }

    private static int indexRows(LedgerHistory h) {
        return Transactions.inTransaction(h.dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM redeemed_serial");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Issue 14, finding 3: the ledger remembers a batch for its idempotency key by fingerprint, day, instant and epoch,
     * never by its content: the invalid ticket strings a gateway sent are in the log only, neither in the state's
     * records nor in a snapshot; a resubmission after a restart from the snapshot is still answered with the whole
     * original judgement, read from the log.
     */
    @Test
    void aBatchIsRememberedByItsKeyNotByItsContent() {
        LedgerHistory h = new LedgerHistory("ledsnapkeys", T0, 5);
        Service s = h.start(1);
        h.gateways(s, 1);
        GatewayIdentity g = h.gateways.getFirst();
        LocalDate today = LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC);
        List<SubmittedTicket> tickets = new ArrayList<>(h.tickets(3));
        for (int i = 0; i < 20; i++) {
            tickets.add(new SubmittedTicket("hostile-marker-" + i + "-" + "z".repeat(40), "hostile-type-marker-" + i, today));
        }
        List<BatchResult> first = s.writer().redeemGroup(List.of(h.command(g, "remember-me", tickets)));
        LedgerEvent.TicketBatchRedeemed judged = ((BatchResult.Judged) first.getFirst()).event();
        assertThat(judged.counts().invalid()).isEqualTo(20);

        var record = s.view().read(l -> l.parts().idempotency().get(new IdempotencyRef(g, "remember-me")));
        assertThat(record.toString()).doesNotContain("hostile-marker").doesNotContain("hostile-type-marker");
        h.group(s, 5); // more events, so that a snapshot is taken after the batch
        SnapshotStore.Snapshot stored = new SnapshotStore(h.dataSource)
                .latest(LedgerView.STREAM, LedgerFoldCodec.FORMAT, Long.MAX_VALUE).orElseThrow();
        String snapshot = new String(stored.state(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(snapshot).contains("remember-me").doesNotContain("hostile-marker").doesNotContain("hostile-type-marker");

        Service restarted = h.start(1);
        assertThat(lines(Level.INFO)).anyMatch(l -> l.contains("snapshot at v"));
        List<BatchResult> again = restarted.writer().redeemGroup(List.of(h.command(g, "remember-me", tickets)));
        assertThat(again.getFirst()).isEqualTo(new BatchResult.Resubmitted(judged));
    }

    @Test
    void theCodecGivesBackEveryPartOfTheFold() {
        LedgerHistory h = new LedgerHistory("ledsnapcodec", T0, 3);
        history(h);
        LedgerFold whole = Transactions.inTransaction(h.dataSource, c ->
                StreamFold.foldWhole(new EventStore(), c, LedgerView.STREAM, LedgerFold.EVOLVER));
        // a close applied without its published record yet: the fold then holds an unpublished close digest
        var close = (LedgerEvent.EpochUsageClosed) ((net.nym.tokenomics.ticketledger.domain.ledger.Decision.Events)
                TicketLedger.decide(new LedgerCommand.CloseEpochsThrough(5, h.clock.instant()), whole.state())).events()
                .getFirst();
        LedgerFold.EVOLVER.appended(whole, whole.version() + 1,
                new Decision.Pending(LedgerEventCodec.encode(UUID.randomUUID(), close), close));
        assertThat(whole.unpublishedCloseDigests()).containsOnlyKeys(5L);

        LedgerFoldCodec codec = new LedgerFoldCodec();
        byte[] bytes = codec.encode(whole);
        LedgerFold decoded = codec.decode(bytes);
        assertThat(codec.encode(decoded)).isEqualTo(bytes);
        LedgerState.Parts parts = whole.state().parts();
        LedgerState.Parts back = decoded.state().parts();
        assertThat(back.spent()).isEqualTo(parts.spent());
        assertThat(back.doubleSpendAttempts()).isEqualTo(parts.doubleSpendAttempts());
        assertThat(back.serialsBySpendDate()).isEqualTo(parts.serialsBySpendDate());
        assertThat(back.usageByEpoch()).isEqualTo(parts.usageByEpoch());
        assertThat(back.idempotency()).isEqualTo(parts.idempotency());
        assertThat(back.idempotencyByDate()).isEqualTo(parts.idempotencyByDate());
        assertThat(back.gateways()).isEqualTo(parts.gateways());
        assertThat(back.nodeByIdentity()).isEqualTo(parts.nodeByIdentity());
        assertThat(back.lastClosedEpoch()).isEqualTo(parts.lastClosedEpoch()).hasValue(5);
        assertThat(back.expiredBefore()).isEqualTo(parts.expiredBefore()).isPresent();
        assertThat(back.spendDateFloor()).isEqualTo(parts.spendDateFloor()).isPresent();
        assertThat(back).isEqualTo(parts);
        assertThat(StateDigest.of(decoded.state().canonicalView())).isEqualTo(StateDigest.of(whole.state().canonicalView()));
        assertThat(decoded.version()).isEqualTo(whole.version());
        assertThat(decoded.lastCloseDigest()).isEqualTo(whole.lastCloseDigest());
        assertThat(decoded.unpublishedCloseDigests()).isEqualTo(whole.unpublishedCloseDigests());
        assertThat(decoded.firstDigestMismatch()).isEqualTo(whole.firstDigestMismatch()).isNull();
    }
}
