package net.nym.tokenomics.simulator.benchmark.year;

import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.performance.application.EpochPublisher;
import net.nym.tokenomics.performance.application.LogFollower;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.PerformanceState;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A year of performance-service history, written through the service's own event-log {@link CommandHandler} (the one
 * its consumers decide with, {@link PerformanceApplication#inputHandler}) and its {@link EpochPublisher} (which also
 * writes the performance history rows), with the service's default configuration: {@code nodes} nodes registered as
 * the registry consumer records rewards' {@code NodeBonded} (a third gateways), each described once as the prober
 * records a reachable nym-node; then per hourly epoch two network monitors' signed-and-accepted submissions of every
 * node (reliability 80..100), the epoch's rewarded set as the selection consumer records it (50 entry, 70 exit, 120
 * mixnodes), and the publication that selection's {@code EpochEnded} triggers. Monitor signatures are not made here:
 * the events are those {@code MonitorSubmissions} appends once a signature has been verified.
 */
final class PerformanceYear {

    static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CONSUMER = "year-benchmark";

    private final DataSource dataSource;
    private final Random random;
    private final EventCodec codec = PerformanceEvents.codec();
    private final EventStore store = new EventStore();
    private final LogFollower follower;
    private final CommandHandler<PerformanceState> handler;
    private final EpochPublisher publisher;
    private final List<Long> gateways = new ArrayList<>();
    private final List<Long> mixnodes = new ArrayList<>();
    private int nodes;
    private String lastDigest = "";

    PerformanceYear(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.random = new Random(seed);
        PerformanceServiceConfig config = ConfigDefaults.of(PerformanceServiceConfig.class);
        PerformanceState empty = new PerformanceState(config.retention(), config.submission().replayRetention(),
                config.retainedEpochs());
        // snapshots as the packaged service takes them (eventlog.snapshot.every's default), so a start finds one
        this.follower = new LogFollower(dataSource, empty, LogFollower.snapshots(dataSource, empty, 1_000));
        follower.startUp();
        this.handler = PerformanceApplication.inputHandler("year performance inputs", store, dataSource, follower);
        this.publisher = new EpochPublisher(codec, config.scoring().performanceConfig(), config.epochNodesPerEvent());
    }

    /** Registers {@code count} nodes (ids 1…n) and records each one's self-description. */
    void register(int count) {
        nodes = count;
        for (long id = 1; id <= count; id++) {
            boolean gateway = id % 3 == 0;
            (gateway ? gateways : mixnodes).add(id);
            IntegrationEvents.NodeBonded bonded = new IntegrationEvents.NodeBonded(id, "n1yearowner" + id, "ident" + id,
                    "node" + id + ".example", 8080, new IntegrationEvents.NodeRoles(!gateway, gateway, gateway),
                    net.nym.tokenomics.eventlog.decimal.Unym.of(100_000_000L), 0);
            append(PerformanceEvents.REGISTRY_STREAM, PerformanceEvents.NodeRegistered.of(bonded));
            append(PerformanceEvents.selfDescriptionStream(id), new NodeFact.NodeDescribed(id, GENESIS, true, "nym-node",
                    "1.2.0", new NodeRoles(!gateway, gateway, gateway), true));
        }
    }

    /** The submissions, rewarded set and publication of epoch {@code e}; the log position after it. */
    long epoch(long e) {
        Instant start = GENESIS.plus(Duration.ofHours(e));
        Instant end = start.plus(Duration.ofHours(1));
        for (String signer : List.of("year-monitor-a", "year-monitor-b")) {
            List<MonitorResult> results = new ArrayList<>(nodes);
            for (long id = 1; id <= nodes; id++) {
                results.add(new MonitorResult(id, "ident" + id, 80 + random.nextInt(21)));
            }
            Instant at = end.minusSeconds(signer.endsWith("a") ? 1_200 : 600);
            append(PerformanceEvents.submissionStream(MonitorKind.NODE, signer),
                    new MonitoringResultsRecorded(MonitorKind.NODE, signer, at.getEpochSecond(), at, results));
        }
        List<Long> gw = shuffled(gateways);
        List<Long> mix = shuffled(mixnodes);
        append(PerformanceEvents.rewardedSetStream(e), PerformanceEvents.RewardedSetRecorded.of(
                new IntegrationEvents.RewardedSetSelected(e, sorted(gw.subList(0, 50)), sorted(gw.subList(50, 120)),
                        sorted(mix.subList(0, 40)), sorted(mix.subList(40, 80)), sorted(mix.subList(80, 120)), List.of(),
                        "year-seed-" + e, "year-proof-" + e)));
        EpochPublisher.Outcome outcome = Transactions.inTransaction(dataSource, c -> publisher.publish(c, handler, CONSUMER,
                UUID.randomUUID(), new IntegrationEvents.EpochEnded(e, e / 720, (int) (e % 720), start, end, false)));
        if (outcome.published().isEmpty()) {
            throw new IllegalStateException("epoch " + e + " was not published: " + outcome.rejection().orElse("?"));
        }
        lastDigest = outcome.published().get().stateDigest();
        follower.catchUp();
        return follower.state().position().globalPosition();
    }

    /** The state digest published with the last epoch. */
    String lastDigest() {
        return lastDigest;
    }

    private void append(String stream, Object event) {
        Decision.Pending pending = new Decision.Pending(codec.encode(UUID.randomUUID(), event), event);
        Transactions.inTransaction(dataSource, c -> handler.decideIn(c, stream, state -> Decision.accept(List.of(pending), null)));
    }

    private List<Long> shuffled(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<Long> sorted(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return copy;
    }
}
