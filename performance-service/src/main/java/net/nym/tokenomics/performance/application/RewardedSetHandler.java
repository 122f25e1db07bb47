package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.RewardedSetSelected;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.RewardedSetRecorded;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Copies selection-service's {@code RewardedSetSelected(e)} into this service's log (stream
 * {@code epoch-{e}-rewarded-set}, caused by the input), so the state — and a replay — knows each node's
 * {@code current_role}. One set per epoch: the stream is written once (expected version 0), so a second
 * RewardedSetSelected for e, with another event id, changes nothing.
 */
@ApplicationScoped
public class RewardedSetHandler {

    private static final Logger LOG = Logger.getLogger(RewardedSetHandler.class);

    private final PerformanceApplication app;

    public RewardedSetHandler(PerformanceApplication app) {
        this.app = app;
    }

    public void onSelected(Connection c, String consumer, UUID inputEventId, RewardedSetSelected selected)
            throws SQLException {
        String stream = PerformanceEvents.rewardedSetStream(selected.epochId());
        RewardedSetRecorded recorded = RewardedSetRecorded.of(selected);
        NewEvent e = app.codec().encode(EpochPublisher.derivedId(inputEventId, "rewarded-set"), recorded)
                .causedBy(consumer, inputEventId);
        Decision<Boolean> decision = app.selectionInputs().decideIn(c, stream, state -> state.streamVersion(stream) > 0
                ? Decision.none(false)
                : Decision.accept(List.of(new Decision.Pending(e, recorded)), true));
        if (decision instanceof Decision.Accepted<Boolean> a && !a.result()) {
            LOG.infof("epoch %d: rewarded set already recorded; RewardedSetSelected %s ignored", selected.epochId(),
                    inputEventId);
        }
    }
}
