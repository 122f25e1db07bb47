package net.nym.tokenomics.eventlog.projection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.replay.KafkaLogImporter;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.BalanceProjection;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.Relays;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Read models rebuilt from the log, and the whole log rebuilt from Kafka, come out identical. */
class RebuildTest {

    private final EventStore store = new EventStore();
    private final EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    private void appendRandomHistory(DataSource ds, int events, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < events; i++) {
            String account = "acct-" + random.nextInt(9);
            String amount = random.nextInt(1000) + "." + String.format("%018d", Math.abs(random.nextLong()) % 1_000_000_000_000_000_000L);
            UUID cause = UUID.randomUUID();
            Transactions.inTransaction(ds, c -> store.append(c, account, store.streamVersion(c, account),
                    List.of(codec.encode(UUID.randomUUID(), new Deposited(account, Decimal.parse(amount))).causedBy("test-input", cause))));
        }
    }

    private static String projectionDigest(DataSource ds) {
        return StateDigest.of(Transactions.inTransaction(ds, BalanceProjection::read));
    }

    private List<StoredEvent> log(DataSource ds) {
        return Transactions.inTransaction(ds, c -> store.readAfter(c, LogPosition.START, 1_000_000));
    }

    @Test
    void droppingAProjectionAndReplayingTheLogGivesTheSameState() {
        DataSource ds = LocalInfra.freshSchema("rebuild");
        Transactions.inTransaction(ds, c -> {
            BalanceProjection.createTable(c);
            return null;
        });
        BalanceProjection projection = new BalanceProjection(codec);
        ProjectionRunner runner = new ProjectionRunner(ds);
        appendRandomHistory(ds, 120, 42);
        assertThat(runner.catchUp(projection)).isEqualTo(120);
        appendRandomHistory(ds, 30, 43);
        assertThat(runner.catchUp(projection)).isEqualTo(30);
        String live = projectionDigest(ds);
        assertThat(Transactions.inTransaction(ds, BalanceProjection::read)).hasSizeGreaterThan(1);

        assertThat(runner.rebuild(projection)).isEqualTo(150);
        assertThat(projectionDigest(ds)).isEqualTo(live);
        assertThat(runner.catchUp(projection)).as("nothing applied twice after a rebuild").isZero();
        assertThat(projectionDigest(ds)).isEqualTo(live);
    }

    @Test
    void rebuildingFromKafkaIntoAnEmptyDatabaseGivesTheSameLogAndState() throws Exception {
        DataSource live = LocalInfra.freshSchema("live");
        String topic = LocalInfra.freshTopic("rebuild", 3);
        Transactions.inTransaction(live, c -> {
            BalanceProjection.createTable(c);
            return null;
        });
        appendRandomHistory(live, 200, 7);
        try (OutboxRelay relay = new OutboxRelay(live, LocalInfra.kafkaConfig(), new OutboxRelay.Config("rebuild", topic, 64, Duration.ofMillis(10)))) {
            Relays.publishAll(relay, 200, Duration.ofSeconds(60));
        }
        BalanceProjection projection = new BalanceProjection(codec);
        new ProjectionRunner(live).catchUp(projection);

        DataSource empty = LocalInfra.freshSchema("fromkafka");
        Transactions.inTransaction(empty, c -> {
            BalanceProjection.createTable(c);
            return null;
        });
        KafkaLogImporter.Result result = new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic, "rebuild");
        assertThat(result.events()).isEqualTo(200);
        assertThat(result.inboxEntries()).isEqualTo(200);
        new ProjectionRunner(empty).catchUp(projection);

        assertThat(projectionDigest(empty)).isEqualTo(projectionDigest(live));
        List<StoredEvent> original = log(live);
        List<StoredEvent> rebuilt = log(empty);
        assertThat(rebuilt).extracting(StoredEvent::eventId).isEqualTo(original.stream().map(StoredEvent::eventId).toList());
        assertThat(rebuilt).extracting(StoredEvent::streamVersion).isEqualTo(original.stream().map(StoredEvent::streamVersion).toList());
        assertThat(rebuilt).extracting(StoredEvent::payload).isEqualTo(original.stream().map(StoredEvent::payload).toList());
        // The inbox came back: the inputs that caused these events would not be applied again.
        UUID someCause = UUID.fromString(original.get(17).metadata().get(NewEvent.CAUSATION_ID));
        boolean recordedAgain = Transactions.inTransaction(empty, c -> new net.nym.tokenomics.eventlog.inbox.Inbox().tryRecord(c, "test-input", someCause));
        assertThat(recordedAgain).isFalse();

        // The rebuilt service goes on: a new event is published once, after the imported ones.
        appendRandomHistory(empty, 1, 99);
        try (OutboxRelay relay = new OutboxRelay(empty, LocalInfra.kafkaConfig(), new OutboxRelay.Config("rebuild", topic, 64, Duration.ofMillis(10)))) {
            Relays.publishAll(relay, 1, Duration.ofSeconds(60));
            assertThat(relay.publishOnce()).isZero();
        }
        assertThat(LocalInfra.readAll(topic)).hasSize(201);

        // Importing into a database that already has a log is refused.
        assertThatThrownBy(() -> new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic, "rebuild"))
                .hasMessageContaining("empty event log");
    }
}
