package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * On {@code EpochEnded(e)}: score every bonded node over the window ending at the epoch's end and append, in the
 * consumer's transaction (with its inbox record), the domain result and the integration
 * {@code EpochPerformanceComputed}, both caused by the input event. The epoch's stream is written once, so a second
 * EpochEnded for e — a duplicate, or another instance — changes nothing.
 */
@ApplicationScoped
public class EpochPerformanceHandler {

    private static final Logger LOG = Logger.getLogger(EpochPerformanceHandler.class);

    private final PerformanceApplication app;

    public EpochPerformanceHandler(PerformanceApplication app) {
        this.app = app;
    }

    public void onEpochEnded(Connection c, String consumer, UUID inputEventId, EpochEnded ended) throws SQLException {
        long started = System.nanoTime();
        EpochPublisher.Outcome outcome = app.epochPublisher().publish(c, app.selectionInputs(), consumer, inputEventId,
                ended);
        if (outcome.published().isEmpty()) {
            LOG.infof("epoch %d: %s; EpochEnded %s ignored", ended.epochId(), outcome.rejection().orElseThrow(),
                    inputEventId);
            return;
        }
        var published = outcome.published().get();
        long zero = published.result().nodes().stream().filter(n -> n.performance().isZero()).count();
        LOG.infof("epoch %d: performance of %d bonded nodes from %d measurements (%d at zero) appended in %d ms "
                        + "(catch-up %d ms, %s; %d bytes), digest %s",
                ended.epochId(), published.result().nodes().size(), outcome.measurements(), zero,
                (System.nanoTime() - started) / 1_000_000, outcome.catchUp() / 1_000_000, outcome.timings(),
                outcome.payloadBytes(), published.stateDigest());
    }
}
