package net.nym.tokenomics.eventlog.relay;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.Relays;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox relay against the real PostgreSQL and Kafka. */
class OutboxRelayTest {

    private final EventStore store = new EventStore();
    private final EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    private void append(DataSource ds, String stream, String amount) {
        Transactions.inTransaction(ds, c -> store.append(c, stream, store.streamVersion(c, stream),
                List.of(codec.encode(UUID.randomUUID(), new Deposited(stream, Decimal.parse(amount))))));
    }

    private static OutboxRelay relay(DataSource ds, String topic, int batch) {
        return new OutboxRelay(ds, LocalInfra.kafkaConfig(), new OutboxRelay.Config("test-relay", topic, batch, Duration.ofMillis(10)));
    }

    private static List<UUID> publishedIdsInLogOrder(String topic) {
        return LocalInfra.readAll(topic).stream()
                .sorted(Comparator.comparingLong(KafkaEnvelope::publicationSeq))
                .map(KafkaEnvelope::eventId)
                .toList();
    }

    private List<UUID> loggedIds(DataSource ds) {
        return Transactions.inTransaction(ds, c -> store.readAfter(c, LogPosition.START, 100_000)).stream()
                .map(StoredEvent::eventId).toList();
    }

    @Test
    void publishesEveryEventOnceInLogOrderKeyedByStream() throws Exception {
        DataSource ds = LocalInfra.freshSchema("relay");
        String topic = LocalInfra.freshTopic("relay", 3);
        for (int i = 0; i < 50; i++) {
            append(ds, "stream-" + (i % 5), String.valueOf(i));
        }
        try (OutboxRelay relay = relay(ds, topic, 8)) {
            Relays.publishAll(relay, 50, Duration.ofSeconds(60));
        }
        List<ConsumerRecord<String, byte[]>> records = LocalInfra.readAll(topic);
        assertThat(publishedIdsInLogOrder(topic)).isEqualTo(loggedIds(ds));
        // Per-stream order: every stream lives in one partition, versions ascending by offset.
        Map<String, List<ConsumerRecord<String, byte[]>>> byStream = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        for (var entry : byStream.entrySet()) {
            assertThat(entry.getValue()).extracting(ConsumerRecord::partition).containsOnly(entry.getValue().getFirst().partition());
            List<Long> versions = entry.getValue().stream().sorted(Comparator.comparingLong(ConsumerRecord::offset))
                    .map(r -> KafkaEnvelope.event(r).streamVersion()).toList();
            assertThat(versions).isSorted().hasSize(10);
        }
    }

    @Test
    void aTransactionThatCommitsLateIsNotSkipped() throws Exception {
        DataSource ds = LocalInfra.freshSchema("relaylate");
        String topic = LocalInfra.freshTopic("relaylate", 2);
        try (OutboxRelay relay = relay(ds, topic, 100)) {
            append(ds, "before", "1");
            Relays.publishAll(relay, 1, Duration.ofSeconds(60));
            UUID lateId = UUID.randomUUID();
            try (Connection late = ds.getConnection()) {
                late.setAutoCommit(false);
                // Opened before, committed after a later transaction: it gets the lower position.
                store.append(late, "late", 0, List.of(codec.encode(lateId, new Deposited("late", Decimal.ONE))));
                append(ds, "later", "2");
                assertThat(relay.publishOnce()).as("the relay must wait for the open transaction").isZero();
                late.commit();
            }
            Relays.publishAll(relay, 3, Duration.ofSeconds(60));
            assertThat(relay.publishOnce()).isZero();
            List<UUID> published = publishedIdsInLogOrder(topic);
            assertThat(published).hasSize(3).contains(lateId).doesNotHaveDuplicates();
            assertThat(published).isEqualTo(loggedIds(ds));
        }
    }

