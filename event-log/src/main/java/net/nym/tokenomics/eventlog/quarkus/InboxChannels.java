package net.nym.tokenomics.eventlog.quarkus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.messaging.InboxDelivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared consume path of a service's Quarkus Messaging channels: a service's {@code @Incoming} method (blocking,
 * ordered) hands each record to {@link #deliver}, which runs the channel's {@link InboxDelivery} (type filter, inbox +
 * effect in one JDBC transaction, bounded retry). The connector acknowledges the record when {@link #deliver}
 * returns, so the offset is committed after the effect, and sends it to the channel's dead-letter queue when it
 * throws. Reports each channel to metrics and readiness ({@link EventLogHealth}).
 */
@ApplicationScoped
public class InboxChannels {

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Map<String, InboxDelivery> byChannel = new ConcurrentHashMap<>();

    public InboxChannels(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.meters = meters;
    }

    /**
     * Declares a channel: its records are applied under the inbox key {@code consumerName} (by convention the channel's
     * Kafka group id), the types in {@code eventTypes} by {@code handler}, every other type passed over.
     */
    public InboxDelivery register(String channel, String consumerName, Set<String> eventTypes, InboxDelivery.Handler handler) {
        InboxDelivery delivery = new InboxDelivery(dataSource, consumerName, eventTypes, handler, InboxDelivery.Retry.DEFAULT);
        if (byChannel.putIfAbsent(channel, delivery) != null) {
            throw new IllegalStateException("channel " + channel + " registered twice");
        }
        List<Tag> tags = List.of(Tag.of("consumer", consumerName), Tag.of("channel", channel));
        meters.gauge("eventlog_consumer_applied_events", tags, delivery, InboxDelivery::appliedCount);
        meters.gauge("eventlog_consumer_passed_over_events", tags, delivery, InboxDelivery::passedOverCount);
        meters.gauge("eventlog_consumer_parked_events", tags, delivery, InboxDelivery::parkedCount);
        return delivery;
    }

    /**
     * Delivers one record of {@code channel}.
     *
     * @throws net.nym.tokenomics.eventlog.messaging.UndeliverableRecordException when every attempt failed: the
     *         connector parks the record on the channel's dead-letter queue and goes on
     */
    public void deliver(String channel, ConsumerRecord<?, byte[]> record) {
        InboxDelivery delivery = byChannel.get(channel);
        if (delivery == null) {
            throw new IllegalStateException("channel " + channel + " has no registered delivery");
        }
        delivery.deliver(record);
    }

    /** Every registered channel's delivery, by channel name. */
    public Map<String, InboxDelivery> channels() {
        return Map.copyOf(byChannel);
    }
}
