package net.nym.tokenomics.eventlog.messaging;

import net.nym.tokenomics.eventlog.inbox.Inbox;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Delivers one Kafka record to a service, exactly once in effect: the record's event id is recorded in the
 * {@link Inbox} in the same JDBC transaction as the handler's effect. It is the part of a consumer that does not
 * depend on how records are fetched, so a Quarkus Messaging {@code @Incoming} method (or a test) hands each record to
 * {@link #deliver} and acknowledges it only when that returns: the offset is committed after the effect.
 *
 * <p>A record whose {@code event-type} header names a type the consumer does not handle is passed over at once: no
 * decode, no transaction, no inbox entry. A record without the header is handled.
 *
 * <p>A failing record is retried in place (its transaction rolled back each time, so nothing is half-applied) a
 * bounded number of times with exponential back-off, so a transient database error does not park it; after the last
 * attempt {@link #deliver} throws {@link UndeliverableRecordException} and the caller parks the record (the
 * connector's dead-letter queue) and goes on with the next. While a record is being retried it is reported by
 * {@link #stuck()} for readiness.
 */
public final class InboxDelivery {

    private static final Logger LOG = Logger.getLogger(InboxDelivery.class);

    /** Applies one input event inside the given transaction. */
    @FunctionalInterface
    public interface Handler {
        void handle(Connection transaction, StoredEvent event) throws SQLException;
    }

    /** How often and how patiently a failing record is retried before it is parked. */
    public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
        public Retry {
            if (attempts < 1) {
                throw new IllegalArgumentException("at least one attempt, got " + attempts);
            }
        }
    }

    /** The record being retried: where it is, since when, and the last error. */
    public record Stuck(String consumer, String topic, int partition, long offset, int attempt, String error) {
    }

    private final DataSource dataSource;
    private final String consumerName;
    private final Predicate<String> handles;
    private final Handler handler;
    private final Retry retry;
    private final Inbox inbox = new Inbox();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong passedOver = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicReference<Stuck> stuck = new AtomicReference<>();

    /**
     * @param consumerName the inbox key (and, by convention, the Kafka group id)
     * @param eventTypes   the types handed to {@code handler}; every other type is passed over by its header
     */
    public InboxDelivery(DataSource dataSource, String consumerName, Set<String> eventTypes, Handler handler, Retry retry) {
        this.dataSource = dataSource;
        this.consumerName = consumerName;
        this.handles = Set.copyOf(eventTypes)::contains;
        this.handler = handler;
        this.retry = retry;
    }

    /**
     * Delivers {@code record}: passes it over, applies it, or finds it already applied.
     *
     * @return true when this call applied it
     * @throws UndeliverableRecordException when every attempt failed (nothing of it was applied)
     */
    public boolean deliver(ConsumerRecord<?, byte[]> record) {
        if (!handled(record)) {
            passedOver.incrementAndGet();
            return false;
        }
        long backoffMs = retry.firstBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean fresh = apply(record);
                stuck.set(null);
                return fresh;
            } catch (RuntimeException e) {
                if (attempt >= retry.attempts()) {
                    stuck.set(null);
                    parked.incrementAndGet();
                    LOG.errorf(e, "consumer %s: parking %s-%d@%d (event %s) after %d attempts", consumerName,
                            record.topic(), record.partition(), record.offset(), eventIdOf(record), attempt);
                    throw new UndeliverableRecordException(consumerName, record, attempt, e);
                }
                stuck.set(new Stuck(consumerName, record.topic(), record.partition(), record.offset(), attempt, String.valueOf(e)));
                LOG.warnf(e, "consumer %s: applying %s-%d@%d failed (attempt %d of %d), nothing was applied; retrying in %d ms",
                        consumerName, record.topic(), record.partition(), record.offset(), attempt, retry.attempts(), backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, retry.maxBackoff().toMillis());
            }
        }
    }

    private boolean apply(ConsumerRecord<?, byte[]> record) {
        StoredEvent event = KafkaEnvelope.event(record);
        boolean fresh = Transactions.inTransaction(dataSource, c -> {
            if (!inbox.tryRecord(c, consumerName, event.eventId())) {
                return false;
            }
            handler.handle(c, event);
            return true;
        });
        if (fresh) {
            applied.incrementAndGet();
        } else {
            duplicates.incrementAndGet();
            LOG.debugf("consumer %s: %s already processed, ignored", consumerName, event.describe());
        }
        return fresh;
    }

    private boolean handled(ConsumerRecord<?, byte[]> record) {
        Header type = record.headers().lastHeader(KafkaEnvelope.EVENT_TYPE);
        return type == null || handles.test(new String(type.value(), StandardCharsets.UTF_8));
    }

    static String eventIdOf(ConsumerRecord<?, ?> record) {
        Header id = record.headers().lastHeader(KafkaEnvelope.EVENT_ID);
        return id == null ? "(none)" : new String(id.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a record", e);
        }
    }

    public String consumerName() {
        return consumerName;
    }

    /** The record being retried now, if any (readiness reports it). */
    public Optional<Stuck> stuck() {
        return Optional.ofNullable(stuck.get());
    }

    public long appliedCount() {
        return applied.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    /** Records passed over because their event type is not one this consumer handles. */
    public long passedOverCount() {
        return passedOver.get();
    }

    /** Records given up on after every attempt failed (the caller parks them). */
    public long parkedCount() {
        return parked.get();
    }
}
