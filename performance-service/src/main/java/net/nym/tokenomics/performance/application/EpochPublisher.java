package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;
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
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultColumns;
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
 * One epoch's publication inside the caller's transaction: read the inputs from the folded state, compute, digest,
 * encode the parts and the integration event, and append them to the epoch's stream in one statement. A plain class
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
     * What was appended (empty when the decider refused), with the input size, the JSON payload size (ASCII, so
     * characters are bytes) and the split.
     */
    public record Outcome(Optional<EpochPerformancePublished> published, Optional<String> rejection, int measurements,
                          long payloadBytes, Timings timings) { }

    private final EventStore store;
    private final EventCodec codec;
    private final PerformanceConfig config;
    private final int nodesPerEvent;

    public EpochPublisher(EventStore store, EventCodec codec, PerformanceConfig config, int nodesPerEvent) {
        this.store = store;
        this.codec = codec;
        this.config = config;
        this.nodesPerEvent = nodesPerEvent;
    }

    /**
     * Computes and appends epoch {@code ended.epochId()} from {@code state} (expected version 0: a stream written by
     * anyone else makes the append fail and the caller's transaction roll back).
     */
    public Outcome publish(Connection c, PerformanceState state, String consumer, UUID inputEventId, EpochEnded ended)
            throws SQLException {
        long t0 = System.nanoTime();
        var ledger = state.epochLedger();
        PerformanceState.EpochInputs inputs = state.epochInputs(ended.end(), config.window());
        long t1 = System.nanoTime();
        var decision = EpochComputation.decide(ended.epochId(), ended.end(), inputs, ledger, config);
        long t2 = System.nanoTime();
        if (decision instanceof Decision.Rejected<EpochPerformanceComputed, EpochRejection> r) {
            return new Outcome(Optional.empty(), Optional.of(r.rejection().message()), inputs.measurementCount(), 0,
                    new Timings(t1 - t0, t2 - t1, 0, 0, 0));
        }
        EpochPerformanceComputed result = ((Decision.Accepted<EpochPerformanceComputed, EpochRejection>) decision)
                .events().getFirst();
        EpochPerformancePublished published = new EpochPerformancePublished(ended.epochId(), inputs.position(),
                inputs.eventCount(), EpochComputation.digest(result), result);
        long t3 = System.nanoTime();
        List<NewEvent> events = new ArrayList<>();
        for (EpochPerformanceResultPart part : published.parts(nodesPerEvent)) {
            events.add(codec.encode(derivedId(inputEventId, "result-" + part.part()), EpochPerformanceResultColumns.of(part))
                    .causedBy(consumer, inputEventId));
        }
        events.add(codec.encode(derivedId(inputEventId, "integration"), EpochComputation.integration(published))
                .causedBy(consumer, inputEventId));
        long bytes = 0;
        for (NewEvent e : events) {
            bytes += e.payload().length();
        }
        long t4 = System.nanoTime();
        store.append(c, PerformanceEvents.epochStream(ended.epochId()), 0, events);
        long t5 = System.nanoTime();
        return new Outcome(Optional.of(published), Optional.empty(), inputs.measurementCount(), bytes,
                new Timings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4));
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
        EpochPerformanceComputed result = ((Decision.Accepted<EpochPerformanceComputed, EpochRejection>) decision)
                .events().getFirst();
        var published = new EpochPerformancePublished(0, LogPosition.START, 0L, EpochComputation.digest(result), result);
        for (EpochPerformanceResultPart part : published.parts(nodesPerEvent)) {
            codec.encode(UUID.randomUUID(), EpochPerformanceResultColumns.of(part));
        }
        codec.encode(UUID.randomUUID(), EpochComputation.integration(published));
    }

    /** Event ids derived from the input event, so a retried handler appends the same ids. */
    static UUID derivedId(UUID input, String what) {
        return UUID.nameUUIDFromBytes((input + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
