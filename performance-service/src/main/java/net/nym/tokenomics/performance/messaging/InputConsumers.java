package net.nym.tokenomics.performance.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.quarkus.EventLogRuntime;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.application.EpochPerformanceHandler;
import net.nym.tokenomics.performance.application.RegistryHandler;
import net.nym.tokenomics.performance.application.RewardedSetHandler;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The service's inputs: rewards-service's registry facts ({@code NodeBonded}, {@code NodeUnbonded}) and
 * selection-service's {@code EpochEnded} and {@code RewardedSetSelected}. Every other type on those topics is ignored. Each handler runs in one
 * transaction with the consumer's inbox record, so a redelivery does nothing.
 */
@ApplicationScoped
public class InputConsumers {

    private final EventLogRuntime runtime;
    private final RegistryHandler registry;
    private final EpochPerformanceHandler epochs;
    private final RewardedSetHandler rewardedSets;
    private final EventCodec contracts = IntegrationEvents.codec();
    private final String prefix;
    private final String rewardsTopic;
    private final String selectionTopic;

    public InputConsumers(EventLogRuntime runtime, RegistryHandler registry, EpochPerformanceHandler epochs,
                          RewardedSetHandler rewardedSets, PerformanceServiceConfig config,
                          @ConfigProperty(name = "topics.rewards") String rewardsTopic,
                          @ConfigProperty(name = "topics.selection") String selectionTopic) {
        this.runtime = runtime;
        this.registry = registry;
        this.epochs = epochs;
        this.rewardedSets = rewardedSets;
        this.prefix = config.consumerPrefix();
        this.rewardsTopic = rewardsTopic;
        this.selectionTopic = selectionTopic;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        String registryConsumer = prefix + ".registry";
        runtime.startConsumer(registryConsumer, List.of(rewardsTopic),
                IntegrationEvents.types(IntegrationEvents.NodeBonded.class, IntegrationEvents.NodeUnbonded.class),
                (c, e) -> onRewardsEvent(registryConsumer, c, e));
        String epochConsumer = prefix + ".epochs";
        runtime.startConsumer(epochConsumer, List.of(selectionTopic),
                IntegrationEvents.types(IntegrationEvents.EpochEnded.class, IntegrationEvents.RewardedSetSelected.class),
                (c, e) -> onSelectionEvent(epochConsumer, c, e));
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
