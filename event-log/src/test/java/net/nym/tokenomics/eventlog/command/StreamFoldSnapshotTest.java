package net.nym.tokenomics.eventlog.command;

import com.fasterxml.jackson.core.type.TypeReference;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.LogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of a {@link StreamFold} against the real PostgreSQL: a fold from a snapshot and the events after it is the
 * whole fold; a snapshot the log or its digest contradicts is ignored with a WARN and the whole stream is folded;
 * snapshots are taken every N events, in their own transaction, and the older ones pruned.
 */
class StreamFoldSnapshotTest {

    private static final String STREAM = "accounts";
    private static final EventCodec CODEC = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    /** Balances, how many events made them, and how many this fold decoded from the log (not part of a snapshot). */
    static final class Balances {
        TreeMap<String, Decimal> byAccount = new TreeMap<>();
        long events;
        int decodedFromLog;

        void apply(Deposited d) {
            byAccount.merge(d.account(), d.amount(), Decimal::plus);
            events++;
        }
    }

    /** What a snapshot of {@link Balances} holds (the count of decoded events is this fold's, not the state's). */
    record BalancesSnapshot(TreeMap<String, Decimal> byAccount, long events) {
    }

    private static final StreamFold.Evolver<Balances> EVOLVER = StreamFold.evolver(Balances::new,
            (s, e) -> {
                s.decodedFromLog++;
                s.apply(CODEC.decode(e, Deposited.class));
            },
            (s, version, p) -> s.apply((Deposited) p.decoded()));

    /** A deterministic codec: canonical JSON (sorted keys, decimals as strings). */
    static final class BalancesCodec implements SnapshotCodec<Balances> {
        private final String format;
        private final boolean lossy;

        BalancesCodec(String format, boolean lossy) {
            this.format = format;
            this.lossy = lossy;
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public byte[] encode(Balances state) {
            return Json.writeBytes(new BalancesSnapshot(state.byAccount, state.events));
        }

        @Override
        public Balances decode(byte[] bytes) {
            try {
                BalancesSnapshot s = Json.read(bytes, BalancesSnapshot.class);
                Balances b = new Balances();
                b.byAccount = new TreeMap<>(s.byAccount());
                // a lossy codec forgets one account
                if (lossy && !b.byAccount.isEmpty()) {
                    b.byAccount.pollFirstEntry();
                }
                b.events = s.events();
                return b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final SnapshotCodec<Balances> BALANCES = new BalancesCodec("balances/1", false);

    /** The WARN and INFO lines of StreamFold. */
    private final LogLines logged = new LogLines(StreamFold.class);

    private final EventStore store = new EventStore();

    @BeforeEach
    void record() {
        logged.start();
    }

    @AfterEach
    void stopRecording() {
        logged.stop();
    }

    private List<String> lines(Level level) {
        return logged.at(level);
    }

    private StreamFold<Balances> fold(DataSource ds, SnapshotCodec<Balances> codec, long every) {
        return new StreamFold<>(store, STREAM, EVOLVER).withSnapshots(new SnapshotStore(ds, 2), codec, every);
    }

    private CommandHandler<Balances> handler(DataSource ds, StreamFold<Balances> fold) {
        return new CommandHandler<>("test", ds, store, fold, ConcurrencyPolicy.optimistic(3));
    }

    /** {@code n} deposits, into accounts a0..a6 in turn, through a handler on {@code fold}. */
    private static void deposit(CommandHandler<Balances> h, int n, int from) {
        for (int i = from; i < from + n; i++) {
            Deposited d = new Deposited("a" + (i % 7), Decimal.parse(i + ".25"));
            h.execute(STREAM, s -> Decision.accept(List.of(new Decision.Pending(CODEC.encode(UUID.randomUUID(), d), d)), null));
        }
    }

    private Balances whole(DataSource ds) {
        return Transactions.inTransaction(ds, c -> StreamFold.foldWhole(store, c, STREAM, EVOLVER));
    }

    private static Balances caughtUp(DataSource ds, StreamFold<Balances> fold) {
        Transactions.inTransaction(ds, c -> {
            fold.catchUp(c);
            return null;
        });
        return fold.state();
    }

    private static List<Long> snapshotVersions(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT stream_version FROM snapshot ORDER BY stream_version");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    private static void sql(DataSource ds, String statement) {
        Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            }
        });
    }

    private static String digest(Balances b) {
        return StateDigest.of(new BalancesSnapshot(b.byAccount, b.events));
    }

