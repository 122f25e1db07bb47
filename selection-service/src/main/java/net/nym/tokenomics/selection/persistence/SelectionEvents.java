package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event types of selection-service's log and their stored forms, in one {@link EventCodec} ({@link #codec()}).
 * Domain events and recorded inputs are named {@code selection.<RecordName>}, so that they never collide with the
 * integration types ({@code EpochEnded}, {@code EpochStarted}, {@code RewardedSetSelected}) published beside them on
 * the same topic. Names and schema versions already in logs never change:
 * <ul>
 *   <li>{@code selection.RewardedSetSelected} v2: the proof's candidates and previous layers packed by
 *       {@link ProofColumns}; v1 (older logs): the proof as {@link ProofJson}, an object per candidate.</li>
 *   <li>{@code selection.StakeSnapshotRecorded} and {@code selection.PerformanceRecorded} v2: the per-node list packed
 *       by {@link InputColumns}; v1 (older logs): the producer's payload as it came.</li>
 *   <li>Every other type v1.</li>
 * </ul>
 */
public final class SelectionEvents {

    private static final String PREFIX = "selection.";
    public static final String CLOCK_INITIALIZED = PREFIX + "ClockInitialized";
    public static final String EPOCH_ENDED = PREFIX + "EpochEnded";
    public static final String REWARDED_SET_SELECTED = PREFIX + "RewardedSetSelected";
    public static final String EPOCH_STARTED = PREFIX + "EpochStarted";
    public static final String NODE_BONDED_RECORDED = PREFIX + "NodeBondedRecorded";
    public static final String NODE_UNBONDED_RECORDED = PREFIX + "NodeUnbondedRecorded";
    public static final String STAKE_SNAPSHOT_RECORDED = PREFIX + "StakeSnapshotRecorded";
    public static final String PERFORMANCE_RECORDED = PREFIX + "PerformanceRecorded";
    public static final String INPUT_REJECTED = PREFIX + "InputRejected";

    /** The integration types this service publishes: in its own log, but not folded (they restate domain events). */
    public static final Set<String> PUBLISHED = Set.of(IntegrationEvents.EpochEnded.TYPE, IntegrationEvents.EpochStarted.TYPE,
            IntegrationEvents.RewardedSetSelected.TYPE);

    /** The recorded inputs' type names. */
    private static final Set<String> INPUTS = Set.of(NODE_BONDED_RECORDED, NODE_UNBONDED_RECORDED, STAKE_SNAPSHOT_RECORDED,
            PERFORMANCE_RECORDED);

    public record ClockInitializedV1(Instant genesisStart, long epochLengthMillis, int epochsInInterval, String mode) {
        static ClockInitializedV1 of(EpochClockEvent.ClockInitialized e) {
            return new ClockInitializedV1(e.genesisStart(), e.config().epochLength().toMillis(),
                    e.config().epochsInInterval(), e.config().mode().name());
        }

        EpochClockEvent.ClockInitialized toDomain() {
            return new EpochClockEvent.ClockInitialized(genesisStart,
                    new ClockConfig(Duration.ofMillis(epochLengthMillis), epochsInInterval, ClockMode.valueOf(mode)));
        }
    }

    /** Schema version 1 (logs written before the compact form): the proof with a JSON object per candidate. */
    public record RewardedSetSelectedV1(long epochId, ProofJson proof) {
    }

    /** Schema version 2, written since: the candidates and previous layers packed by {@link ProofColumns}. */
    public record RewardedSetSelectedV2(long epochId, ProofJsonV2 proof) {
        EpochClockEvent.RewardedSetSelected toDomain() {
            return new EpochClockEvent.RewardedSetSelected(epochId, proof.toDomain());
        }
    }

    /**
     * Schema version 2 of {@code selection.StakeSnapshotRecorded}, written since: the snapshot's fields, with its nodes
     * packed by {@link InputColumns#encodeStakes} ({@code nodes}, in the form {@code encoding} names). Version 1 (older
     * logs) is the producer's {@code StakeSnapshotTaken} payload as it came.
     */
    public record StakeSnapshotRecordedV2(long epochId, Decimal stakeSaturationPoint, int entryGateways, int exitGateways,
                                          int mixnodes, int standby, String encoding, int nodeCount, String nodes) {
        static StakeSnapshotRecordedV2 of(IntegrationEvents.StakeSnapshotTaken s) {
            return new StakeSnapshotRecordedV2(s.epochId(), s.stakeSaturationPoint(), s.entryGateways(), s.exitGateways(),
                    s.mixnodes(), s.standby(), InputColumns.STAKES, s.nodes().size(), InputColumns.encodeStakes(s.nodes()));
        }

        IntegrationEvents.StakeSnapshotTaken toInput() {
            return new IntegrationEvents.StakeSnapshotTaken(epochId, stakeSaturationPoint, entryGateways, exitGateways,
                    mixnodes, standby, unpacked(InputColumns.STAKES, encoding, nodeCount, nodes, InputColumns::decodeStakes));
        }
    }

