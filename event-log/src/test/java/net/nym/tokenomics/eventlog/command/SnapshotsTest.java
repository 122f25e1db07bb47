package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Snapshots} for a fold of the whole log (several streams), keyed by a name of its own and the global position
 * of its last event, confirmed with {@link EventStore#at}, against the real PostgreSQL.
 */
class SnapshotsTest {

    private static final String FOLD = "whole-log-balances";
    private static final EventCodec CODEC = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    /** Balances of every account stream, in canonical JSON. */
    private static final SnapshotCodec<TreeMap<String, Decimal>> BALANCES = new SnapshotCodec<>() {
        @Override
        public String format() {
            return "whole-log-balances/1";
        }

        @Override
        public byte[] encode(TreeMap<String, Decimal> state) {
            return Json.writeBytes(state);
        }

        @Override
        public TreeMap<String, Decimal> decode(byte[] bytes) {
            try {
                TreeMap<String, Decimal> out = new TreeMap<>();
                Json.mapper().readTree(bytes).properties().forEach(e -> out.put(e.getKey(), Decimal.parse(e.getValue().asText())));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final EventStore store = new EventStore();

    private List<StoredEvent> depositInto(DataSource ds, String... accounts) {
        return Transactions.inTransaction(ds, c -> {
            List<StoredEvent> out = new ArrayList<>();
            for (String a : accounts) {
                NewEvent e = CODEC.encode(UUID.randomUUID(), new Deposited(a, Decimal.parse("1.5")));
                out.addAll(store.append(c, a, store.streamVersion(c, a), List.of(e)));
            }
            return out;
        });
    }

    private Snapshots.Load<TreeMap<String, Decimal>> load(DataSource ds, Snapshots<TreeMap<String, Decimal>> snapshots) {
        return Transactions.inTransaction(ds, c -> snapshots.load(FOLD, Long.MAX_VALUE, (position, id) ->
                store.at(c, position).map(e -> e.eventId().equals(id)).orElse(false)));
    }

    @Test
    void theEventAtAGlobalPositionIsReadBackOrAbsent() {
        DataSource ds = LocalInfra.freshSchema("snaps");
        List<StoredEvent> appended = depositInto(ds, "a", "b");
        StoredEvent second = appended.get(1);
        StoredEvent read = Transactions.inTransaction(ds, c -> store.at(c, second.globalPosition())).orElseThrow();
        assertThat(read.eventId()).isEqualTo(second.eventId());
        assertThat(read.position()).isEqualTo(new LogPosition(second.transactionId(), second.globalPosition()));
        assertThat(read.streamId()).isEqualTo("b");
        Optional<StoredEvent> beyond = Transactions.inTransaction(ds, c -> store.at(c, second.globalPosition() + 1000));
        assertThat(beyond).isEmpty();
    }

    @Test
    void aSnapshotAtAGlobalPositionTheLogConfirmsIsLoadedAndOneItRefutesIsRefused() {
        DataSource ds = LocalInfra.freshSchema("snaps");
        Snapshots<TreeMap<String, Decimal>> snapshots = new Snapshots<>(new SnapshotStore(ds), BALANCES, 10);
        assertThat(load(ds, snapshots)).isInstanceOf(Snapshots.None.class);

        StoredEvent last = depositInto(ds, "a", "b", "a").getLast();
        TreeMap<String, Decimal> state = new TreeMap<>();
        state.put("a", Decimal.parse("3"));
        state.put("b", Decimal.parse("1.5"));
        snapshots.save(FOLD, last.globalPosition(), last.eventId(), state);
        assertThat(load(ds, snapshots)).isInstanceOfSatisfying(Snapshots.Loaded.class, l -> {
            assertThat(l.state()).isEqualTo(state);
            assertThat(l.snapshot().streamVersion()).isEqualTo(last.globalPosition());
        });

        // the same snapshot said to be after another event at that position: the log refutes it
        Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE snapshot SET last_event_id = ?")) {
                ps.setObject(1, UUID.randomUUID());
                return ps.executeUpdate();
            }
        });
        assertThat(load(ds, snapshots)).isInstanceOfSatisfying(Snapshots.Refused.class, r ->
                assertThat(r.reason()).startsWith("the log does not hold its last event"));
    }

    @Test
    void everyZeroIsNoSnapshotsAndANegativeNumberIsRefused() {
        SnapshotStore snapshotStore = new SnapshotStore(LocalInfra.freshSchema("snaps"));
        assertThat(Snapshots.every(snapshotStore, BALANCES, 0)).isEmpty();
        assertThat(Snapshots.every(snapshotStore, BALANCES, 7)).hasValueSatisfying(s -> assertThat(s.every()).isEqualTo(7));
        assertThatThrownBy(() -> Snapshots.every(snapshotStore, BALANCES, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
