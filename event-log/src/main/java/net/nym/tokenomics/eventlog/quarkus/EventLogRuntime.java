package net.nym.tokenomics.eventlog.quarkus;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's event-log runtime: starts the outbox relay at start-up (when enabled) and stops it at shutdown; reports
 * it to health and metrics. (The consumers are Quarkus Messaging channels, see {@link InboxChannels}.)
 */
@ApplicationScoped
public class EventLogRuntime {

    private static final Logger LOG = Logger.getLogger(EventLogRuntime.class);

    private final DataSource dataSource;
    private final EventLogConfig config;
    private final MeterRegistry meters;
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
        if (relay != null) {
            relay.close();
        }
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
}