    /** A log of 23 events written by a fold snapshotting every 5: snapshots at 5, 10, 15, 20; the latest 2 kept. */
    private DataSource logWithSnapshots() {
        DataSource ds = LocalInfra.freshSchema("snap");
        deposit(handler(ds, fold(ds, BALANCES, 5)), 23, 0);
        assertThat(snapshotVersions(ds)).containsExactly(15L, 20L);
        return ds;
    }

    @Test
    void snapshotsAreTakenEveryNEventsAndTheOlderOnesPruned() {
        DataSource ds = LocalInfra.freshSchema("snap");
        CommandHandler<Balances> h = handler(ds, fold(ds, BALANCES, 5));
        deposit(h, 4, 0);
        assertThat(snapshotVersions(ds)).isEmpty();
        // the 5th event is appended after the catch-up that precedes it: the next catch-up takes the snapshot
        deposit(h, 2, 4);
        assertThat(snapshotVersions(ds)).containsExactly(5L);
        deposit(h, 17, 6);
        assertThat(snapshotVersions(ds)).containsExactly(15L, 20L);
        Balances snapshotted = BALANCES.decode(new SnapshotStore(ds).latest(STREAM, BALANCES.format(), 20).orElseThrow().state());
        assertThat(snapshotted.events).isEqualTo(20);
    }

    @Test
    void aFoldStartedFromASnapshotAndTheEventsAfterItIsTheWholeFold() {
        DataSource ds = logWithSnapshots();
        StreamFold<Balances> restarted = fold(ds, BALANCES, 5);
        Balances fromSnapshot = caughtUp(ds, restarted);
        Balances whole = whole(ds);
        assertThat(fromSnapshot.decodedFromLog).isEqualTo(3);
        assertThat(whole.decodedFromLog).isEqualTo(23);
        assertThat(fromSnapshot.byAccount).isEqualTo(whole.byAccount);
        assertThat(fromSnapshot.events).isEqualTo(23);
        assertThat(digest(fromSnapshot)).isEqualTo(digest(whole));
        assertThat(restarted.version()).isEqualTo(23);
        assertThat(lines(Level.INFO)).anyMatch(l -> l.startsWith("stream accounts: snapshot at v20 + 3 events folded in "));
        assertThat(lines(Level.WARNING)).isEmpty();
        // and it goes on: commands decide on it, and it is still the whole fold
        deposit(handler(ds, restarted), 4, 23);
        assertThat(digest(restarted.state())).isEqualTo(digest(whole(ds)));
    }

    @Test
    void aFullStartUpFoldTakesASnapshotAtOnce() {
        DataSource ds = LocalInfra.freshSchema("snap");
        deposit(handler(ds, new StreamFold<>(store, STREAM, EVOLVER)), 12, 0);
        assertThat(snapshotVersions(ds)).isEmpty();
        caughtUp(ds, fold(ds, BALANCES, 5));
        assertThat(snapshotVersions(ds)).containsExactly(12L);
        assertThat(lines(Level.INFO)).anyMatch(l -> l.startsWith("stream accounts: full fold of 12 events in "));
    }

    @Test
    void everyZeroNeitherLoadsNorTakesSnapshots() {
        DataSource ds = logWithSnapshots();
        StreamFold<Balances> off = fold(ds, BALANCES, 0);
        assertThat(caughtUp(ds, off).decodedFromLog).isEqualTo(23);
        deposit(handler(ds, off), 10, 23);
        assertThat(snapshotVersions(ds)).containsExactly(15L, 20L);
    }

    @Test
    void aSnapshotWithCorruptedBytesIsIgnored() {
        assertIgnored("UPDATE snapshot SET state = set_byte(state, 3, get_byte(state, 3) # 255) WHERE stream_version = 20",
                "its bytes do not match its digest");
    }

    @Test
    void aSnapshotWhoseDigestDoesNotMatchIsIgnored() {
        assertIgnored("UPDATE snapshot SET digest = repeat('0', 64) WHERE stream_version = 20",
                "its bytes do not match its digest");
    }

    @Test
    void aSnapshotWhoseLastEventIsNotInTheLogIsIgnored() {
        assertIgnored("UPDATE snapshot SET last_event_id = '" + UUID.randomUUID() + "' WHERE stream_version = 20",
                "the log does not hold its last event");
    }

    @Test
    void aSnapshotThatCannotBeDecodedIsIgnored() {
        // bytes and digest agree, but the bytes are not the codec's
        assertIgnored("UPDATE snapshot SET state = '\\x7b7d'::bytea, digest = encode(sha256('\\x7b7d'::bytea), 'hex')"
                + " WHERE stream_version = 20", "it cannot be decoded");
    }

