package net.nym.tokenomics.performance.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.application.EpochPerformanceHandler;
import net.nym.tokenomics.performance.application.RegistryHandler;
import net.nym.tokenomics.performance.application.RewardedSetHandler;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The service's inputs: rewards-service's registry facts ({@code NodeBonded}, {@code NodeUnbonded}) and
 * selection-service's {@code EpochEnded} and {@code RewardedSetSelected}. Every other type on those topics is ignored. Each handler runs in one
 * transaction with the consumer's inbox record, so a redelivery does nothing.
 *
 * <p>The records arrive on two Quarkus Messaging channels, {@value #REGISTRY} and {@value #EPOCHS}
 * (application.properties: topic, group id = inbox key {@code <consumer-prefix>.registry} / {@code .epochs},
 * dead-letter queue). Both start paused and are resumed once their handlers are registered.
 */
@ApplicationScoped
public class InputConsumers {

    static final String REGISTRY = "registry-inputs";
    static final String EPOCHS = "epoch-inputs";

    private final InboxChannels channels;
    private final ChannelRegistry channelRegistry;
    private final RegistryHandler registry;
    private final EpochPerformanceHandler epochs;
    private final RewardedSetHandler rewardedSets;
    private final EventCodec contracts = IntegrationEvents.codec();
    private final String prefix;

    public InputConsumers(InboxChannels channels, ChannelRegistry channelRegistry, RegistryHandler registry,
                          EpochPerformanceHandler epochs, RewardedSetHandler rewardedSets, PerformanceServiceConfig config) {
        this.channels = channels;
        this.channelRegistry = channelRegistry;
        this.registry = registry;
        this.epochs = epochs;
        this.rewardedSets = rewardedSets;
        this.prefix = config.consumerPrefix();
    }

    /**
     * After the fold ({@code PerformanceApplication}, priority 10) and after Quarkus Messaging has wired the channels
     * (priority 1000): only then can they be resumed.
     */
    void onStart(@Observes StartupEvent event) {
        String registryConsumer = prefix + ".registry";
        channels.register(REGISTRY, registryConsumer,
                IntegrationEvents.types(IntegrationEvents.NodeBonded.class, IntegrationEvents.NodeUnbonded.class),
                (c, e) -> onRewardsEvent(registryConsumer, c, e));
        String epochConsumer = prefix + ".epochs";
        channels.register(EPOCHS, epochConsumer,
                IntegrationEvents.types(IntegrationEvents.EpochEnded.class, IntegrationEvents.RewardedSetSelected.class),
                (c, e) -> onSelectionEvent(epochConsumer, c, e));
        channelRegistry.getPausable(REGISTRY).resume();
        channelRegistry.getPausable(EPOCHS).resume();
    }

    @Incoming(REGISTRY)
    @Blocking(ordered = true)
    void consumeRegistry(ConsumerRecord<String, byte[]> record) {
        channels.deliver(REGISTRY, record);
    }

    @Incoming(EPOCHS)
    @Blocking(ordered = true)
    void consumeEpochs(ConsumerRecord<String, byte[]> record) {
        channels.deliver(EPOCHS, record);
    }

    /** Only the filter's types reach here; any other decoded type would be a fault in the filter, never ignored. */
    private void onRewardsEvent(String consumer, Connection c, StoredEvent e) throws SQLException {
        switch (contracts.decode(e)) {
            case IntegrationEvents.NodeBonded b -> registry.onBonded(c, consumer, e.eventId(), b);
            case IntegrationEvents.NodeUnbonded u -> registry.onUnbonded(c, consumer, e.eventId(), u);
            case Object other -> throw unexpected(consumer, e);
        }
    }

    private void onSelectionEvent(String consumer, Connection c, StoredEvent e) throws SQLException {
        switch (contracts.decode(e)) {
            case IntegrationEvents.EpochEnded ended -> epochs.onEpochEnded(c, consumer, e.eventId(), ended);
            case IntegrationEvents.RewardedSetSelected selected -> rewardedSets.onSelected(c, consumer, e.eventId(), selected);
            case Object other -> throw unexpected(consumer, e);
        }
    }

    private static IllegalStateException unexpected(String consumer, StoredEvent e) {
        return new IllegalStateException("consumer " + consumer + " was handed " + e.describe() + ", outside its filter");
    }
}
