package net.nym.tokenomics.eventlog.benchmark;

import net.nym.tokenomics.eventlog.messaging.InboxDelivery;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: prints the "epoch-0 cliff" (issue 15, item 7) in isolation. rewards-service's closing of epoch 0 appends
 * about 100,000 {@code DelegationAdded} events to its one {@code ledger} stream in one transaction, followed by the
 * event the other services wait for; they go to one partition of the rewards topic, and the three services consuming
 * that topic pass the 100,000 over by their {@code event-type} header before they reach it.
 *
 * <p>Two runs, each on a fresh schema and topic (3 partitions) of the local infrastructure:
 * <ol>
 *   <li>stage by stage: (a) the append, in one transaction; (b) an {@link OutboxRelay} with the services' defaults
 *       ({@code eventlog.relay-batch-size}) publishing all of it, until its checkpoint is at the head; (c) three
 *       consumers, each in a group of its own, reading the topic from the start, each record handed to an
 *       {@link InboxDelivery} that handles only the last event's type (the others are passed over by header), offsets
 *       committed every 5 s as the connector's throttled strategy does, until each has applied the last event;</li>
 *   <li>end to end, as in the pipeline: relay and consumers running and idle first, then the append commits; printed:
 *       from the commit to the relay having published everything, and to each consumer having applied the last event.</li>
 * </ol>
 * The consumers are plain {@link KafkaConsumer} poll loops with the connector's settings (byte values, earliest,
 * no auto commit, {@code max.poll.records} as configured): the closest reproduction of a Quarkus Messaging channel
 * outside a Quarkus application. They leave out the connector's per-message overhead (its {@code Message} wrapping,
 * the hand-off of each record to a worker thread for {@code @Blocking(ordered = true)}, acknowledgement tracking).
 *
 * <p>Arguments: {@code [events=100000] [batch=<relay batch size, default 5000 as eventlog.relay-batch-size>] [consumers=3] [payload=<bytes, 360>]}.
 * Run (see event-log/README.md for the classpath):
 * <pre>
 * mvn -B -o -ntp -q -pl event-log test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd event-log &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) net.nym.tokenomics.eventlog.benchmark.EpochCliffBenchmark
 * </pre>
 */
public final class EpochCliffBenchmark {

    static final String PASSED_OVER = "DelegationAdded";
    static final String AWAITED = "EpochClosed";

