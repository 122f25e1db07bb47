package net.nym.tokenomics.selection.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LogLines;
import net.nym.tokenomics.eventlog.testing.SnapshotRows;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of the selection fold against the real PostgreSQL: a service restarted on a log with a snapshot reaches the
 * same view as from the whole log and goes on publishing the same sets (the log still verifies); a corrupted snapshot
 * is detected (WARN) and ignored.
 */
@QuarkusTest
class SelectionSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    DataSource dataSource;

    private final LogLines logged = new LogLines(StreamFold.class);

    @BeforeEach
    void record() {
        logged.start();
    }

    @AfterEach
    void stopRecording() {
        logged.stop();
    }

    private List<String> lines(Level level, String stream) {
        return logged.at(level).stream().filter(m -> m.contains(stream)).toList();
    }

    private SelectionService service(String stream, long snapshotEvery) {
        return new SelectionService(dataSource, new SelectionService.Settings(stream, "test-consumer", ClockMode.MANUAL,
                Duration.ofSeconds(60), 3, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of()), snapshotEvery);
    }

    private void input(SelectionService s, StoredEvent e) {
        Transactions.inTransaction(dataSource, c -> {
            s.onInput(c, e);
            return null;
        });
    }


    /** Three epochs selected through a service snapshotting every 7 events; then the clock waits for epoch 4's inputs. */
    private SelectionService history(String stream) {
        SelectionService s = service(stream, 7);
        s.start(T0);
        for (int e = 0; e < 3; e++) {
            s.advance(T0.plusSeconds(10L * (e + 1)), "admin");
            Fixtures.epochInputs(e, 60_000 + 10L * e).forEach(in -> input(s, in));
        }
        s.advance(T0.plusSeconds(40), "admin");
        assertThat(s.view().lastSelected().epochId()).isEqualTo(3L);
        assertThat(s.view().selections()).isEqualTo(4);
        assertThat(Fixtures.proofDigests(dataSource, stream)).containsOnlyKeys(0L, 1L, 2L, 3L);
        return s;
    }

    private List<Long> snapshotVersions(String stream) {
        return SnapshotRows.versions(dataSource, stream);
    }

    /** The rest of the history after a restart: epoch 3's inputs select epoch 4; the log must still verify. */
    private static void goOn(SelectionService s) {
        s.start(T0.plusSeconds(41));
    }

    @Test
    void aServiceRestartedFromASnapshotSeesTheSameViewAndPublishesTheSameSets() {
        String stream = "snap-" + UUID.randomUUID();
        SelectionService first = history(stream);
        SelectionService.ReadView before = first.view();
        assertThat(snapshotVersions(stream)).isNotEmpty().allMatch(v -> v <= before.version());
        long latest = snapshotVersions(stream).getLast();
        assertThat(latest).isGreaterThan(0);

        SelectionService fromSnapshot = service(stream, 7);
        goOn(fromSnapshot);
        assertThat(lines(Level.INFO, stream)).anyMatch(l -> l.contains("snapshot at v" + latest));
        assertThat(lines(Level.WARNING, stream)).isEmpty();
        SelectionService whole = service(stream, 0);
        goOn(whole);
        assertThat(fromSnapshot.view()).isEqualTo(before).isEqualTo(whole.view());

        // both go on from there alike: the next set, decided on the snapshot's state, verifies against the log
        Fixtures.epochInputs(3, 60_100).forEach(in -> input(fromSnapshot, in));
        assertThat(fromSnapshot.view().lastSelected().epochId()).isEqualTo(4L);
        assertThat(Fixtures.proofDigests(dataSource, stream)).containsOnlyKeys(0L, 1L, 2L, 3L, 4L);
        SelectionService again = service(stream, 0);
        goOn(again);
        assertThat(again.view()).isEqualTo(fromSnapshot.view());
        SelectionService.LogVerification verified = fromSnapshot.verifyLog();
        assertThat(verified.firstMismatch()).isEmpty();
        assertThat(verified.selectionsVerified()).isEqualTo(5);
    }

    @Test
    void aCorruptedSnapshotIsDetectedAndIgnored() {
        String stream = "snap-bad-" + UUID.randomUUID();
        SelectionService first = history(stream);
        SelectionService.ReadView before = first.view();
        long latest = snapshotVersions(stream).getLast();
        assertThat(SnapshotRows.corrupt(dataSource, stream, latest)).isEqualTo(1);
        SelectionService restarted = service(stream, 7);
        goOn(restarted);
        assertThat(lines(Level.WARNING, stream)).singleElement().asString().contains("v" + latest);
        assertThat(restarted.view()).isEqualTo(before);
        assertThat(restarted.verifyLog().firstMismatch()).isEmpty();
    }

    @Test
    void theCodecGivesTheSameBytesForTheDecodedView() {
        String stream = "snap-codec-" + UUID.randomUUID();
        history(stream);
        SelectionViewCodec codec = new SelectionViewCodec();
        SelectionView whole = Transactions.inTransaction(dataSource, c -> net.nym.tokenomics.eventlog.command.StreamFold
                .foldWhole(new net.nym.tokenomics.eventlog.store.EventStore(), c, stream, SelectionView.EVOLVER));
        byte[] bytes = codec.encode(whole);
        SelectionView decoded = codec.decode(bytes);
        assertThat(codec.encode(decoded)).isEqualTo(bytes);
        assertThat(decoded.clock).isEqualTo(whole.clock);
        assertThat(decoded.lastEnded).isEqualTo(whole.lastEnded);
        assertThat(decoded.lastSelected).isNotNull().isEqualTo(whole.lastSelected);
        assertThat(decoded.selections).isEqualTo(whole.selections).isEqualTo(4);
        assertThat(decoded.inputs.registry()).isEqualTo(whole.inputs.registry());
        assertThat(decoded.inputs.snapshots()).isEqualTo(whole.inputs.snapshots());
        assertThat(decoded.inputs.performance()).isEqualTo(whole.inputs.performance());
        assertThat(decoded.events).isEqualTo(whole.events);
    }
}
