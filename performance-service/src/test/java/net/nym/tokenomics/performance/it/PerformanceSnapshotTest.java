package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LogLines;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.application.EpochComputation;
import net.nym.tokenomics.performance.application.LogFollower;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.PerformanceState;
import net.nym.tokenomics.performance.application.PerformanceStateCodec;
import net.nym.tokenomics.performance.application.ReplayCheck;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider.EpochRejection;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots of the performance state (docs/adr/0011) against the real PostgreSQL and Kafka: a follower restarted on
 * the service's log from a snapshot reaches the state, the published epochs' results and digests, and the next
 * epoch's result, of a full fold; a corrupted snapshot is ignored with a WARN, and so are snapshots that cannot be read
 * or saved; the replay check never reads one.
 * The running service takes none in tests ({@code %test.eventlog.snapshot.every=0}): this test's followers do.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class PerformanceSnapshotTest {

    private static final String ADMIN = TestJwt.bearer("n1admin", "admin");

    @Inject
    PerformanceApplication app;

    @Inject
    ReplayCheck replayCheck;

    private final LogLines logged = new LogLines(LogFollower.class);

    @BeforeEach
    void record() {
        logged.start();
    }

    @AfterEach
    void stopRecording() {
        logged.stop();
    }

    /** A follower of the service's log starting from nothing, with snapshots every {@code every} events (0: none). */
    private LogFollower follower(long every) {
        PerformanceState empty = app.newState();
        return new LogFollower(app.dataSource(), empty, LogFollower.snapshots(app.dataSource(), empty, every));
    }

    private void sql(String statement) {
        Transactions.inTransaction(app.dataSource(), c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Probed nodes, a submission, and a published epoch: events of every kind the state folds. */
    private long epochOfNewNodes() throws Exception {
        EpochPerformanceTest.ensureReleases();
        long up = Fixtures.freshNodeId();
        long down = Fixtures.freshNodeId();
        try (NodeStub node = NodeStub.start("nym-node", "1.2.0", true)) {
            Map<Long, Integer> ports = new LinkedHashMap<>();
            ports.put(up, node.port());
            ports.put(down, NodeStub.closedPort());
            Fixtures.bond("127.0.0.1", ports);
            given().header("Authorization", ADMIN).post("/v1/admin/probe").then().statusCode(200);
        }
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED,
                List.of(Fixtures.result(up, 90), Fixtures.result(down, 40)), Fixtures.nextTimestamp())).then().statusCode(200);
        long epoch = Fixtures.freshEpoch();
        Instant end = Instant.now().plusSeconds(60);
        Fixtures.produce("selection", UUID.randomUUID(), new EpochEnded(epoch, 1, (int) (epoch % 720),
                end.minus(Duration.ofHours(1)), end, false));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> app.state().epoch(epoch).isPresent());
        return epoch;
    }

    /** A log with a snapshot taken after one published epoch, then another epoch after it. */
    private SnapshotStore.Snapshot logWithASnapshotAndEventsAfterIt() throws Exception {
        sql("DELETE FROM snapshot");
        epochOfNewNodes();
        LogFollower first = follower(1);
        first.startUp();
        SnapshotStore.Snapshot taken = new SnapshotStore(app.dataSource())
                .latest(LogFollower.SNAPSHOTS, "performance-state/1", Long.MAX_VALUE).orElseThrow();
        assertThat(taken.streamVersion()).isEqualTo(first.state().position().globalPosition());
        assertThat(taken.lastEventId()).isEqualTo(first.state().lastEventId());
        epochOfNewNodes();
        logged.clear();
        return taken;
    }

    /** Starts {@code restarted} and a full fold, both caught up to the same log position. */
    private static PerformanceState[] startBoth(LogFollower restarted, LogFollower whole) {
        restarted.startUp();
        whole.startUp();
        // nothing writes meanwhile in this test class; catch both up to the same prefix all the same
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            restarted.catchUp();
            whole.catchUp();
            return restarted.state().position().equals(whole.state().position());
        });
        return new PerformanceState[] {restarted.state(), whole.state()};
    }

    /** The published results by epoch with their digests, and the state's contents by what the queries return. */
    private static Map<String, Object> contents(PerformanceState s) {
        Map<String, Object> c = new TreeMap<>();
        c.put("position", s.position());
        c.put("events", s.appliedEvents());
        c.put("last event", s.lastEventId());
        c.put("bonded", s.bondedRegistrations());
        c.put("submissions", s.submissions().recentKeys());
        c.put("releases", s.releases());
        c.put("rewarded set", s.rewardedSet());
        c.put("epochs", s.epochs());
        c.put("computed", s.epochLedger());
        Map<Long, Object> facts = new TreeMap<>();
        s.bondedNodes().keySet().forEach(id -> facts.put(id, s.selfDescriptions(id)));
        c.put("facts", facts);
        return c;
    }

    private PerformanceStateCodec codec() {
        return new PerformanceStateCodec(app.config().retention(), app.config().submission().replayRetention(),
                app.config().retainedEpochs());
    }

    /** The state digest: SHA-256 of the snapshot encoding (everything but the position and the epochs' results). */
    private String digest(PerformanceState s) {
        return StateDigest.sha256Hex(codec().encode(s));
    }

    private EpochPerformanceComputed next(PerformanceState s, long epoch, Instant end) {
        PerformanceConfig config = app.config().scoring().performanceConfig();
        Decision<EpochPerformanceComputed, EpochRejection> d = EpochComputation.decide(epoch, end,
                s.epochInputs(end, config.window()), s.epochLedger(), config);
        return ((Decision.Accepted<EpochPerformanceComputed, EpochRejection>) d).events().getFirst();
    }

    @Test
    void aRestartFromASnapshotReachesTheStateDigestsAndNextEpochOfTheFullFold() throws Exception {
        SnapshotStore.Snapshot taken = logWithASnapshotAndEventsAfterIt();
        PerformanceState[] both = startBoth(follower(1_000_000), follower(0));
        PerformanceState fromSnapshot = both[0];
        PerformanceState whole = both[1];

        assertThat(contents(fromSnapshot)).isEqualTo(contents(whole));
        assertThat(digest(fromSnapshot)).isEqualTo(digest(whole));
        // the published epochs' digests, as the live service holds them
        Map<Long, String> digests = new TreeMap<>();
        whole.epochs().forEach((e, p) -> digests.put(e, p.stateDigest()));
        Map<Long, String> restoredDigests = new TreeMap<>();
        fromSnapshot.epochs().forEach((e, p) -> restoredDigests.put(e, p.stateDigest()));
        assertThat(restoredDigests).isEqualTo(digests).isNotEmpty();
        for (EpochPerformancePublished live : app.state().epochsNewestFirst()) {
            assertThat(restoredDigests).containsEntry(live.epoch(), live.stateDigest());
        }
        // the next epoch computed on each is the same, digest and all
        long epoch = Fixtures.freshEpoch();
        Instant end = Instant.now();
        EpochPerformanceComputed a = next(fromSnapshot, epoch, end);
        assertThat(a).isEqualTo(next(whole, epoch, end));
        assertThat(EpochComputation.digest(a)).isEqualTo(EpochComputation.digest(next(whole, epoch, end)));
        assertThat(a.nodes()).isNotEmpty();

        // the codec's round trip on this state: the same bytes
        byte[] bytes = codec().encode(whole);
        assertThat(codec().encode(codec().decode(bytes))).isEqualTo(bytes);

        assertThat(logged.at(Level.INFO)).anyMatch(l -> l.startsWith("performance state: snapshot at position "
                + taken.streamVersion() + " (")).anyMatch(l -> l.startsWith("performance state: full fold of "));
        assertThat(logged.at(Level.WARNING)).isEmpty();
    }

    @Test
    void aCorruptedSnapshotIsIgnoredWithAWarningAndTheWholeLogIsFolded() throws Exception {
        SnapshotStore.Snapshot taken = logWithASnapshotAndEventsAfterIt();
        sql("UPDATE snapshot SET state = set_byte(state, 3, get_byte(state, 3) # 255) WHERE stream = '"
                + LogFollower.SNAPSHOTS + "'");
        PerformanceState[] both = startBoth(follower(1_000_000), follower(0));
        assertThat(contents(both[0])).isEqualTo(contents(both[1]));
        assertThat(logged.at(Level.WARNING)).containsExactly("performance state: snapshot at position "
                + taken.streamVersion() + " (performance-state/1) ignored: its bytes do not match its digest;"
                + " folding the whole log");
        assertThat(logged.at(Level.INFO)).allMatch(l -> l.startsWith("performance state: full fold of ")).hasSize(2);
    }

    @Test
    void snapshotsThatCannotBeReadOrSavedAreWarningsAndTheWholeLogIsFolded() throws Exception {
        epochOfNewNodes();
        sql("ALTER TABLE snapshot RENAME TO snapshot_away");
        try {
            LogFollower f = follower(1);
            f.startUp();
            LogFollower whole = follower(0);
            whole.startUp();
            f.catchUp();
            assertThat(f.state().appliedEvents()).isEqualTo(whole.state().appliedEvents()).isPositive();
            List<String> warnings = logged.at(Level.WARNING);
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).isEqualTo("performance state: snapshots cannot be read; folding the whole log");
            assertThat(warnings.get(1)).startsWith("performance state: snapshot at position ").endsWith(" not saved");
        } finally {
            sql("ALTER TABLE snapshot_away RENAME TO snapshot");
        }
    }

    @Test
    void theReplayCheckFoldsTheWholeLogAndNeverReadsASnapshot() throws Exception {
        logWithASnapshotAndEventsAfterIt();
        // a snapshot whose bytes and digest agree but whose event count is wrong (a thousand times too high): a fold
        // that trusts it recomputes every epoch after it at a wrong count
        sql("UPDATE snapshot SET state = convert_to(regexp_replace(convert_from(state, 'UTF8'),"
                + " '\"applied_events\":([0-9]+)', '\"applied_events\":\\1000'), 'UTF8') WHERE stream = '"
                + LogFollower.SNAPSHOTS + "'");
        sql("UPDATE snapshot SET digest = encode(sha256(state), 'hex') WHERE stream = '" + LogFollower.SNAPSHOTS + "'");
        LogFollower trusting = follower(1_000_000);
        trusting.startUp();
        LogFollower whole = follower(0);
        whole.startUp();
        assertThat(trusting.state().appliedEvents()).isGreaterThan(whole.state().appliedEvents());

        ReplayCheck.Report report = replayCheck.run();
        whole.catchUp();
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.eventsFolded()).isLessThanOrEqualTo(whole.state().appliedEvents())
                .isLessThan(trusting.state().appliedEvents());
    }
}
