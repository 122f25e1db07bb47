package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider.EpochRejection;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultPart;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * On {@code EpochEnded(e)}: score every bonded node over the window ending at the epoch's end and append, in the
 * consumer's transaction (with its inbox record), the domain result and the integration
 * {@code EpochPerformanceComputed}, both caused by the input event. The epoch's stream is written once (expected
 * version 0), so a second EpochEnded for e — a duplicate, or another instance — changes nothing.
 */
@ApplicationScoped
public class EpochPerformanceHandler {

    private static final Logger LOG = Logger.getLogger(EpochPerformanceHandler.class);

    private final PerformanceApplication app;

    public EpochPerformanceHandler(PerformanceApplication app) {
        this.app = app;
    }

    public void onEpochEnded(Connection c, String consumer, UUID inputEventId, EpochEnded ended) throws SQLException {
        String stream = PerformanceEvents.epochStream(ended.epochId());
        if (app.store().streamVersion(c, stream) > 0) {
            LOG.infof("epoch %d: performance already published; EpochEnded %s ignored", ended.epochId(), inputEventId);
            return;
        }
        app.follower().catchUp();
        PerformanceConfig config = app.config().scoring().performanceConfig();
        PerformanceState state = app.state();
        var ledger = state.epochLedger();
        PerformanceState.EpochInputs inputs = state.epochInputs(ended.end(), config.window());
        long started = System.nanoTime();
        switch (EpochComputation.decide(ended.epochId(), ended.end(), inputs, ledger, config)) {
            case Decision.Rejected<EpochPerformanceComputed, EpochRejection> r ->
                    LOG.infof("epoch %d: %s", ended.epochId(), r.rejection().message());
            case Decision.Accepted<EpochPerformanceComputed, EpochRejection> a -> {
                EpochPerformanceComputed result = a.events().getFirst();
                EpochPerformancePublished published = new EpochPerformancePublished(ended.epochId(), inputs.position(),
                        EpochComputation.digest(result), result);
                List<NewEvent> events = new ArrayList<>();
                for (EpochPerformanceResultPart part : published.parts(app.config().epochNodesPerEvent())) {
                    events.add(app.codec().encode(derivedId(inputEventId, "result-" + part.part()), part)
                            .causedBy(consumer, inputEventId));
                }
                events.add(app.codec().encode(derivedId(inputEventId, "integration"),
                        EpochComputation.integration(published)).causedBy(consumer, inputEventId));
                app.store().append(c, stream, 0, events);
                long zero = result.nodes().stream().filter(n -> n.performance().isZero()).count();
                LOG.infof("epoch %d: performance of %d bonded nodes computed in %d ms from %d measurements (%d at zero), digest %s",
                        ended.epochId(), result.nodes().size(), (System.nanoTime() - started) / 1_000_000,
                        inputs.measurements().size(), zero, published.stateDigest());
            }
        }
    }

    /** Event ids derived from the input event, so a retried handler appends the same ids. */
    private static UUID derivedId(UUID input, String what) {
        return UUID.nameUUIDFromBytes((input + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
