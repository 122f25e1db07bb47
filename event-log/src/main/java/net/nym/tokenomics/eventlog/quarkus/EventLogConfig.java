package net.nym.tokenomics.eventlog.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code eventlog.*}: where a service publishes its log and how its relay runs. */
@ConfigMapping(prefix = "eventlog")
public interface EventLogConfig {

    /** The service's own topic (its whole log), e.g. nym.rewards.events. */
    String topic();

    /** Relay name: the checkpoint key and the advisory-lock name. */
    String relayName();

    @WithDefault("true")
    boolean relayEnabled();

    /**
     * Events per relay batch (read, sent, acknowledged, checkpointed); a batch also ends at
     * {@code OutboxRelay.MAX_BATCH_PAYLOAD_CHARS} of payload. 5,000: rewards-service's closing of epoch 0 appends about
     * 100,000 events in one transaction (docs/benchmarks.md, the epoch-0 cliff).
     */
    @WithDefault("5000")
    int relayBatchSize();

    @WithDefault("PT0.02S")
    Duration relayIdlePoll();

    /** Kafka bootstrap servers for the relay and the consumers. */
    @WithDefault("127.0.0.1:9092")
    String kafkaBootstrapServers();

    /**
     * Further Kafka client properties for the relay and the consumers, e.g. {@code eventlog.kafka."security.protocol"=SASL_SSL}
     * and the SASL settings a cluster's per-service user needs.
     */
    java.util.Map<String, String> kafka();

    /** {@code eventlog.snapshot.*}: snapshots of the service's fold (docs/adr/0011). */
    Snapshot snapshot();

    interface Snapshot {
        /** A snapshot of the fold every this many events; 0: none is taken or read. */
        @WithDefault("1000")
        long every();
    }

    /** How a consumer channel retries a failing record before it parks it (ADR 0010). */
    Consumer consumer();

    /** {@code eventlog.consumer.*}: 5 attempts, back-off from 100 ms doubling to at most 5 s. */
    interface Consumer {
        @WithDefault("5")
        int attempts();

        @WithDefault("PT0.1S")
        Duration firstBackoff();

        @WithDefault("PT5S")
        Duration maxBackoff();
    }
}
