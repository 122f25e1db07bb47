package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodePerformance;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeStake;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionEventsTest {

    /** A registration is recorded with its producer's payload as it came (not re-serialised), and decodes to the same record. */
    @Test
    void aRegistrationIsRecordedWithItsOwnPayload() {
        StoredEvent input = Fixtures.stored(Fixtures.bonded(7, "n1owner", true, false, false));
        Object decoded = SelectionEvents.decodeIntegration(input);
        NewEvent recorded = SelectionEvents.recordInput(UUID.randomUUID(), input, decoded);

        assertThat(recorded.eventType()).isEqualTo(SelectionEvents.NODE_BONDED_RECORDED);
        assertThat(recorded.schemaVersion()).isEqualTo(IntegrationEvents.NodeBonded.VERSION);
        assertThat(recorded.payload()).isSameAs(input.payload());
        assertThat(SelectionEvents.decodeInput(stored(recorded))).isEqualTo(decoded);
    }

    /**
     * A stake snapshot is recorded packed (v2), decodes to the consumed record field for field, nulls and the
     * snapshot's order included, and is far smaller than the producer's payload.
     */
    @Test
    void aStakeSnapshotIsRecordedPackedAndDecodesToTheSameRecord() {
        Random random = new Random(5);
        List<NodeStake> nodes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            long id = i == 500 ? 3 : 1_000L + i * 7L; // one id out of order: the snapshot's order is kept
            nodes.add(new NodeStake(id, i % 97 == 0 ? null : "n1operator" + (i / 3),
                    Decimal.ofAtomics(new java.math.BigInteger(1 + random.nextInt(100), random)),
                    i % 5 == 0 ? Decimal.ZERO : Decimal.parse(random.nextInt(1_000_000) + ".123456789012345678"),
                    i % 89 == 0 ? null : Decimal.parse("0." + (100_000 + random.nextInt(900_000)))));
        }
        nodes.add(new NodeStake(NodeId.MAX, "n1last", Decimal.MAX, Decimal.ONE, Decimal.ZERO));
        IntegrationEvents.StakeSnapshotTaken snapshot = new IntegrationEvents.StakeSnapshotTaken(12,
                Decimal.parse("250000.5"), 10, 20, 30, 4, nodes);
        StoredEvent input = Fixtures.stored(snapshot);
        Object decoded = SelectionEvents.decodeIntegration(input);

        NewEvent recorded = SelectionEvents.recordInput(UUID.randomUUID(), input, decoded);

        assertThat(recorded.eventType()).isEqualTo(SelectionEvents.STAKE_SNAPSHOT_RECORDED);
        assertThat(recorded.schemaVersion()).isEqualTo(2);
        assertThat(recorded.payload()).contains(InputColumns.STAKES).doesNotContain("n1operator");
        assertThat(recorded.payload().length()).isLessThan(input.payload().length() / 2);
        assertThat(SelectionEvents.decodeInput(stored(recorded))).isEqualTo(decoded).isEqualTo(snapshot);
    }

    @Test
    void aPerformanceListIsRecordedPackedAndDecodesToTheSameRecord() {
        List<NodePerformance> nodes = List.of(
                new NodePerformance(4, Percent.parse("0.95"), 0.9512345678901234, 1.0, 144, List.of()),
                new NodePerformance(9, Percent.parse("0"), 0.0, -0.0, 0, List.of("outdated", "no_self_described")),
                new NodePerformance(2, Percent.parse("1"), Double.NaN, Double.MIN_VALUE, -3, null),
                new NodePerformance(11, Percent.parse("0.000000000000000001"), Double.MAX_VALUE, 0.5, Integer.MAX_VALUE,
                        List.of("outdated", "outdated")));
        IntegrationEvents.EpochPerformanceComputed perf = new IntegrationEvents.EpochPerformanceComputed(12,
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T01:00:00Z"), nodes, "ab".repeat(32));
        // what the recorder is given: the record as decoded from the producer's payload
        StoredEvent input = Fixtures.stored(perf);
        Object decoded = SelectionEvents.decodeIntegration(input);

        NewEvent recorded = SelectionEvents.recordInput(UUID.randomUUID(), input, decoded);

        assertThat(recorded.eventType()).isEqualTo(SelectionEvents.PERFORMANCE_RECORDED);
        assertThat(recorded.schemaVersion()).isEqualTo(2);
        Object back = SelectionEvents.decodeInput(stored(recorded));
        assertThat(back).isEqualTo(decoded);
        // doubles compare by their bits in records: -0.0 and NaN came back as they were
        assertThat(((IntegrationEvents.EpochPerformanceComputed) back).nodes().get(1).configScore()).isEqualTo(-0.0);
        assertThat(((IntegrationEvents.EpochPerformanceComputed) back).nodes().get(2).routingScore()).isNaN();
    }

    /** Logs written before the packed form hold the producer's payload under version 1; they fold unchanged. */
    @Test
    void version1RecordsOfOlderLogsStillDecode() {
        IntegrationEvents.StakeSnapshotTaken snapshot = Fixtures.snapshot(4, 1, 1, 3, 0, Map.of(7L, 5_000_000L, 9L, 1L));
        IntegrationEvents.EpochPerformanceComputed perf = Fixtures.performance(4, Map.of(7L, "0.9", 9L, "1"));
        StoredEvent v1Snapshot = new StoredEvent(1, 1, UUID.randomUUID(), "selection", 1, SelectionEvents.STAKE_SNAPSHOT_RECORDED,
                1, Json.write(snapshot), Map.of(), Instant.EPOCH);
        StoredEvent v1Perf = new StoredEvent(2, 1, UUID.randomUUID(), "selection", 2, SelectionEvents.PERFORMANCE_RECORDED,
                1, Json.write(perf), Map.of(), Instant.EPOCH);

        assertThat(SelectionEvents.isInput(v1Snapshot)).isTrue();
        assertThat(SelectionEvents.decodeInput(v1Snapshot)).isEqualTo(snapshot);
        assertThat(SelectionEvents.decodeInput(v1Perf)).isEqualTo(perf);
    }

    /** A damaged table, a wrong count or an unknown encoding is a decoding error naming the event, never other values. */
    @Test
    void aDamagedPackedInputIsADecodingError() throws Exception {
        IntegrationEvents.StakeSnapshotTaken snapshot = Fixtures.snapshot(4, 1, 1, 3, 0, Map.of(7L, 5_000_000L, 9L, 1L));
        SelectionEvents.StakeSnapshotRecordedV2 good = Json.read(SelectionEvents.recordInput(UUID.randomUUID(),
                Fixtures.stored(snapshot), snapshot).payload(), SelectionEvents.StakeSnapshotRecordedV2.class);
        char[] damaged = good.nodes().toCharArray();
        damaged[damaged.length / 2] = damaged[damaged.length / 2] == 'A' ? 'B' : 'A';
        List<SelectionEvents.StakeSnapshotRecordedV2> bad = List.of(
                withNodes(good, new String(damaged), good.nodeCount(), good.encoding()),
                withNodes(good, good.nodes(), good.nodeCount() + 1, good.encoding()),
                withNodes(good, good.nodes(), good.nodeCount(), "nym-selection-stake-columns-v9"),
                withNodes(good, good.nodes().substring(0, 8), good.nodeCount(), good.encoding()),
                withNodes(good, "not base64!", good.nodeCount(), good.encoding()));
        for (SelectionEvents.StakeSnapshotRecordedV2 b : bad) {
            StoredEvent e = new StoredEvent(1, 1, UUID.randomUUID(), "selection", 1, SelectionEvents.STAKE_SNAPSHOT_RECORDED,
                    2, Json.write(b), Map.of(), Instant.EPOCH);
            assertThatThrownBy(() -> SelectionEvents.decodeInput(e)).as(Arrays.toString(new Object[]{b.encoding(), b.nodeCount()}))
                    .isInstanceOf(EventDecodingException.class).hasMessageContaining(e.eventId().toString());
        }
    }

    private static SelectionEvents.StakeSnapshotRecordedV2 withNodes(SelectionEvents.StakeSnapshotRecordedV2 g, String nodes,
                                                                     int count, String encoding) {
        return new SelectionEvents.StakeSnapshotRecordedV2(g.epochId(), g.stakeSaturationPoint(), g.entryGateways(),
                g.exitGateways(), g.mixnodes(), g.standby(), encoding, count, nodes);
    }

    private static StoredEvent stored(NewEvent recorded) {
        return new StoredEvent(1, 1, recorded.eventId(), "selection", 1, recorded.eventType(), recorded.schemaVersion(),
                recorded.payload(), Map.of(), Instant.EPOCH);
    }
}
