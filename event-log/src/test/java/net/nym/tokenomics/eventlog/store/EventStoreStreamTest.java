package net.nym.tokenomics.eventlog.store;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream reads and writes the command handler and the services use, against the real PostgreSQL. */
class EventStoreStreamTest {

    private final EventStore store = new EventStore();
    private final EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    private NewEvent deposit(String account, long amount) {
        return codec.encode(UUID.randomUUID(), new Deposited(account, Decimal.of(amount)));
    }

    @Test
    void theHeadIsTheLastEventOfTheStreamAndReadsAfterAVersionPageInOrder() {
        DataSource ds = LocalInfra.freshSchema("stream");
        EventStore.StreamHead empty = Transactions.inTransaction(ds, c -> store.head(c, "s"));
        assertThat(empty).isEqualTo(EventStore.StreamHead.EMPTY);
        List<NewEvent> events = new ArrayList<>();
        for (int i = 1; i <= 130; i++) {
            events.add(deposit("a", i));
        }
        Transactions.inTransaction(ds, c -> store.append(c, "s", 0, events.subList(0, 10)));
        Transactions.inTransaction(ds, c -> {
            store.appendLocked(c, "s", 10, events.subList(10, 130));
            return null;
        });
        Transactions.inTransaction(ds, c -> store.append(c, "other", 0, List.of(deposit("b", 1))));
        EventStore.StreamHead head = Transactions.inTransaction(ds, c -> store.head(c, "s"));
        assertThat(head).isEqualTo(new EventStore.StreamHead(130, events.getLast().eventId()));
        List<StoredEvent> page = Transactions.inTransaction(ds, c -> store.readStreamAfter(c, "s", 60, 50));
        assertThat(page).extracting(StoredEvent::streamVersion).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(61, 110).boxed().toList());
        assertThat(page).extracting(StoredEvent::eventId).containsExactlyElementsOf(
                events.subList(60, 110).stream().map(NewEvent::eventId).toList());
        List<StoredEvent> tail = Transactions.inTransaction(ds, c -> store.readStreamAfter(c, "s", 125));
        assertThat(tail).hasSize(5);
    }

    @Test
    void aLockedAppendAtAWrongVersionIsAConflictAndKeepsMetadata() {
        DataSource ds = LocalInfra.freshSchema("stream");
        NewEvent caused = deposit("a", 1).causedBy("consumer", UUID.randomUUID());
        Transactions.inTransaction(ds, c -> {
            store.appendLocked(c, "s", 0, List.of(caused));
            return null;
        });
        assertThatThrownBy(() -> Transactions.inTransaction(ds, c -> {
            store.appendLocked(c, "s", 0, List.of(deposit("a", 2)));
            return null;
        })).isInstanceOf(WrongExpectedVersionException.class);
        StoredEvent read = Transactions.inTransaction(ds, c -> store.readStream(c, "s")).getFirst();
        assertThat(read.metadata()).isEqualTo(caused.metadata());
        assertThat(read.metadata()).containsEntry(NewEvent.CAUSATION_CONSUMER, "consumer");
    }

    @Test
    void aDeclaredLookupFindsTheFirstEventWithThatKey() {
        DataSource ds = LocalInfra.freshSchema("stream");
        EventCodec epochs = new EventCodec().register("Closed", 1, Closed.class);
        Transactions.inTransaction(ds, c -> store.append(c, "s", 0, List.of(
                epochs.encode(UUID.randomUUID(), new Closed(4, "first")), epochs.encode(UUID.randomUUID(), new Closed(5, "x")),
                epochs.encode(UUID.randomUUID(), new Closed(4, "second")))));
        EventStore.Lookup byEpoch = store.lookup("Closed", "epoch_id");
        java.util.Optional<StoredEvent> four = Transactions.inTransaction(ds, c -> byEpoch.first(c, "s", 4));
        assertThat(four.map(e -> epochs.decode(e, Closed.class).note())).contains("first");
        java.util.Optional<StoredEvent> six = Transactions.inTransaction(ds, c -> byEpoch.first(c, "s", 6));
        assertThat(six).isEmpty();
        java.util.Optional<StoredEvent> elsewhere = Transactions.inTransaction(ds, c -> byEpoch.first(c, "other", 4));
        assertThat(elsewhere).isEmpty();
        assertThatThrownBy(() -> store.lookup("Closed' OR '1'='1", "epoch_id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.lookup("Closed", "epoch_id')")).isInstanceOf(IllegalArgumentException.class);
    }

    record Closed(long epochId, String note) { }

}
