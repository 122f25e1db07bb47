package net.nym.tokenomics.eventlog.quarkus;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.inbox.EventConsumer;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's event-log runtime: starts the outbox relay at start-up (when enabled), runs the Kafka consumers a service
 * registers, and stops them at shutdown. Reports both to health and metrics.
 */
@ApplicationScoped
public class EventLogRuntime {

    private static final Logger LOG = Logger.getLogger(EventLogRuntime.class);

    private final DataSource dataSource;
    private final EventLogConfig config;
    private final MeterRegistry meters;
    private final List<EventConsumer> consumers = new ArrayList<>();
    private final Map<String, EventConsumer> consumersByName = new HashMap<>();
    private OutboxRelay relay;

    public EventLogRuntime(DataSource dataSource, EventLogConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            relay = new OutboxRelay(dataSource, kafkaConfig(),
                    new OutboxRelay.Config(config.relayName(), config.topic(), config.relayBatchSize(), config.relayIdlePoll()));
            relay.start();
            meters.gauge("eventlog_relay_published_events", relay, OutboxRelay::publishedCount);
            LOG.infof("event log: relay %s started for topic %s", config.relayName(), config.topic());
        } else {
            LOG.warnf("event log: relay disabled (eventlog.relay-enabled=false); events stay in the database only");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (consumers) {
            consumers.forEach(EventConsumer::close);
            consumers.clear();
        }
        if (relay != null) {
            relay.close();
        }
    }

    /**
     * Starts a consumer whose handler runs in a transaction with the inbox record (see {@link EventConsumer}), for the
     * records of {@code eventTypes} only: the others are passed over without a transaction.
     */
    public EventConsumer startConsumer(String consumerName, List<String> topics, Set<String> eventTypes,
                                       EventConsumer.Handler handler) {
        EventConsumer consumer = new EventConsumer(dataSource, kafkaConfig(), consumerName, topics, eventTypes, handler);
        synchronized (consumers) {
            consumers.add(consumer);
            consumersByName.put(consumerName, consumer);
        }
        consumer.start();
        meters.gauge("eventlog_consumer_applied_events", List.of(io.micrometer.core.instrument.Tag.of("consumer", consumerName)),
                consumer, EventConsumer::appliedCount);
        meters.gauge("eventlog_consumer_passed_over_events", List.of(io.micrometer.core.instrument.Tag.of("consumer", consumerName)),
                consumer, EventConsumer::passedOverCount);
        LOG.infof("event log: consumer %s started on %s for %s", consumerName, topics, new TreeSet<>(eventTypes));
        return consumer;
    }

    public Map<String, Object> kafkaConfig() {
        Map<String, Object> kafka = new HashMap<>(config.kafka());
        kafka.put("bootstrap.servers", config.kafkaBootstrapServers());
        return Map.copyOf(kafka);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EventLogConfig config() {
        return config;
    }

    /** The relay, or null when disabled. */
    public OutboxRelay relay() {
        return relay;
    }

    public Map<String, EventConsumer> consumers() {
        synchronized (consumers) {
            return Map.copyOf(consumersByName);
        }
    }
}
