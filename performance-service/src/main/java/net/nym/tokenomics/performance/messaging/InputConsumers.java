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
import java.util.Set;

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
                Set.of(IntegrationEvents.NodeBonded.TYPE, IntegrationEvents.NodeUnbonded.TYPE),
                (c, e) -> onRewardsEvent(registryConsumer, c, e));
        String epochConsumer = prefix + ".epochs";
        runtime.startConsumer(epochConsumer, List.of(selectionTopic),
                Set.of(IntegrationEvents.EpochEnded.TYPE, IntegrationEvents.RewardedSetSelected.TYPE),
                (c, e) -> onSelectionEvent(epochConsumer, c, e));
    }

    private void onRewardsEvent(String consumer, Connection c, StoredEvent e) throws SQLException {
        if (!contracts.knows(e.eventType())) {
            return;
        }
        switch (contracts.decode(e)) {
            case IntegrationEvents.NodeBonded b -> registry.onBonded(c, consumer, e.eventId(), b);
            case IntegrationEvents.NodeUnbonded u -> registry.onUnbonded(c, consumer, e.eventId(), u);
            default -> { }
        }
    }

    private void onSelectionEvent(String consumer, Connection c, StoredEvent e) throws SQLException {
        if (IntegrationEvents.EpochEnded.TYPE.equals(e.eventType())) {
            epochs.onEpochEnded(c, consumer, e.eventId(), contracts.decode(e, IntegrationEvents.EpochEnded.class));
        } else if (IntegrationEvents.RewardedSetSelected.TYPE.equals(e.eventType())) {
            rewardedSets.onSelected(c, consumer, e.eventId(), contracts.decode(e, IntegrationEvents.RewardedSetSelected.class));
        }
    }
}