    /** Schema version 2 of {@code selection.PerformanceRecorded}: as {@link StakeSnapshotRecordedV2}, for performance. */
    public record PerformanceRecordedV2(long epochId, Instant windowStart, Instant windowEnd, String stateDigest,
                                        String encoding, int nodeCount, String nodes) {
        static PerformanceRecordedV2 of(IntegrationEvents.EpochPerformanceComputed p) {
            return new PerformanceRecordedV2(p.epochId(), p.windowStart(), p.windowEnd(), p.stateDigest(),
                    InputColumns.PERFORMANCE, p.nodes().size(), InputColumns.encodePerformance(p.nodes()));
        }

        IntegrationEvents.EpochPerformanceComputed toInput() {
            return new IntegrationEvents.EpochPerformanceComputed(epochId, windowStart, windowEnd,
                    unpacked(InputColumns.PERFORMANCE, encoding, nodeCount, nodes, InputColumns::decodePerformance), stateDigest);
        }
    }

    /** A packed per-node list, checked against the encoding and the count its record states. */
    private static <T> List<T> unpacked(String expectedEncoding, String encoding, int nodeCount, String nodes,
                                        Function<String, List<T>> decoder) {
        if (!expectedEncoding.equals(encoding)) {
            throw new IllegalArgumentException("encoding: expected " + expectedEncoding + ", got " + encoding);
        }
        List<T> list = decoder.apply(Objects.requireNonNull(nodes, "nodes"));
        if (list.size() != nodeCount) {
            throw new IllegalArgumentException("node_count: " + nodeCount + ", but the columns hold " + list.size());
        }
        return list;
    }

    /** An input that was consumed but cannot be used (e.g. a snapshot with invalid sizes), with the reason. */
    public record InputRejected(String inputType, String inputEventId, String reason) {
    }

    /** A consumed input as this service records it, under its own type name: the consumed integration record. */
    public sealed interface RecordedInput {
        IntegrationEvents.Event input();
    }

    public record NodeBondedRecorded(IntegrationEvents.NodeBonded input) implements RecordedInput {
    }

    public record NodeUnbondedRecorded(IntegrationEvents.NodeUnbonded input) implements RecordedInput {
    }

    public record StakeSnapshotRecorded(IntegrationEvents.StakeSnapshotTaken input) implements RecordedInput {
    }

    public record PerformanceRecorded(IntegrationEvents.EpochPerformanceComputed input) implements RecordedInput {
    }

    private static RecordedInput recorded(IntegrationEvents.Event input) {
        return switch (input) {
            case IntegrationEvents.NodeBonded b -> new NodeBondedRecorded(b);
            case IntegrationEvents.NodeUnbonded u -> new NodeUnbondedRecorded(u);
            case IntegrationEvents.StakeSnapshotTaken t -> new StakeSnapshotRecorded(t);
            case IntegrationEvents.EpochPerformanceComputed p -> new PerformanceRecorded(p);
            default -> throw new IllegalArgumentException(input.getClass().getName() + " is not a recorded input type");
        };
    }

    private static final EventCodec CODEC = new EventCodec()
            .registerForm(CLOCK_INITIALIZED, 1, EpochClockEvent.ClockInitialized.class, ClockInitializedV1.class,
                    ClockInitializedV1::of, ClockInitializedV1::toDomain)
            .register(EPOCH_ENDED, 1, EpochClockEvent.EpochEnded.class)
            .registerForm(REWARDED_SET_SELECTED, 2, EpochClockEvent.RewardedSetSelected.class, RewardedSetSelectedV2.class,
                    e -> new RewardedSetSelectedV2(e.epochId(), ProofJsonV2.of(e.proof())), RewardedSetSelectedV2::toDomain)
            .readsOlder(REWARDED_SET_SELECTED, 1, RewardedSetSelectedV1.class,
                    r -> new EpochClockEvent.RewardedSetSelected(r.epochId(), r.proof().toDomain()))
            .register(EPOCH_STARTED, 1, EpochClockEvent.EpochStarted.class)
            .register(INPUT_REJECTED, 1, InputRejected.class)
            // recorded inputs: a registration as the producer's payload, the two per-node lists packed since v2
            .registerForm(NODE_BONDED_RECORDED, IntegrationEvents.NodeBonded.VERSION, NodeBondedRecorded.class,
                    IntegrationEvents.NodeBonded.class, NodeBondedRecorded::input, NodeBondedRecorded::new)
            .registerForm(NODE_UNBONDED_RECORDED, IntegrationEvents.NodeUnbonded.VERSION, NodeUnbondedRecorded.class,
                    IntegrationEvents.NodeUnbonded.class, NodeUnbondedRecorded::input, NodeUnbondedRecorded::new)
            .registerForm(STAKE_SNAPSHOT_RECORDED, 2, StakeSnapshotRecorded.class, StakeSnapshotRecordedV2.class,
                    r -> StakeSnapshotRecordedV2.of(r.input()), v -> new StakeSnapshotRecorded(v.toInput()))
            .readsOlder(STAKE_SNAPSHOT_RECORDED, 1, IntegrationEvents.StakeSnapshotTaken.class, StakeSnapshotRecorded::new)
            .registerForm(PERFORMANCE_RECORDED, 2, PerformanceRecorded.class, PerformanceRecordedV2.class,
                    r -> PerformanceRecordedV2.of(r.input()), v -> new PerformanceRecorded(v.toInput()))
            .readsOlder(PERFORMANCE_RECORDED, 1, IntegrationEvents.EpochPerformanceComputed.class, PerformanceRecorded::new)
            .include(IntegrationEvents.codec());

