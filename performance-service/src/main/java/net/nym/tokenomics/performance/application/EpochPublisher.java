package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider.EpochRejection;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceLedger;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceHistoryProjection;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultPart;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One epoch's publication inside the caller's transaction, through a command handler: read the inputs from the folded
 * state, compute, digest, encode the parts and the integration event (the decider), and append them to the epoch's
 * stream in one statement (the handler). A plain class
 * (no CDI), so the service's consumer and {@code EpochPublicationBenchmark} run the very same code; every step is
 * timed so the service can log where an epoch's time goes.
 */
public final class EpochPublisher {

    /** Nanoseconds spent per step. */
    public record Timings(long inputs, long compute, long digest, long encode, long append) {
        public long total() {
            return inputs + compute + digest + encode + append;
        }

        @Override
        public String toString() {
            return String.format("inputs %d ms, compute %d ms, digest %d ms, encode %d ms, append %d ms, total %d ms",
                    inputs / 1_000_000, compute / 1_000_000, digest / 1_000_000, encode / 1_000_000, append / 1_000_000,
                    total() / 1_000_000);
        }
    }

    /**
     * What was appended (empty when the epoch was published already or the decider refused), with the input size, the
     * JSON payload size (ASCII, so characters are bytes), the time the handler took to catch the state up and the
     * split of the rest.
     */
    public record Outcome(Optional<EpochPerformancePublished> published, Optional<String> rejection, int measurements,
                          long payloadBytes, long catchUp, Timings timings) { }

    private final EventCodec codec;
    private final PerformanceConfig config;
    private final int nodesPerEvent;

    public EpochPublisher(EventCodec codec, PerformanceConfig config, int nodesPerEvent) {
        this.codec = codec;
        this.config = config;
        this.nodesPerEvent = nodesPerEvent;
    }

    /** When each step of one publication ended, as the decider saw them (nanoseconds). */
    private static final class Steps {
        long started;
        long inputs;
        long computed;
        long digested;
        long encoded;
        int measurements;
        long bytes;
    }

    /**
     * Computes and appends epoch {@code ended.epochId()} through {@code handler}, in the caller's transaction, to the
     * epoch's stream. The stream is written once: when the state has it already, nothing is appended; a stream written
     * meanwhile by anyone else makes the append conflict and the handler decide again.
     */
    public Outcome publish(Connection c, CommandHandler<PerformanceState> handler, String consumer, UUID inputEventId,
                           EpochEnded ended) throws SQLException {
        String stream = PerformanceEvents.epochStream(ended.epochId());
        Steps steps = new Steps();
        long start = System.nanoTime();
        Decision<Optional<EpochPerformancePublished>> decision = handler.decideIn(c, stream,
                state -> decide(state, stream, consumer, inputEventId, ended, steps));
        if (decision instanceof Decision.Accepted<Optional<EpochPerformancePublished>> a && a.result().isPresent()) {
            // the history rows after the append, in its transaction: the decision that was appended is the one written
            PerformanceHistoryProjection.put(c, a.result().get());
        }
        long appended = System.nanoTime();
        Timings timings = steps.encoded == 0
                ? new Timings(steps.inputs - steps.started, Math.max(0, steps.computed - steps.inputs), 0, 0, 0)
                : new Timings(steps.inputs - steps.started, steps.computed - steps.inputs, steps.digested - steps.computed,
                        steps.encoded - steps.digested, appended - steps.encoded);
        long catchUp = steps.started - start;
        return switch (decision) {
            case Decision.Rejected<Optional<EpochPerformancePublished>> r -> new Outcome(Optional.empty(),
                    Optional.of(r.rejection().field() + ": " + r.rejection().reason()), steps.measurements, 0, catchUp, timings);
            case Decision.Accepted<Optional<EpochPerformancePublished>> a -> new Outcome(a.result(),
                    a.result().isEmpty() ? Optional.of("performance already published") : Optional.empty(),
                    steps.measurements, steps.bytes, catchUp, timings);
        };
    }

    private Decision<Optional<EpochPerformancePublished>> decide(PerformanceState state, String stream, String consumer,
                                                                 UUID inputEventId, EpochEnded ended, Steps steps) {
        steps.started = System.nanoTime();
        if (state.streamVersion(stream) > 0) {
            steps.inputs = steps.started;
            return Decision.none(Optional.empty());
        }
        var ledger = state.epochLedger();
        PerformanceState.EpochInputs inputs = state.epochInputs(ended.end(), config.window());
        steps.measurements = inputs.measurementCount();
        steps.inputs = System.nanoTime();
        var decision = EpochComputation.decide(ended.epochId(), ended.end(), inputs, ledger, config);
        steps.computed = System.nanoTime();
        return PerformanceApplication.then(decision, events -> {
            EpochPerformanceComputed result = events.getFirst();
            EpochPerformancePublished published = new EpochPerformancePublished(ended.epochId(), inputs.position(),
                    inputs.eventCount(), EpochComputation.digest(result), result);
            steps.digested = System.nanoTime();
            List<Decision.Pending> pending = new ArrayList<>();
            for (EpochPerformanceResultPart part : published.parts(nodesPerEvent)) {
                pending.add(pending(derivedId(inputEventId, "result-" + part.part()), consumer, inputEventId, part));
            }
            pending.add(pending(derivedId(inputEventId, "integration"), consumer, inputEventId,
                    EpochComputation.integration(published)));
            for (Decision.Pending p : pending) {
                steps.bytes += p.event().payload().length();
            }
            steps.encoded = System.nanoTime();
            return Decision.accept(pending, Optional.of(published));
        });
    }

    private Decision.Pending pending(UUID eventId, String consumer, UUID inputEventId, Object event) {
        return new Decision.Pending(codec.encode(eventId, event).causedBy(consumer, inputEventId), event);
    }

    /**
     * Runs one tiny epoch (one node, one measurement, one probe fact) through the compute, digest and encode steps
     * without appending anything. The first epoch after a start otherwise also pays for loading the classes and
     * building the JSON serialisers of every result type — a few hundred milliseconds on a busy machine.
     */
    public void warmUp() {
        Instant end = Instant.parse("2026-01-01T00:00:00Z");
        var fact = new NodeFact.NodeDescribed(1, end, true, "nym-node", "1.1.0", new NodeRoles(true, true, true), true);
        var inputs = new PerformanceState.EpochInputs(LogPosition.START, 0, List.of(new BondedNode(1, "warm-up")),
                List.of(new Measurement(1, MonitorKind.NODE, "warm-up", end, 99)), SelfDescriptionHistory.of(List.of(fact)),
                ReleaseHistory.of(end, "1.0.0", "1.1.0"));
        var decision = EpochComputation.decide(0, end, inputs, EpochPerformanceLedger.EMPTY, config);
        EpochPerformanceComputed result = ((net.nym.tokenomics.performance.domain.Decision.Accepted<EpochPerformanceComputed,
                EpochRejection>) decision).events().getFirst();
        var published = new EpochPerformancePublished(0, LogPosition.START, 0L, EpochComputation.digest(result), result);
        for (EpochPerformanceResultPart part : published.parts(nodesPerEvent)) {
            codec.encode(UUID.randomUUID(), part);
        }
        codec.encode(UUID.randomUUID(), EpochComputation.integration(published));
    }

    /** Event ids derived from the input event, so a retried handler appends the same ids. */
    static UUID derivedId(UUID input, String what) {
        return UUID.nameUUIDFromBytes((input + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
