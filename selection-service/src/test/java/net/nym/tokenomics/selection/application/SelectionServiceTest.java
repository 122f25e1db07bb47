package net.nym.tokenomics.selection.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application service against the real PostgreSQL, each test on a stream of its own (the same code path the REST
 * resources and the consumer use, minus Kafka): restart without skipping or repeating, order independence, rebuild.
 */
@QuarkusTest
class SelectionServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    DataSource dataSource;

    private SelectionService service(String stream, ClockMode mode) {
        return new SelectionService(dataSource, new SelectionService.Settings(stream, "test-consumer", mode,
                Duration.ofSeconds(60), 3, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of()));
    }

    private void input(SelectionService s, StoredEvent e) {
        Transactions.inTransaction(dataSource, c -> {
            s.onInput(c, e);
            return null;
        });
    }

    private List<StoredEvent> log(String stream) {
        return Transactions.inTransaction(dataSource, c -> new EventStore().readStream(c, stream));
    }

    private static List<Long> ended(List<StoredEvent> log) {
        return log.stream().filter(e -> e.eventType().equals(SelectionEvents.EPOCH_ENDED))
                .map(e -> ((EpochClockEvent.EpochEnded) SelectionEvents.decodeOwn(e)).epochId()).toList();
    }

    private static List<Long> started(List<StoredEvent> log) {
        return log.stream().filter(e -> e.eventType().equals(SelectionEvents.EPOCH_STARTED))
                .map(e -> ((EpochClockEvent.EpochStarted) SelectionEvents.decodeOwn(e)).epochId()).toList();
    }


    @Test
    void restartNeitherSkipsNorRepeatsAnEpoch() {
        String stream = "restart-" + UUID.randomUUID();
        SelectionService first = service(stream, ClockMode.REAL);
        first.start(T0);
        assertThat(first.view().clock()).isInstanceOf(EpochClockState.Running.class);
        assertThat(first.view().lastSelected().epochId()).isEqualTo(0L);
        assertThat(first.view().selections()).isEqualTo(1);

        assertThat(first.tick(T0.plusSeconds(59))).isEqualTo(new SelectionService.Outcome.Applied(List.of()));
        assertThat(((SelectionService.Outcome.Applied) first.tick(T0.plusSeconds(60))).events())
                .singleElement().isInstanceOf(EpochClockEvent.EpochEnded.class);
        Fixtures.epochInputs(0, 10_000).forEach(e -> input(first, e));
        assertThat(started(log(stream))).containsExactly(0L, 1L);
        long version = first.view().version();

        // restart: a new process folds the same log, then ticks with the same time
        SelectionService second = service(stream, ClockMode.REAL);
        assertThat(second.start(T0.plusSeconds(61))).isEqualTo(new SelectionService.Outcome.Applied(List.of()));
        assertThat(second.tick(T0.plusSeconds(61))).isEqualTo(new SelectionService.Outcome.Applied(List.of()));
        assertThat(second.view().version()).isEqualTo(version);
        assertThat(second.view().lastSelected()).isEqualTo(first.view().lastSelected());
        assertThat(second.view().lastSelected().epochId()).isEqualTo(1L);

        // the epoch 1 ends once, at start + length, whichever process ticks (the stale one refolds first)
        assertThat(((SelectionService.Outcome.Applied) second.tick(T0.plusSeconds(120))).events()).hasSize(1);
        assertThat(first.tick(T0.plusSeconds(120))).isEqualTo(new SelectionService.Outcome.Applied(List.of()));
        assertThat(second.tick(T0.plusSeconds(125))).isEqualTo(new SelectionService.Outcome.Applied(List.of()));

        // long down-time: epochs catch up one by one, each ending at its own planned end
        Fixtures.epochInputs(1, 20_000).forEach(e -> input(first, e));
        SelectionService third = service(stream, ClockMode.REAL);
        third.start(T0.plusSeconds(1000));
        var events = ((SelectionService.Outcome.Applied) third.tick(T0.plusSeconds(1000))).events();
        assertThat(events).singleElement().isEqualTo(new EpochClockEvent.EpochEnded(2, 0, 2, T0.plusSeconds(120),
                T0.plusSeconds(180), true, "clock"));
        assertThat(ended(log(stream))).containsExactly(0L, 1L, 2L);
        assertThat(started(log(stream))).containsExactly(0L, 1L, 2L);
        assertThat(third.verifyLog().firstMismatch()).isEmpty();
    }

    @Test
    void aRestartWithAnotherIntervalOrEpochLengthRefusesToStartAndWritesNothing() {
        String stream = "shape-" + UUID.randomUUID();
        service(stream, ClockMode.REAL).start(T0);
        int logged = log(stream).size();

        SelectionService longerInterval = new SelectionService(dataSource, new SelectionService.Settings(stream,
                "test-consumer", ClockMode.REAL, Duration.ofSeconds(60), 720, new RewardedSetSizes(1, 1, 3, 0),
                Decimal.ONE, Map.of()));
        assertThatThrownBy(() -> longerInterval.start(T0.plusSeconds(5)))
                .hasMessageContaining("selection-service refuses to start")
                .hasMessageContaining("is 720 but the log's clock has 3");
        SelectionService shorterEpochs = new SelectionService(dataSource, new SelectionService.Settings(stream,
                "test-consumer", ClockMode.REAL, Duration.ofSeconds(30), 3, new RewardedSetSizes(1, 1, 3, 0),
                Decimal.ONE, Map.of()));
        assertThatThrownBy(() -> shorterEpochs.start(T0.plusSeconds(5)))
                .hasMessageContaining("selection.clock.epoch-length is PT30S but the log's clock has PT1M");
        assertThat(log(stream)).hasSize(logged);

        // another mode is operational: reported, the logged clock kept
        SelectionService manual = service(stream, ClockMode.MANUAL);
        assertThat(manual.start(T0.plusSeconds(5))).isEqualTo(new SelectionService.Outcome.Applied(List.of()));
        assertThat(manual.tick(T0.plusSeconds(60))).isInstanceOf(SelectionService.Outcome.Applied.class);
        assertThat(ended(log(stream))).containsExactly(0L);
    }

    @Test
    void anyArrivalOrderAndDuplicatesGiveTheSameSet() {
        List<StoredEvent> base = Fixtures.epochInputs(0, 30_000);
        Random random = new Random(42);
        List<SelectedSet> sets = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int run = 0; run < 8; run++) {
            List<StoredEvent> order = new ArrayList<>(base);
            if (run == 0) {
                Collections.reverse(order); // performance, snapshot, then the registrations
            } else if (run > 1) {
                Collections.shuffle(order, random);
            }
            if (run % 2 == 1) {
                // duplicates: the same events again, and a different snapshot of the same epoch (the first one wins)
                order.add(random.nextInt(order.size()), order.get(random.nextInt(order.size())));
                order.add(order.indexOf(base.get(5)) + 1, Fixtures.stored(Fixtures.snapshot(0, 1, 1, 3, 0, Map.of(30_000L, 1L))));
            }
            String stream = "order-" + UUID.randomUUID();
            SelectionService s = service(stream, ClockMode.MANUAL);
            s.start(T0);
            s.advance(T0.plusSeconds(5), "admin");
            order.forEach(e -> input(s, e));
            assertThat(s.view().clock()).isInstanceOf(EpochClockState.Running.class);
            assertThat(s.view().lastSelected().epochId()).isEqualTo(1L);
            sets.add(s.view().lastSelected());
            digests.add(s.proof(1).orElseThrow().digest());
            assertThat(s.verifyLog().firstMismatch()).isEmpty();
        }
        assertThat(sets).allSatisfy(set -> assertThat(set).isEqualTo(sets.getFirst()));
        assertThat(digests).containsOnly(digests.getFirst());
        assertThat(sets.getFirst().set().size()).isEqualTo(5);
        assertThat(sets.getFirst().set().entryGateways()).hasSize(1);
    }

    @Test
    void aConfiguredBeaconSeedsItsEpochAndTheHashChainResumesAfterIt() {
        String beacon = "ab".repeat(32);
        String stream = "beacon-" + UUID.randomUUID();
        SelectionService s = new SelectionService(dataSource, new SelectionService.Settings(stream, "test-consumer",
                ClockMode.MANUAL, Duration.ofSeconds(60), 3, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of(1L, beacon)));
        s.start(T0);
        for (int e = 0; e < 2; e++) {
            s.advance(T0.plusSeconds(10L * (e + 1)), "admin");
            Fixtures.epochInputs(e, 50_000 + 10L * e).forEach(in -> input(s, in));
        }
        var one = s.proof(1).orElseThrow();
        assertThat(one.seedInput()).isEqualTo(new net.nym.tokenomics.selection.persistence.ProofJson.SeedInputJson("beacon", beacon));
        assertThat(one.seed()).isEqualTo(beacon);
        var two = s.proof(2).orElseThrow();
        assertThat(two.seedInput().kind()).isEqualTo("hash_chain");
        assertThat(two.seedInput().value()).isEqualTo(one.digest());
        assertThat(s.verifyLog().firstMismatch()).isEmpty();
    }

    @Test
    void rebuildReproducesEverySetAndReportsATamperedInput() {
        String stream = "rebuild-" + UUID.randomUUID();
        SelectionService s = service(stream, ClockMode.MANUAL);
        s.start(T0);
        for (int e = 0; e < 3; e++) {
            s.advance(T0.plusSeconds(10L * (e + 1)), "admin");
            Fixtures.epochInputs(e, 40_000 + 10L * e).forEach(in -> input(s, in));
        }
        SelectionService.LogVerification ok = service(stream, ClockMode.MANUAL).verifyLog();
        assertThat(ok.firstMismatch()).isEmpty();
        assertThat(ok.selectionsVerified()).isEqualTo(4);
        SelectionService refolded = service(stream, ClockMode.MANUAL);
        assertThat(refolded.view().lastSelected()).isEqualTo(s.view().lastSelected());
        assertThat(refolded.view().selections()).isEqualTo(s.view().selections()).isEqualTo(4);

        // a copy of the log with one recorded stake changed: the rebuild names the epoch whose digest no longer matches
        String copy = "tampered-" + UUID.randomUUID();
        List<NewEvent> events = log(stream).stream().map(e -> {
            String payload = e.payload();
            if (e.eventType().equals(SelectionEvents.STAKE_SNAPSHOT_RECORDED)) {
                var recorded = (IntegrationEvents.StakeSnapshotTaken) SelectionEvents.decodeInput(e);
                if (recorded.epochId() == 1) {
                    var nodes = recorded.nodes().stream().map(n -> n.nodeId() != 40_012 ? n
                            : new IntegrationEvents.NodeStake(n.nodeId(), n.owner(), Decimal.of(9_000_001), n.delegates(),
                            n.saturation())).toList();
                    payload = SelectionEvents.recordInput(UUID.randomUUID(), e, new IntegrationEvents.StakeSnapshotTaken(
                            recorded.epochId(), recorded.stakeSaturationPoint(), recorded.entryGateways(),
                            recorded.exitGateways(), recorded.mixnodes(), recorded.standby(), nodes)).payload();
                    assertThat(nodes).isNotEqualTo(recorded.nodes());
                    assertThat(payload).isNotEqualTo(e.payload());
                }
            }
            return new NewEvent(UUID.randomUUID(), e.eventType(), e.schemaVersion(), payload, e.metadata());
        }).toList();
        Transactions.inTransaction(dataSource, c -> new EventStore().append(c, copy, 0, events));
        SelectionService.LogVerification bad = service(copy, ClockMode.MANUAL).verifyLog();
        assertThat(bad.firstMismatch()).hasValueSatisfying(m -> assertThat(m).startsWith("epoch 2:"));
        assertThat(bad.selectionsVerified()).isEqualTo(2);
    }
}