    private void assertIgnored(String corruption, String reason) {
        DataSource ds = logWithSnapshots();
        sql(ds, corruption);
        Balances folded = caughtUp(ds, fold(ds, BALANCES, 5));
        assertThat(folded.decodedFromLog).isEqualTo(23);
        assertThat(digest(folded)).isEqualTo(digest(whole(ds)));
        assertThat(lines(Level.WARNING)).singleElement().asString()
                .startsWith("stream accounts: snapshot at v20 (balances/1) ignored: " + reason)
                .endsWith("; folding the whole stream");
    }

    @Test
    void aSnapshotOfAnotherFormatIsNotRead() {
        DataSource ds = logWithSnapshots();
        Balances folded = caughtUp(ds, fold(ds, new BalancesCodec("balances/2", false), 5));
        assertThat(folded.decodedFromLog).isEqualTo(23);
        assertThat(digest(folded)).isEqualTo(digest(whole(ds)));
        assertThat(lines(Level.WARNING)).isEmpty();
        // the other format's snapshots are not pruned by this one's
        assertThat(snapshotVersions(ds)).containsExactly(15L, 20L, 23L);
    }

    @Test
    void aLossyCodecIsCaughtWhenTheSnapshotIsLoaded() {
        DataSource ds = LocalInfra.freshSchema("snap");
        SnapshotCodec<Balances> lossy = new BalancesCodec("balances/1", true);
        deposit(handler(ds, fold(ds, lossy, 5)), 23, 0);
        Balances folded = caughtUp(ds, fold(ds, lossy, 5));
        assertThat(folded.decodedFromLog).isEqualTo(23);
        assertThat(digest(folded)).isEqualTo(digest(whole(ds)));
        assertThat(lines(Level.WARNING)).singleElement().asString()
                .contains("the decoded state does not encode to its digest again");
    }

    @Test
    void aSnapshotOfARolledBackWriteIsIgnored() {
        DataSource ds = logWithSnapshots();
        // a snapshot at v24 that the log never got (as if its write had been rolled back), and another log at v24
        sql(ds, "INSERT INTO snapshot (stream, stream_version, last_event_id, format, digest, state)"
                + " SELECT stream, 24, '" + UUID.randomUUID() + "', format, digest, state FROM snapshot WHERE stream_version = 20");
        deposit(handler(ds, new StreamFold<>(store, STREAM, EVOLVER)), 1, 23);
        Balances folded = caughtUp(ds, fold(ds, BALANCES, 5));
        assertThat(folded.decodedFromLog).isEqualTo(24);
        assertThat(digest(folded)).isEqualTo(digest(whole(ds)));
        assertThat(lines(Level.WARNING)).singleElement().asString()
                .startsWith("stream accounts: snapshot at v24 (balances/1) ignored: the log does not hold its last event");
        // the full fold's snapshot at v24 replaced it: the next start-up uses it
        logged.clear();
        assertThat(caughtUp(ds, fold(ds, BALANCES, 5)).decodedFromLog).isZero();
        assertThat(lines(Level.WARNING)).isEmpty();
    }

    @Test
    void snapshotsThatCannotBeReadAreAWarningAndTheWholeStreamIsFolded() {
        DataSource ds = logWithSnapshots();
        sql(ds, "DROP TABLE snapshot");
        Balances folded = caughtUp(ds, fold(ds, BALANCES, 5));
        assertThat(folded.decodedFromLog).isEqualTo(23);
        assertThat(lines(Level.WARNING)).containsExactly(
                "stream accounts: snapshots at or below v23 cannot be read; folding the whole stream",
                "stream accounts: snapshot at v23 not saved");
    }

    @Test
    void aSnapshotThatCannotBeWrittenIsAWarningNotAFailedCommand() {
        DataSource ds = LocalInfra.freshSchema("snap");
        sql(ds, "DROP TABLE snapshot");
        CommandHandler<Balances> h = handler(ds, new StreamFold<>(store, STREAM, EVOLVER)
                .withSnapshots(new SnapshotStore(ds), BALANCES, 5));
        deposit(h, 12, 0);
        assertThat(whole(ds).events).isEqualTo(12);
        assertThat(lines(Level.WARNING)).containsExactly("stream accounts: snapshot at v5 not saved",
                "stream accounts: snapshot at v10 not saved");
    }
}
