package net.nym.tokenomics.eventlog.inbox;

import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Consumes other services' (or its own) event topics into a service, exactly once in effect: each record's event id is
 * recorded in the {@link Inbox} in the same database transaction as the handler's effect, and Kafka offsets are
 * committed only after that transaction. A redelivered record (a crash before the offset commit, a relay publishing
 * again, a consumer group reset) finds its id in the inbox and changes nothing.
 *
 * <p>A handler failure rolls its transaction back and the record is retried (after a back-off) before any later record
 * of that partition, so nothing is half-applied and nothing is skipped. The consumer name is both the Kafka group id
 * and the inbox key (a {@code group.id} in the Kafka config overrides the group only).
 *
 * <p>A consumer given the event types it handles passes over the others by their {@code event-type} header: no decode,
 * no transaction, no inbox entry (an event without effect needs no idempotency record). An input topic carries far
 * more than a consumer needs — every delegation on rewards-service's topic, say — and a transaction per record made a
 * burst of 100,000 of them take a minute to pass. A record without the header is handled as before.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @FunctionalInterface
    public interface Handler {
        /** Applies one input event inside the given transaction. */
        void handle(Connection transaction, StoredEvent event) throws SQLException;
    }

    private final DataSource dataSource;
    private final String consumerName;
    private final List<String> topics;
    private final Handler handler;
    private final Predicate<String> handles;
    private final Properties props = new Properties();
    private final Inbox inbox = new Inbox();
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private volatile long applied;
    private volatile long duplicates;
    private volatile long passedOver;

    /** A consumer that hands every record to {@code handler}. */
    public EventConsumer(DataSource dataSource, Map<String, Object> kafkaConfig, String consumerName, List<String> topics, Handler handler) {
        this(dataSource, kafkaConfig, consumerName, topics, type -> true, handler);
    }

    /** A consumer that hands {@code handler} only the records whose event type is in {@code eventTypes}. */
    public EventConsumer(DataSource dataSource, Map<String, Object> kafkaConfig, String consumerName, List<String> topics,
                         Set<String> eventTypes, Handler handler) {
        this(dataSource, kafkaConfig, consumerName, topics, Set.copyOf(eventTypes)::contains, handler);
    }

    private EventConsumer(DataSource dataSource, Map<String, Object> kafkaConfig, String consumerName, List<String> topics,
                          Predicate<String> handles, Handler handler) {
        this.dataSource = dataSource;
        this.consumerName = consumerName;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.handles = handles;
        props.putAll(kafkaConfig);
        props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, consumerName);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(topics);
        thread = Thread.ofPlatform().name("event-consumer-" + consumerName).daemon(true).start(this::loop);
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                        if (!handled(r)) {
                            passedOver++;
                        } else if (!processWithRetry(r)) {
                            return;
                        }
                        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    }
                }
                consumer.commitSync(done);
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.errorf(e, "consumer %s woken up unexpectedly", consumerName);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped on an unexpected error", consumerName);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean processWithRetry(ConsumerRecord<String, byte[]> record) {
        long backoffMs = 100;
        while (running) {
            try {
                process(record);
                return true;
            } catch (RuntimeException e) {
                LOG.errorf(e, "consumer %s: applying %s-%d@%d failed, nothing was applied; retrying in %d ms",
                        consumerName, record.topic(), record.partition(), record.offset(), backoffMs);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
        return false;
    }

    private boolean handled(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(KafkaEnvelope.EVENT_TYPE);
        return type == null || handles.test(new String(type.value(), StandardCharsets.UTF_8));
    }

    /** Applies one record once: returns false (and does nothing) when its event id is already in the inbox. */
    public boolean process(ConsumerRecord<String, byte[]> record) {
        StoredEvent event = KafkaEnvelope.event(record);
        boolean fresh = Transactions.inTransaction(dataSource, c -> {
            if (!inbox.tryRecord(c, consumerName, event.eventId())) {
                return false;
            }
            handler.handle(c, event);
            return true;
        });
        if (fresh) {
            applied++;
        } else {
            duplicates++;
            LOG.debugf("consumer %s: %s already processed, ignored", consumerName, event.describe());
        }
        return fresh;
    }

    public long appliedCount() {
        return applied;
    }

    public long duplicateCount() {
        return duplicates;
    }

    /** Records passed over because their event type is not one this consumer handles. */
    public long passedOverCount() {
        return passedOver;
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