    public static void main(String[] args) throws Exception {
        // as in a service (quarkus.log.level=INFO): without a configuration the log manager lets the Kafka clients'
        // TRACE messages through, and formatting them (every record's headers) costs the relay more than sending
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        Map<String, String> a = new HashMap<>(Map.of("events", "100000", "batch", "5000", "consumers", "3"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        int events = Integer.parseInt(a.get("events"));
        int batch = Integer.parseInt(a.get("batch"));
        int consumers = Integer.parseInt(a.get("consumers"));
        List<NewEvent> closing = closing(events);
        System.out.printf("%,d events of %s (payload %d bytes) + 1 %s in one transaction; relay batch %d; %d consumers%n",
                events, PASSED_OVER, closing.getFirst().payload().length(), AWAITED, batch, consumers);

        if (a.containsKey("service-topic")) {
            toService(closing(events), batch, a.get("service-topic"), a.get("service-db"), a.get("service-schema"));
        } else {
            stageByStage(closing, batch, consumers);
            endToEnd(closing(events), batch, consumers);
        }
        System.exit(0);
    }

    /** The closing's events: a DelegationAdded each, as rewards-service's encoding has it, then the awaited one. */
    static List<NewEvent> closing(int n) {
        List<NewEvent> out = new ArrayList<>(n + 1);
        Instant at = Instant.parse("2026-03-01T01:00:00Z");
        for (int i = 0; i < n; i++) {
            String payload = String.format("{\"at\":\"%s\",\"pending_event_id\":%d,\"node_id\":%d,\"owner\":\"n1%038d\","
                            + "\"deposited\":\"%d\",\"folded_in\":\"0\",\"principal\":\"%d\","
                            + "\"cumulative_reward_ratio\":\"0.000000000000000000\","
                            + "\"operator_after\":\"1128452541610.435897435897435896\","
                            + "\"delegates_after\":\"%d.000000000000000000\",\"unique_delegations_after\":%d,\"epoch\":0}",
                    at, 1000 + i, 1 + i % 1000, i / 3, 100_000_000L + i, 100_000_000L + i, 100_000_000L * (1 + i / 1000),
                    1 + i / 1000);
            out.add(new NewEvent(UUID.randomUUID(), PASSED_OVER, 1, payload, Map.of()));
        }
        out.add(new NewEvent(UUID.randomUUID(), AWAITED, 1, "{\"epoch\":0,\"at\":\"" + at + "\"}", Map.of()));
        return out;
    }

    private static void stageByStage(List<NewEvent> closing, int batch, int consumers) throws Exception {
        DataSource ds = LocalInfra.freshSchema("cliff");
        String topic = LocalInfra.freshTopic("cliff", 3);
        long t0 = System.nanoTime();
        Transactions.inTransaction(ds, c -> new EventStore().append(c, "ledger", 0, closing));
        System.out.printf("(a) append:  %,d events in one transaction: %,d ms%n", closing.size(), ms(t0));

        long t1 = System.nanoTime();
        try (OutboxRelay relay = new OutboxRelay(ds, relayKafka(),
                new OutboxRelay.Config("cliff", topic, batch, Duration.ofMillis(20)))) {
            while (relay.publishedCount() < closing.size()) {
                if (relay.publishOnce() == 0) {
                    Thread.sleep(5);
                }
            }
        }
        System.out.printf("(b) relay:   %,d events published, checkpoint at the head: %,d ms%n", closing.size(), ms(t1));

        long t2 = System.nanoTime();
        List<Consumer> cs = startConsumers(ds, topic, consumers);
        for (Consumer c : cs) {
            c.done.await(10, TimeUnit.MINUTES);
            System.out.printf("(c) consumer %s: %,d passed over, %d applied: %,d ms%n", c.name, c.delivery.passedOverCount(),
                    c.delivery.appliedCount(), (c.doneAt.get() - t2) / 1_000_000);
        }
        stop(cs);
    }

    private static void endToEnd(List<NewEvent> closing, int batch, int consumers) throws Exception {
        DataSource ds = LocalInfra.freshSchema("cliff");
        String topic = LocalInfra.freshTopic("cliff", 3);
        OutboxRelay relay = new OutboxRelay(ds, relayKafka(), new OutboxRelay.Config("cliff", topic, batch, Duration.ofMillis(20)));
        // one event first, so the relay has its producer and the consumers their assignment before the closing
        Transactions.inTransaction(ds, c -> new EventStore().append(c, "warm-up", 0,
                List.of(new NewEvent(UUID.randomUUID(), "WarmUp", 1, "{}", Map.of()))));
        relay.start();
        List<Consumer> cs = startConsumers(ds, topic, consumers);
        for (Consumer c : cs) {
            while (c.delivery.passedOverCount() < 1) {
                Thread.sleep(20);
            }
        }
        long t0 = System.nanoTime();
        Transactions.inTransaction(ds, c -> new EventStore().append(c, "ledger", 0, closing));
        long committed = System.nanoTime();
        System.out.printf("end to end: append %,d ms; from its commit:%n", (committed - t0) / 1_000_000);
        while (relay.publishedCount() < closing.size() + 1) {
            Thread.sleep(5);
        }
        System.out.printf("  relay published everything: %,d ms%n", (System.nanoTime() - committed) / 1_000_000);
        for (Consumer c : cs) {
            c.done.await(10, TimeUnit.MINUTES);
            System.out.printf("  consumer %s applied the last event: %,d ms%n", c.name, (c.doneAt.get() - committed) / 1_000_000);
        }
        stop(cs);
        relay.close();
    }

    /**
     * The real channel path: a running service (its packaged quarkus-app, started by hand on a schema and topics of its
     * own, see docs/benchmarks.md) consumes {@code topic}; the closing is appended here and relayed to that topic with a
     * {@code NodeBonded} as its last event instead of the placeholder, and the time is from the commit until the
     * service's inbox holds that event (performance-service's {@code registry-inputs} passes the 100,000 over by header
     * and applies the NodeBonded).
     */
    private static void toService(List<NewEvent> closing, int batch, String topic, String db, String schema) throws Exception {
        DataSource ds = LocalInfra.freshSchema("cliff");
        UUID awaited = UUID.randomUUID();
        long node = 900_000_000L + (System.currentTimeMillis() % 1_000_000L);
        byte[] key = new byte[32];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (node >>> (8 * i));
        }
        key[31] = 9;
        closing.set(closing.size() - 1, net.nym.tokenomics.eventlog.contracts.IntegrationEvents.codec().encode(awaited,
                new net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeBonded(node, "n1cliff" + node,
                        net.nym.tokenomics.eventlog.encoding.Base58.encode(key), "127.0.0.1", 1,
                        new net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeRoles(true, false, false),
                        net.nym.tokenomics.eventlog.decimal.Unym.of(100_000_000L), 0)));
        DataSource service = LocalInfra.dataSource(db, schema);
        try (OutboxRelay relay = new OutboxRelay(ds, relayKafka(), new OutboxRelay.Config("cliff", topic, batch, Duration.ofMillis(20)))) {
            relay.start();
            long t0 = System.nanoTime();
            Transactions.inTransaction(ds, c -> new EventStore().append(c, "ledger", 0, closing));
            long committed = System.nanoTime();
            System.out.printf("to the service: append %,d ms; from its commit:%n", (committed - t0) / 1_000_000);
            boolean relayed = false;
            while (true) {
                if (!relayed && relay.publishedCount() >= closing.size()) {
                    relayed = true;
                    System.out.printf("  relay published everything: %,d ms%n", (System.nanoTime() - committed) / 1_000_000);
                }
                boolean applied = Transactions.inTransaction(service, c -> new net.nym.tokenomics.eventlog.inbox.Inbox()
                        .contains(c, schemaConsumer(c, awaited), awaited));
                if (applied) {
                    System.out.printf("  the service applied the last event: %,d ms%n", (System.nanoTime() - committed) / 1_000_000);
                    break;
                }
                Thread.sleep(20);
            }
        }
    }

    /** The consumer name under which the service recorded the event (any, in its schema), or "" while it has not. */
    private static String schemaConsumer(java.sql.Connection c, UUID eventId) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT consumer FROM inbox WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /** A consumer's poll loop, as the smallrye-kafka connector configures it for a channel (ADR 0010). */
    static final class Consumer implements Runnable {
        final String name;
        final String topic;
        final InboxDelivery delivery;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicLong doneAt = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        Thread thread;

        Consumer(DataSource ds, String topic, String name) {
            this.name = name;
            this.topic = topic;
            this.delivery = new InboxDelivery(ds, name, Set.of(AWAITED), (c, e) -> { }, new InboxDelivery.Retry(5,
                    Duration.ofMillis(100), Duration.ofSeconds(5)));
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.putAll(LocalInfra.kafkaConfig());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, name);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            String maxPoll = System.getProperty("max.poll.records");
            if (maxPoll != null) {
                p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
            }
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(List.of(topic));
                long lastCommit = System.nanoTime();
                Map<TopicPartition, OffsetAndMetadata> acked = new HashMap<>();
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(1000))) {
                        delivery.deliver(r);
                        acked.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                        if (delivery.appliedCount() == 1 && done.getCount() == 1) {
                            doneAt.set(System.nanoTime());
                            done.countDown();
                        }
                    }
                    if (System.nanoTime() - lastCommit > 5_000_000_000L && !acked.isEmpty()) {
                        consumer.commitAsync(Map.copyOf(acked), null);
                        lastCommit = System.nanoTime();
                    }
                }
            }
        }
    }

    private static List<Consumer> startConsumers(DataSource ds, String topic, int n) {
        List<Consumer> out = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            Consumer c = new Consumer(ds, topic, "cliff-" + run + "-" + i);
            c.thread = Thread.ofPlatform().name(c.name).start(c);
            out.add(c);
        }
        return out;
    }

    private static void stop(List<Consumer> cs) throws InterruptedException {
        for (Consumer c : cs) {
            c.running.set(false);
        }
        for (Consumer c : cs) {
            c.thread.join(5000);
        }
    }

    /** The relay's Kafka settings: the local broker, plus {@code -Drelay.kafka=k=v,k=v} (producer settings to compare). */
    private static Map<String, Object> relayKafka() {
        Map<String, Object> m = new HashMap<>(LocalInfra.kafkaConfig());
        String extra = System.getProperty("relay.kafka", "");
        for (String kv : extra.split(",")) {
            if (!kv.isBlank()) {
                m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return m;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private EpochCliffBenchmark() {
    }
}