    private SelectionEvents() {
    }

    /** Every type of this service's log (its own, the recorded inputs, the integration events it publishes or consumes). */
    public static EventCodec codec() {
        return CODEC;
    }

    public static NewEvent encodeClock(UUID id, EpochClockEvent e) {
        return CODEC.encode(id, e);
    }

    /**
     * @param packedColumns the proof's {@link ProofColumns} text when the caller packed it already (beside the draw),
     *                      else null; it must be {@code ProofColumns.encode(candidates, previousLayers)} of this proof
     */
    public static NewEvent encodeClock(UUID id, EpochClockEvent e, String packedColumns) {
        if (packedColumns == null || !(e instanceof EpochClockEvent.RewardedSetSelected s)) {
            return encodeClock(id, e);
        }
        // the registered stored form, with the table packed beforehand instead of by the codec's conversion
        RewardedSetSelectedV2 stored = new RewardedSetSelectedV2(s.epochId(), ProofJsonV2.of(s.proof(), packedColumns));
        try {
            return new NewEvent(id, REWARDED_SET_SELECTED, CODEC.schemaVersionOf(REWARDED_SET_SELECTED),
                    CODEC.mapper().writeValueAsString(stored), Map.of());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot serialise " + REWARDED_SET_SELECTED + ": " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * The record of a consumed input, under this service's type name. A registration keeps the input's own payload,
     * unchanged, when the input has the schema version this service records; a stake snapshot or a performance list is
     * packed (schema version 2): decoding a 100,000-node snapshot's packed form back gives the consumed record, field
     * for field, while PostgreSQL stores it as one string instead of parsing 8.5 MB of JSON objects into jsonb.
     */
    public static NewEvent recordInput(UUID id, StoredEvent input, Object decoded) {
        RecordedInput r = recorded((IntegrationEvents.Event) decoded);
        boolean registration = r instanceof NodeBondedRecorded || r instanceof NodeUnbondedRecorded;
        String type = CODEC.typeOf(r.getClass());
        if (registration && input.schemaVersion() == CODEC.schemaVersionOf(type)) {
            return new NewEvent(id, type, input.schemaVersion(), input.payload(), Map.of());
        }
        return CODEC.encode(id, r);
    }

    public static NewEvent encodeRejected(UUID id, InputRejected r) {
        return CODEC.encode(id, r);
    }

    public static NewEvent encodeIntegration(UUID id, Object integrationRecord) {
        return CODEC.encode(id, integrationRecord);
    }

    public static boolean isPublished(StoredEvent e) {
        return PUBLISHED.contains(e.eventType());
    }

    public static boolean isInput(StoredEvent e) {
        return INPUTS.contains(e.eventType());
    }

    /** A recorded input as the integration record it was consumed as, whichever schema version stored it. */
    public static Object decodeInput(StoredEvent e) {
        return ((RecordedInput) CODEC.decode(e)).input();
    }

    /**
     * A domain event of the clock, or an {@link InputRejected}. A {@code selection.RewardedSetSelected} of either
     * schema version gives the full domain proof.
     */
    public static Object decodeOwn(StoredEvent e) {
        return CODEC.decode(e);
    }

    /**
     * What the service's state folds of a logged event: a clock event, an {@link InputRejected}, or a recorded input
     * as the integration record it was consumed as; null for the published integration events, which are not folded.
     */
    public static Object decodeFolded(StoredEvent e) {
        if (isPublished(e)) {
            return null;
        }
        Object o = CODEC.decode(e);
        return o instanceof RecordedInput r ? r.input() : o;
    }

    /** The proof of a {@code selection.RewardedSetSelected} event of either schema version, in the JSON form of v1. */
    public static ProofJson proofOf(StoredEvent e) {
        return ProofJson.of(CODEC.decode(e, EpochClockEvent.RewardedSetSelected.class).proof());
    }

    public static Object decodeIntegration(StoredEvent e) {
        return CODEC.decode(e);
    }
}
