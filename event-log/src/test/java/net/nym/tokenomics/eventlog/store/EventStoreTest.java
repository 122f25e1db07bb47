package net.nym.tokenomics.eventlog.store;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.projection.ProjectionRunner;
import net.nym.tokenomics.eventlog.testing.BalanceProjection;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store against the real PostgreSQL. */
class EventStoreTest {

    private final EventStore store = new EventStore();
    private final EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    private NewEvent deposit(String account, String amount) {
        return codec.encode(UUID.randomUUID(), new Deposited(account, Decimal.parse(amount)));
    }

    /**
     * The append returns the positions the database gave and the payload as given; a read returns every field the
     * same, and the payload as PostgreSQL's normalised text of the same JSON value.
     */
    @Test
    void appendsGetConsecutiveVersionsAndReadBackTheSameValues() throws Exception {
        DataSource ds = LocalInfra.freshSchema("store");
        List<NewEvent> appended = List.of(deposit("a", "1.5"), deposit("a", "0.000000000000000001").causedBy("c", UUID.randomUUID()));
        List<StoredEvent> stored = Transactions.inTransaction(ds, c -> store.append(c, "account-1", 0, appended));
        assertThat(stored).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L);
        assertThat(stored).extracting(StoredEvent::payload).containsExactly(appended.get(0).payload(), appended.get(1).payload());
        assertThat(stored.get(1).metadata()).isEqualTo(appended.get(1).metadata()).isNotEmpty();
        List<StoredEvent> read = Transactions.inTransaction(ds, c -> store.readStream(c, "account-1"));
        assertThat(read).hasSize(2);
        for (int i = 0; i < 2; i++) {
            StoredEvent r = read.get(i);
            StoredEvent s = stored.get(i);
            assertThat(new StoredEvent(r.globalPosition(), r.transactionId(), r.eventId(), r.streamId(), r.streamVersion(),
                    r.eventType(), r.schemaVersion(), s.payload(), r.metadata(), r.recordedAt())).isEqualTo(s);
            assertThat(Json.mapper().readTree(r.payload())).isEqualTo(Json.mapper().readTree(s.payload()));
        }
        assertThat(codec.decode(read.get(1), Deposited.class).amount()).isEqualTo(Decimal.parse("0.000000000000000001"));
        long version = Transactions.inTransaction(ds, c -> store.streamVersion(c, "account-1"));
        assertThat(version).isEqualTo(2L);
    }

    /** Both insert forms (a VALUES row per event up to the limit, one unnest above it) keep list order in versions and positions. */
    @Test
    void appendsOnEitherSideOfTheValuesLimitKeepListOrder() {
        DataSource ds = LocalInfra.freshSchema("store_sizes");
        long expected = 0;
        for (int n : new int[]{1, EventStore.MAX_VALUES_ROWS, EventStore.MAX_VALUES_ROWS + 1, 500}) {
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(deposit("a", i + ".5"));
            }
            long from = expected;
            List<StoredEvent> stored = Transactions.inTransaction(ds, c -> store.append(c, "account-n", from, batch));
            assertThat(stored).extracting(StoredEvent::eventId).containsExactlyElementsOf(batch.stream().map(NewEvent::eventId).toList());
            for (int i = 0; i < n; i++) {
                assertThat(stored.get(i).streamVersion()).isEqualTo(from + i + 1);
                if (i > 0) {
                    assertThat(stored.get(i).globalPosition()).isGreaterThan(stored.get(i - 1).globalPosition());
                }
            }
            expected += n;
        }
        List<StoredEvent> read = Transactions.inTransaction(ds, c -> store.readStream(c, "account-n"));
        assertThat(read).hasSize((int) expected);
        for (int i = 1; i < read.size(); i++) {
            assertThat(read.get(i).globalPosition()).isGreaterThan(read.get(i - 1).globalPosition());
        }
        assertThat(codec.decode(read.get((int) expected - 1), Deposited.class).amount()).isEqualTo(Decimal.parse("499.5"));
    }

    @Test
    void concurrentAppendsToTheSameVersionLetExactlyOneWin() throws Exception {
        DataSource ds = LocalInfra.freshSchema("conflict");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 10; round++) {
                String stream = "node-" + round;
                CyclicBarrier barrier = new CyclicBarrier(writers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String amount = String.valueOf(w + 1);
                    Callable<Boolean> task = () -> {
                        try {
                            return Transactions.inTransaction(ds, c -> {
                                long seen = store.streamVersion(c, stream);
                                awaitQuietly(barrier);
                                store.append(c, stream, seen, List.of(deposit(stream, amount)));
                                return true;
                            });
                        } catch (WrongExpectedVersionException e) {
                            return false;
                        }
                    };
                    results.add(pool.submit(task));
                }
                int winners = 0;
                for (Future<Boolean> f : results) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
                List<StoredEvent> inStream = Transactions.inTransaction(ds, c -> store.readStream(c, stream));
                assertThat(inStream).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStaleOrFutureExpectedVersionIsAConflict() {
        DataSource ds = LocalInfra.freshSchema("expected");
        Transactions.inTransaction(ds, c -> store.append(c, "s", 0, List.of(deposit("s", "1"))));
        assertThatThrownBy(() -> Transactions.inTransaction(ds, c -> store.append(c, "s", 0, List.of(deposit("s", "1")))))
                .isInstanceOf(WrongExpectedVersionException.class).hasMessageContaining("stream 's'");
        assertThatThrownBy(() -> Transactions.inTransaction(ds, c -> store.append(c, "s", 5, List.of(deposit("s", "1")))))
                .isInstanceOf(WrongExpectedVersionException.class);
        List<StoredEvent> inStream = Transactions.inTransaction(ds, c -> store.readStream(c, "s"));
        assertThat(inStream).hasSize(1);
    }

    @Test
    void theSameEventIdIsStoredOnce() {
        DataSource ds = LocalInfra.freshSchema("dup");
        NewEvent e = deposit("x", "3");
        Transactions.inTransaction(ds, c -> store.append(c, "x", 0, List.of(e)));
        assertThatThrownBy(() -> Transactions.inTransaction(ds, c -> store.append(c, "y", 0, List.of(e))))
                .isInstanceOf(DuplicateEventException.class);
        assertThat(Transactions.inTransaction(ds, store::count)).isEqualTo(1L);
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        DataSource ds = LocalInfra.freshSchema("immutable");
        Transactions.inTransaction(ds, c -> store.append(c, "s", 0, List.of(deposit("s", "7"))));
        for (String sql : List.of("UPDATE event_log SET event_type = 'Forged'", "DELETE FROM event_log", "TRUNCATE event_log")) {
            assertThatThrownBy(() -> Transactions.inTransaction(ds, c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate(sql);
                }
            })).as(sql).hasMessageContaining("append-only");
        }
        List<StoredEvent> left = Transactions.inTransaction(ds, c -> store.readStream(c, "s"));
        assertThat(left).singleElement().extracting(StoredEvent::eventType).isEqualTo(Deposited.TYPE);
    }

    @Test
    void replayStopsAtAnUnknownTypeNamingTheEventAndAppliesNothing() throws SQLException {
        DataSource ds = LocalInfra.freshSchema("unknown");
        Transactions.inTransaction(ds, c -> {
            BalanceProjection.createTable(c);
            store.append(c, "a", 0, List.of(deposit("a", "1"), deposit("a", "2")));
            return store.append(c, "a", 2, List.of(new NewEvent(UUID.randomUUID(), "Withdrawn", 1, "{\"account\":\"a\"}", Map.of())));
        });
        StoredEvent bad = Transactions.inTransaction(ds, c -> store.readStream(c, "a")).get(2);
        ProjectionRunner runner = new ProjectionRunner(ds);
        BalanceProjection projection = new BalanceProjection(codec);
        assertThatThrownBy(() -> runner.catchUp(projection))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(bad.eventId().toString())
                .hasMessageContaining("unknown event type 'Withdrawn'");
        // The two good events before it were not committed on their own: the batch rolled back whole.
        assertThat(Transactions.inTransaction(ds, BalanceProjection::read)).isEmpty();
        assertThat(runner.checkpoint(projection)).isEqualTo(LogPosition.START);
    }

    @Test
    void aMalformedPayloadIsAClearErrorNamingTheEvent() {
        DataSource ds = LocalInfra.freshSchema("malformed");
        UUID id = UUID.randomUUID();
        Transactions.inTransaction(ds, c -> store.append(c, "m", 0,
                List.of(new NewEvent(id, Deposited.TYPE, 1, "{\"account\":\"m\",\"amount\":\"-5\"}", Map.of()))));
        StoredEvent stored = Transactions.inTransaction(ds, c -> store.readStream(c, "m")).getFirst();
        assertThatThrownBy(() -> codec.decode(stored))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("malformed payload");
        // Not JSON at all: refused at append, nothing stored.
        assertThatThrownBy(() -> Transactions.inTransaction(ds, c -> store.append(c, "m", 1,
                List.of(new NewEvent(UUID.randomUUID(), Deposited.TYPE, 1, "{not json", Map.of())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThat(Transactions.inTransaction(ds, store::count)).isEqualTo(1L);
        // A newer schema version than the code knows is refused too, not guessed.
        StoredEvent future = new StoredEvent(1, 1, UUID.randomUUID(), "m", 2, Deposited.TYPE, 2,
                Json.write(new Deposited("m", Decimal.ONE)), Map.of(), stored.recordedAt());
        assertThatThrownBy(() -> codec.decode(future)).hasMessageContaining("schema version 2");
    }

    @Test
    void readAfterWaitsForATransactionThatCommitsLate() throws Exception {
        DataSource ds = LocalInfra.freshSchema("late");
        try (Connection early = ds.getConnection()) {
            early.setAutoCommit(false);
            // The early transaction takes its id and its position first, but commits last.
            store.append(early, "early", 0, List.of(deposit("early", "1")));
            Transactions.inTransaction(ds, c -> store.append(c, "late", 0, List.of(deposit("late", "2"))));
            List<StoredEvent> visible = Transactions.inTransaction(ds, c -> store.readAfter(c, LogPosition.START, 100));
            assertThat(visible).as("nothing may be read past a still-open transaction").isEmpty();
            early.commit();
        }
        List<StoredEvent> all = Transactions.inTransaction(ds, c -> store.readAfter(c, LogPosition.START, 100));
        assertThat(all).extracting(StoredEvent::streamId).containsExactly("early", "late");
    }

    /**
     * readAfter walks event_log_tx_position_ix in its (transaction id, position) order: a page costs its own rows, not
     * a sort of every row after its position (ordering by the text of the transaction id did that, and 100,000 events of
     * one transaction took the relay 17.5 s). Read through a cursor, a page of more rows than the fetch size is whole.
     */
    @Test
    void readAfterReadsAPageFromTheIndexWithoutSortingTheRestOfTheLog() throws Exception {
        DataSource ds = LocalInfra.freshSchema("read_plan");
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(deposit("a" + i, "1"));
        }
        Transactions.inTransaction(ds, c -> store.append(c, "big", 0, batch));
        String plan = Transactions.inTransaction(ds, c -> {
            try (var analyze = c.createStatement()) {
                analyze.execute("ANALYZE event_log");
            }
            try (var ps = c.prepareStatement("EXPLAIN " + EventStore.READ_AFTER)) {
                ps.setString(1, "0");
                ps.setLong(2, 0);
                ps.setInt(3, 500);
                StringBuilder b = new StringBuilder();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append('\n');
                    }
                }
                return b.toString();
            }
        });
        assertThat(plan).contains("Index Scan using event_log_tx_position_ix").doesNotContain("Sort");
        List<StoredEvent> page = Transactions.inTransaction(ds, c -> store.readAfter(c, LogPosition.START, 5000, Long.MAX_VALUE));
        assertThat(page).extracting(StoredEvent::eventId).containsExactlyElementsOf(batch.stream().map(NewEvent::eventId).toList());
    }

    /** A page stops once its payloads reach the bound, with the event that reaches it: the first events, never none. */
    @Test
    void readAfterStopsAtThePayloadBoundWithTheEventThatReachesIt() {
        DataSource ds = LocalInfra.freshSchema("read_bound");
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(deposit("x".repeat(1000) + i, "1"));
        }
        Transactions.inTransaction(ds, c -> store.append(c, "large", 0, batch));
        List<StoredEvent> all = Transactions.inTransaction(ds, c -> store.readAfter(c, LogPosition.START, 100));
        int size = all.getFirst().payload().length();
        assertThat(all).allSatisfy(e -> assertThat(e.payload().length()).isEqualTo(size));
        for (boolean autoCommit : new boolean[]{true, false}) {
            List<StoredEvent> three = read(ds, autoCommit, size * 5L / 2);
            assertThat(three).extracting(StoredEvent::eventId).containsExactlyElementsOf(all.subList(0, 3).stream().map(StoredEvent::eventId).toList());
            assertThat(read(ds, autoCommit, 1)).extracting(StoredEvent::eventId).containsExactly(all.getFirst().eventId());
            assertThat(read(ds, autoCommit, size * 3L)).hasSize(3);
        }
    }

    private List<StoredEvent> read(DataSource ds, boolean autoCommit, long maxChars) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(autoCommit);
            List<StoredEvent> out = store.readAfter(c, LogPosition.START, 100, maxChars);
            if (!autoCommit) {
                c.commit();
            }
            c.setAutoCommit(true);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
