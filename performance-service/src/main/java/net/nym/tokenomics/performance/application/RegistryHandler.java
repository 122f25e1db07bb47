package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeBonded;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeUnbonded;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeDeregistered;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Copies rewards-service's registry facts into this service's log (stream {@code node-registry}), so the state —
 * and a replay — knows which nodes were bonded, with which identity and host, at every point of the log. The registry
 * consumer is the stream's only writer and its inbox makes it run once per input; a concurrent writer would still
 * get a version conflict and a retry.
 */
@ApplicationScoped
public class RegistryHandler {

    private final PerformanceApplication app;

    public RegistryHandler(PerformanceApplication app) {
        this.app = app;
    }

    public void onBonded(Connection c, String consumer, UUID inputEventId, NodeBonded bonded) throws SQLException {
        append(c, consumer, inputEventId, NodeRegistered.of(bonded));
    }

    public void onUnbonded(Connection c, String consumer, UUID inputEventId, NodeUnbonded unbonded) throws SQLException {
        append(c, consumer, inputEventId, new NodeDeregistered(unbonded.nodeId(), unbonded.unbondedInEpoch()));
    }

    private void append(Connection c, String consumer, UUID inputEventId, Object event) throws SQLException {
        NewEvent e = app.codec().encode(EpochPublisher.derivedId(inputEventId, "registry"), event)
                .causedBy(consumer, inputEventId);
        app.registryInputs().decideIn(c, PerformanceEvents.REGISTRY_STREAM,
                state -> Decision.accept(List.of(new Decision.Pending(e, event)), null));
    }
}