    @Test
    void aProcessKilledBetweenAppendAndPublishStillPublishesOnceAfterRestart() throws Exception {
        DataSource ds = LocalInfra.freshSchema("crashappend");
        String schema = currentSchema(ds);
        String topic = LocalInfra.freshTopic("crashappend", 3);
        Process p = child("append", schema, topic, 40);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the child halts like a kill").isEqualTo(137);
        assertThat(LocalInfra.readAll(topic)).as("nothing was published before the crash").isEmpty();
        try (OutboxRelay relay = relay(ds, topic, 16)) {
            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> LocalInfra.readAll(topic).size() >= 40);
        }
        assertThat(publishedIdsInLogOrder(topic)).isEqualTo(loggedIds(ds)).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void aRelayKilledMidPublishResumesWithoutDuplicatesOrGaps() throws Exception {
        DataSource ds = LocalInfra.freshSchema("crashrelay");
        String schema = currentSchema(ds);
        String topic = LocalInfra.freshTopic("crashrelay", 3);
        Process p = child("relay", schema, topic, 3000);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("relaying")) {
                // wait until the child is publishing
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> LocalInfra.readAll(topic).size() > 300);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        int beforeRestart = LocalInfra.readAll(topic).size();
        assertThat(beforeRestart).as("killed part-way").isBetween(1, 2999);
        try (OutboxRelay relay = new OutboxRelay(ds, LocalInfra.kafkaConfig(),
                new OutboxRelay.Config("crash-relay", topic, 100, Duration.ofMillis(10)))) {
            relay.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> LocalInfra.readAll(topic).size() >= 3000);
        }
        assertThat(publishedIdsInLogOrder(topic)).hasSize(3000).doesNotHaveDuplicates().isEqualTo(loggedIds(ds));
    }

    @Test
    void aLostCheckpointDoesNotPublishTwice() throws Exception {
        DataSource ds = LocalInfra.freshSchema("lostcp");
        String topic = LocalInfra.freshTopic("lostcp", 3);
        for (int i = 0; i < 30; i++) {
            append(ds, "s" + (i % 4), "1");
        }
        try (OutboxRelay relay = relay(ds, topic, 30)) {
            Relays.publishAll(relay, 30, Duration.ofSeconds(60));
        }
        // As if the process died after Kafka acknowledged but before the checkpoint was written.
        Transactions.inTransaction(ds, c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM outbox_checkpoint");
            }
        });
        for (int i = 0; i < 5; i++) {
            append(ds, "s" + i, "2");
        }
        try (OutboxRelay relay = relay(ds, topic, 7)) {
            // Exactly the 5 new events: a relay that lost its place would send the first 30 again (7 per batch).
            Relays.publishAll(relay, 5, Duration.ofSeconds(60));
            assertThat(relay.publishOnce()).isZero();
        }
        assertThat(publishedIdsInLogOrder(topic)).hasSize(35).doesNotHaveDuplicates().isEqualTo(loggedIds(ds));
    }

    @Test
    void aGracefulStopPublishesWhatWasCommittedWhileTheRelayWasIdle() throws Exception {
        DataSource ds = LocalInfra.freshSchema("drainidle");
        String topic = LocalInfra.freshTopic("drainidle", 3);
        append(ds, "first", "1");
        OutboxRelay relay = new OutboxRelay(ds, LocalInfra.kafkaConfig(),
                new OutboxRelay.Config("drain-relay", topic, 100, Duration.ofMinutes(10)));
        relay.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> LocalInfra.readAll(topic).size() == 1);
        // The relay now sleeps for its (long) idle poll: these are committed but would wait for the next poll.
        for (int i = 0; i < 7; i++) {
            append(ds, "s" + i, "2");
        }
        relay.close();
        assertThat(publishedIdsInLogOrder(topic)).as("everything committed before the stop is on the topic")
                .hasSize(8).doesNotHaveDuplicates().isEqualTo(loggedIds(ds));
    }

    @Test
    void aGracefulStopInTheMiddleOfABacklogPublishesItAllOnce() throws Exception {
        DataSource ds = LocalInfra.freshSchema("drainbusy");
        String topic = LocalInfra.freshTopic("drainbusy", 3);
        Transactions.inTransaction(ds, c -> {
            for (int i = 0; i < 2000; i++) {
                String stream = "s" + (i % 17);
                store.append(c, stream, store.streamVersion(c, stream),
                        List.of(codec.encode(UUID.randomUUID(), new Deposited(stream, Decimal.ONE))));
            }
            return null;
        });
        OutboxRelay relay = relay(ds, topic, 25);
        relay.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> LocalInfra.readAll(topic).size() >= 100);
        // Stopped while batches are in flight: the interrupted batch must neither be lost nor sent twice.
        relay.close();
        assertThat(publishedIdsInLogOrder(topic)).hasSize(2000).doesNotHaveDuplicates().isEqualTo(loggedIds(ds));
        assertThat(LocalInfra.readAll(topic).stream().map(KafkaEnvelope::publicationSeq).sorted().toList())
                .as("publication sequence numbers 1..n, each once")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 2000).boxed().toList());
    }

    @Test
    void onlyOneRelayInstancePublishes() throws Exception {
        DataSource ds = LocalInfra.freshSchema("leader");
        String topic = LocalInfra.freshTopic("leader", 1);
        append(ds, "a", "1");
        try (OutboxRelay first = relay(ds, topic, 10); OutboxRelay second = relay(ds, topic, 10)) {
            Relays.publishAll(first, 1, Duration.ofSeconds(60));
            append(ds, "a", "2");
            assertThat(second.publishOnce()).as("standby replica").isZero();
            Relays.publishAll(first, 2, Duration.ofSeconds(60));
            assertThat(second.publishedCount()).as("standby replica").isZero();
        }
        assertThat(LocalInfra.readAll(topic)).hasSize(2);
    }

    private static String currentSchema(DataSource ds) {
        return Transactions.inTransaction(ds, c -> c.getSchema());
    }

    private static Process child(String mode, String schema, String topic, int n) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, AppendThenDie.class.getName(), mode, schema, topic, String.valueOf(n)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

}
