package net.nym.tokenomics.performance;

import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.performance.application.EpochPublisher;
import net.nym.tokenomics.performance.application.LogFollower;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.PerformanceState;
import net.nym.tokenomics.performance.application.PerformanceStateCodec;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Not a test: start-up of the performance state (the {@link LogFollower}'s {@code startUp}) from a snapshot against
 * the whole fold, on a log written through the service's own command handler and {@link EpochPublisher}: {@code nodes}
 * registered and probed nodes (default 200), then {@code epochs} hourly epochs (default 750), each with two monitors'
 * submissions of every node and its published result; the writer's follower snapshots every {@code every} events
 * (default 1,000). States retain {@code retained} epochs' results (default 24, the service's). Each start-up runs
 * three times in this JVM. Prints the snapshot's size by part (which parts grow with the log) and the codec's times.
 * Run: {@code java -cp <test classpath> net.nym.tokenomics.performance.StartupSnapshotBenchmark [epochs] [nodes]
 * [every] [retained]}.
 */
public final class StartupSnapshotBenchmark {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(48);
    private static final Duration REPLAY_RETENTION = Duration.ofHours(1);

    private StartupSnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 750;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long every = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
        int retained = args.length > 3 ? Integer.parseInt(args[3]) : 24;
        DataSource ds = LocalInfra.freshSchema("perfstart");
        createHistoryTable(ds);
        EventCodec codec = PerformanceEvents.codec();
        EventStore store = new EventStore();

        long t = System.nanoTime();
        LogFollower writer = follower(ds, every, retained);
        writer.startUp();
        var handler = PerformanceApplication.inputHandler("bench", store, ds, writer);
        List<Decision.Pending> registry = new ArrayList<>();
        for (long id = 1; id <= nodes; id++) {
            registry.add(pending(codec, new PerformanceEvents.NodeRegistered(id, "identity-" + id, "10.0.0.1", 8080,
                    true, id % 3 == 0, id % 5 == 0, 1)));
        }
        append(ds, handler, PerformanceEvents.REGISTRY_STREAM, registry);
        for (long id = 1; id <= nodes; id++) {
            append(ds, handler, PerformanceEvents.selfDescriptionStream(id), List.of(pending(codec,
                    new NodeFact.NodeDescribed(id, T0, true, "nym-node", "1.2.0", new NodeRoles(true, false, false), true))));
        }
        EpochPublisher publisher = new EpochPublisher(codec, PerformanceConfig.DEFAULT, 1000);
        for (int e = 0; e < epochs; e++) {
            Instant end = T0.plus(Duration.ofHours(e + 1));
            for (String signer : List.of("monitor-a", "monitor-b")) {
                List<MonitorResult> results = new ArrayList<>(nodes);
                for (long id = 1; id <= nodes; id++) {
                    results.add(new MonitorResult(id, "identity-" + id, (int) (50 + (id * 7 + e) % 51)));
                }
                Instant at = end.minusSeconds(600);
                append(ds, handler, PerformanceEvents.submissionStream(MonitorKind.NODE, signer), List.of(pending(codec,
                        new MonitoringResultsRecorded(MonitorKind.NODE, signer, at.getEpochSecond(), at, results))));
            }
            long epoch = e;
            Transactions.inTransaction(ds, c -> publisher.publish(c, handler, "bench", UUID.randomUUID(),
                    new EpochEnded(epoch, 1, (int) (epoch % 720), end.minus(Duration.ofHours(1)), end, false)));
            writer.catchUp();
        }
        // other transactions on the server can hold the high-water mark back for a moment: fold the whole log first
        long events = Transactions.inTransaction(ds, store::count);
        while (writer.state().appliedEvents() < events) {
            Thread.sleep(100);
            writer.catchUp();
        }
        System.out.printf("log: %d events (%d epochs, %d nodes) written in %d s; snapshot every %d events, %d epochs"
                + " retained%n", events, epochs, nodes, (System.nanoTime() - t) / 1_000_000_000, every, retained);

        for (int run = 1; run <= 3; run++) {
            long whole = startUp(ds, 0, retained, events);
            long fromSnapshot = startUp(ds, every, retained, events);
            System.out.printf("run %d: full fold %d ms, from snapshot %d ms%n", run, whole, fromSnapshot);
        }

        SnapshotStore.Snapshot latest = new SnapshotStore(ds).latest(LogFollower.SNAPSHOTS, PerformanceStateCodec.FORMAT,
                Long.MAX_VALUE).orElseThrow();
        Map<String, Integer> parts = new TreeMap<>();
        Json.mapper().readTree(latest.state()).properties().forEach(p -> parts.put(p.getKey(), p.getValue().toString().length()));
        System.out.printf("snapshot at position %d: %d bytes; by part: %s%n", latest.streamVersion(), latest.state().length,
                parts);
        PerformanceStateCodec stateCodec = new PerformanceStateCodec(RETENTION, REPLAY_RETENTION, retained);
        PerformanceState state = writer.state();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            byte[] bytes = stateCodec.encode(state);
            long t1 = System.nanoTime();
            stateCodec.decode(bytes);
            System.out.printf("codec run %d: %d bytes, encode %.1f ms, decode %.1f ms%n", run, bytes.length,
                    (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        }
        System.exit(0);
    }

    private static LogFollower follower(DataSource ds, long every, int retained) {
        PerformanceState empty = new PerformanceState(RETENTION, REPLAY_RETENTION, retained);
        return new LogFollower(ds, empty, LogFollower.snapshots(ds, empty, every));
    }

    private static long startUp(DataSource ds, long every, int retained, long expectedEvents) {
        long t = System.nanoTime();
        LogFollower f = follower(ds, every, retained);
        f.startUp();
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (f.state().appliedEvents() != expectedEvents) {
            throw new IllegalStateException("folded " + f.state().appliedEvents() + " events, not " + expectedEvents);
        }
        return ms;
    }

    private static Decision.Pending pending(EventCodec codec, Object event) {
        return new Decision.Pending(codec.encode(UUID.randomUUID(), event), event);
    }

    private static void append(DataSource ds, net.nym.tokenomics.eventlog.command.CommandHandler<PerformanceState> handler,
                               String stream, List<Decision.Pending> events) {
        Transactions.inTransaction(ds, c -> handler.decideIn(c, stream, state -> Decision.accept(events, null)));
    }

    /** The service's V101 migration (the performance history the publisher writes), in the fresh schema. */
    private static void createHistoryTable(DataSource ds) throws IOException {
        String sql;
        try (InputStream in = StartupSnapshotBenchmark.class.getResourceAsStream("/db/migration/V101__performance_history.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Transactions.inTransaction(ds, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }
}
