package net.nym.tokenomics.eventlog.quarkus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.messaging.InboxDelivery;
import net.nym.tokenomics.eventlog.messaging.ParkedRecords;
import net.nym.tokenomics.eventlog.messaging.UndeliverableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared consume path of a service's Quarkus Messaging channels: a service's {@code @Incoming} method (blocking,
 * ordered) hands each record to {@link #deliver}, which runs the channel's {@link InboxDelivery} (type filter, inbox +
 * effect in one JDBC transaction, bounded retry). The connector acknowledges the record when {@link #deliver}
 * returns, so the offset is committed after the effect, and sends it to the channel's dead-letter queue when it
 * throws. Reports each channel to metrics and readiness ({@link EventLogHealth}), lists the parked records and
 * replays one through the same delivery ({@link #parked}, {@link #replay}).
 *
 * <p>A channel declared {@code initially-paused} can only be resumed after Quarkus Messaging has wired it (its
 * start-up observer has priority 1000): a service registers its channel at the point of its start-up where consuming
 * may begin and resumes it from an observer that runs after that.
 */
@ApplicationScoped
public class InboxChannels {

    private static final Logger LOG = Logger.getLogger(InboxChannels.class);

    /** The outcome of a replay: the channel that applied it, and whether this replay applied it (false: already was). */
    public record Replay(String channel, String eventId, boolean applied) {
    }

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Config config;
    private final ParkedRecords parkedRecords;
    private final InboxDelivery.Retry retry;
    private final Map<String, InboxDelivery> byChannel = new ConcurrentHashMap<>();

    public InboxChannels(DataSource dataSource, MeterRegistry meters, Config config, EventLogRuntime runtime) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.config = config;
        this.parkedRecords = new ParkedRecords(runtime.kafkaConfig());
        EventLogConfig.Consumer consumer = runtime.config().consumer();
        this.retry = new InboxDelivery.Retry(consumer.attempts(), consumer.firstBackoff(), consumer.maxBackoff());
    }

    /**
     * Declares a channel: its records are applied under the inbox key {@code consumerName} (by convention the channel's
     * Kafka group id), the types in {@code eventTypes} by {@code handler}, every other type passed over.
     */
    public InboxDelivery register(String channel, String consumerName, Set<String> eventTypes, InboxDelivery.Handler handler) {
        InboxDelivery delivery = new InboxDelivery(dataSource, consumerName, eventTypes, handler, retry);
        if (byChannel.putIfAbsent(channel, delivery) != null) {
            throw new IllegalStateException("channel " + channel + " registered twice");
        }
        List<Tag> tags = List.of(Tag.of("consumer", consumerName), Tag.of("channel", channel));
        meters.gauge("eventlog_consumer_applied_events", tags, delivery, InboxDelivery::appliedCount);
        meters.gauge("eventlog_consumer_passed_over_events", tags, delivery, InboxDelivery::passedOverCount);
        meters.gauge("eventlog_consumer_parked_events", tags, delivery, InboxDelivery::parkedCount);
        LOG.infof("event log: channel %s (consumer %s) on %s for %s, parking on %s", channel, consumerName,
                topicsOf(channel), new TreeSet<>(eventTypes), deadLetterTopicOf(channel).orElse("(none)"));
        return delivery;
    }

    /**
     * Delivers one record of {@code channel}.
     *
     * @throws UndeliverableRecordException when every attempt failed: the connector parks the record on the channel's
     *         dead-letter queue and goes on
     */
    public void deliver(String channel, ConsumerRecord<?, byte[]> record) {
        delivery(channel).deliver(record);
    }

    /** Every registered channel's delivery, by channel name. */
    public Map<String, InboxDelivery> channels() {
        return Map.copyOf(byChannel);
    }

    /** The records this service's channels parked, read from their dead-letter topics. */
    public List<ParkedRecords.Parked> parked() {
        return deadLetterTopics().stream().flatMap(t -> parkedRecords.readAll(t).stream()).map(ParkedRecords::describe).toList();
    }

    /**
     * Re-feeds the record parked at {@code dlqTopic}/{@code partition}/{@code offset} through the delivery of the
     * channel that consumes its original topic: applied exactly once (its event id goes into the inbox with the
     * effect), so a second replay applies nothing. The dead-letter record itself stays where it is.
     *
     * @return empty when no such parked record exists
     * @throws RejectedException (conflict) when the record fails again
     */
    public Optional<Replay> replay(String dlqTopic, int partition, long offset) {
        if (!deadLetterTopics().contains(dlqTopic)) {
            return Optional.empty();
        }
        return parkedRecords.find(dlqTopic, partition, offset).map(parked -> {
            ConsumerRecord<String, byte[]> original = ParkedRecords.original(parked);
            String channel = byChannel.keySet().stream()
                    .filter(c -> deadLetterTopicOf(c).filter(dlqTopic::equals).isPresent()
                            && topicsOf(c).contains(original.topic()))
                    .sorted().findFirst()
                    .orElseThrow(() -> RejectedException.of(ErrorKind.CONFLICT, "no_channel", "topic",
                            "no channel of this service consumes " + original.topic()));
            ParkedRecords.Parked where = ParkedRecords.describe(parked);
            try {
                boolean applied = delivery(channel).deliver(original);
                LOG.infof("channel %s: replayed parked %s-%d@%d (event %s, from %s-%d@%d): %s", channel, dlqTopic,
                        partition, offset, where.eventId(), where.topic(), where.partition(), where.offset(),
                        applied ? "applied" : "already applied");
                return new Replay(channel, where.eventId(), applied);
            } catch (UndeliverableRecordException e) {
                throw RejectedException.of(ErrorKind.CONFLICT, "replay_failed", "record", e.getMessage());
            }
        });
    }

    private InboxDelivery delivery(String channel) {
        InboxDelivery delivery = byChannel.get(channel);
        if (delivery == null) {
            throw new IllegalStateException("channel " + channel + " has no registered delivery");
        }
        return delivery;
    }

    private List<String> deadLetterTopics() {
        return byChannel.keySet().stream().map(this::deadLetterTopicOf).flatMap(Optional::stream).distinct().sorted().toList();
    }

    private Optional<String> deadLetterTopicOf(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
    }

    private List<String> topicsOf(String channel) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        String topics = config.getOptionalValue(prefix + "topics", String.class)
                .or(() -> config.getOptionalValue(prefix + "topic", String.class)).orElse(channel);
        return Arrays.stream(topics.split(",")).map(String::strip).toList();
    }
}
