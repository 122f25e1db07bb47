package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event types of selection-service's log and their JSON forms. Domain events are prefixed {@code selection.} so
 * that they never collide with the integration types ({@code EpochEnded}, {@code EpochStarted},
 * {@code RewardedSetSelected}) published beside them on the same topic.
 */
public final class SelectionEvents {

    public static final String CLOCK_INITIALIZED = "selection.ClockInitialized";
    public static final String EPOCH_ENDED = "selection.EpochEnded";
    public static final String REWARDED_SET_SELECTED = "selection.RewardedSetSelected";
    public static final String EPOCH_STARTED = "selection.EpochStarted";
    public static final String NODE_BONDED_RECORDED = "selection.NodeBondedRecorded";
    public static final String NODE_UNBONDED_RECORDED = "selection.NodeUnbondedRecorded";
    public static final String STAKE_SNAPSHOT_RECORDED = "selection.StakeSnapshotRecorded";
    public static final String PERFORMANCE_RECORDED = "selection.PerformanceRecorded";
    public static final String INPUT_REJECTED = "selection.InputRejected";

    /** The integration types this service publishes: in its own log, but not folded (they restate domain events). */
    public static final Set<String> PUBLISHED = Set.of(IntegrationEvents.EpochEnded.TYPE, IntegrationEvents.EpochStarted.TYPE,
            IntegrationEvents.RewardedSetSelected.TYPE);

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

    private static final EventCodec CODEC = new EventCodec()
            .register(CLOCK_INITIALIZED, 1, ClockInitializedV1.class)
            .register(EPOCH_ENDED, 1, EpochClockEvent.EpochEnded.class)
            .register(REWARDED_SET_SELECTED, 2, RewardedSetSelectedV2.class)
            .register(EPOCH_STARTED, 1, EpochClockEvent.EpochStarted.class)
            .register(INPUT_REJECTED, 1, InputRejected.class);

    /**
     * Inputs under this service's own type names: registrations with the producer's payload unchanged, the two per-node
     * lists (stake snapshot, performance) packed since schema version 2.
     */
    private static final EventCodec INPUTS = new EventCodec()
            .register(NODE_BONDED_RECORDED, IntegrationEvents.NodeBonded.VERSION, IntegrationEvents.NodeBonded.class)
            .register(NODE_UNBONDED_RECORDED, IntegrationEvents.NodeUnbonded.VERSION, IntegrationEvents.NodeUnbonded.class)
            .register(STAKE_SNAPSHOT_RECORDED, 2, StakeSnapshotRecordedV2.class)
            .register(PERFORMANCE_RECORDED, 2, PerformanceRecordedV2.class);

    private static final EventCodec INTEGRATION = IntegrationEvents.codec();

    private SelectionEvents() {
    }

    public static NewEvent encodeClock(UUID id, EpochClockEvent e) {
        return encodeClock(id, e, null);
    }

    /**
     * @param packedColumns the proof's {@link ProofColumns} text when the caller packed it already (beside the draw),
     *                      else null; it must be {@code ProofColumns.encode(candidates, previousLayers)} of this proof
     */
    public static NewEvent encodeClock(UUID id, EpochClockEvent e, String packedColumns) {
        return switch (e) {
            case EpochClockEvent.ClockInitialized c -> CODEC.encode(id, ClockInitializedV1.of(c));
            case EpochClockEvent.EpochEnded c -> CODEC.encode(id, c);
            case EpochClockEvent.RewardedSetSelected c -> CODEC.encode(id, new RewardedSetSelectedV2(c.epochId(),
                    packedColumns == null ? ProofJsonV2.of(c.proof()) : ProofJsonV2.of(c.proof(), packedColumns)));
            case EpochClockEvent.EpochStarted c -> CODEC.encode(id, c);
        };
    }

    /**
     * The record of a consumed input, under this service's type name. A registration keeps the input's own payload,
     * unchanged, when the input has the schema version this service records; a stake snapshot or a performance list is
     * packed (schema version 2): decoding a 100,000-node snapshot's packed form back gives the consumed record, field
     * for field, while PostgreSQL stores it as one string instead of parsing 8.5 MB of JSON objects into jsonb.
     */
    public static NewEvent recordInput(UUID id, StoredEvent input, Object decoded) {
        return switch (decoded) {
            case IntegrationEvents.StakeSnapshotTaken t -> INPUTS.encode(id, StakeSnapshotRecordedV2.of(t));
            case IntegrationEvents.EpochPerformanceComputed p -> INPUTS.encode(id, PerformanceRecordedV2.of(p));
            case IntegrationEvents.NodeBonded b -> input.schemaVersion() == IntegrationEvents.NodeBonded.VERSION
                    ? new NewEvent(id, NODE_BONDED_RECORDED, IntegrationEvents.NodeBonded.VERSION, input.payload(), Map.of())
                    : INPUTS.encode(id, b);
            case IntegrationEvents.NodeUnbonded u -> input.schemaVersion() == IntegrationEvents.NodeUnbonded.VERSION
                    ? new NewEvent(id, NODE_UNBONDED_RECORDED, IntegrationEvents.NodeUnbonded.VERSION, input.payload(), Map.of())
                    : INPUTS.encode(id, u);
            default -> throw new IllegalArgumentException(decoded.getClass().getName() + " is not a recorded input type");
        };
    }

    public static NewEvent encodeRejected(UUID id, InputRejected r) {
        return CODEC.encode(id, r);
    }

    public static NewEvent encodeIntegration(UUID id, Object integrationRecord) {
        return INTEGRATION.encode(id, integrationRecord);
    }

    public static boolean isPublished(StoredEvent e) {
        return PUBLISHED.contains(e.eventType());
    }

    public static boolean isInput(StoredEvent e) {
        return INPUTS.knows(e.eventType());
    }

    /**
     * A recorded input as the integration record it was consumed as, whichever schema version stored it (a version 1
     * snapshot or performance list is the producer's payload; version 2 is unpacked).
     */
    public static Object decodeInput(StoredEvent e) {
        try {
            if (e.schemaVersion() == 1 && STAKE_SNAPSHOT_RECORDED.equals(e.eventType())) {
                return Json.read(e.payload(), IntegrationEvents.StakeSnapshotTaken.class);
            }
            if (e.schemaVersion() == 1 && PERFORMANCE_RECORDED.equals(e.eventType())) {
                return Json.read(e.payload(), IntegrationEvents.EpochPerformanceComputed.class);
            }
        } catch (Exception ex) {
            throw new EventDecodingException(e, "malformed payload: " + ex.getMessage(), ex);
        }
        Object o = INPUTS.decode(e);
        try {
            return switch (o) {
                case StakeSnapshotRecordedV2 s -> s.toInput();
                case PerformanceRecordedV2 p -> p.toInput();
                default -> o;
            };
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new EventDecodingException(e, "invalid payload: " + ex.getMessage(), ex);
        }
    }

    /**
     * A domain event of the clock, or an {@link InputRejected}. A {@code selection.RewardedSetSelected} of either
     * schema version gives the full domain proof.
     */
    public static Object decodeOwn(StoredEvent e) {
        try {
            if (isRewardedSetSelectedV1(e)) {
                RewardedSetSelectedV1 r = readV1(e);
                return new EpochClockEvent.RewardedSetSelected(r.epochId(), r.proof().toDomain());
            }
            Object o = CODEC.decode(e);
            return switch (o) {
                case ClockInitializedV1 c -> c.toDomain();
                case RewardedSetSelectedV2 r -> new EpochClockEvent.RewardedSetSelected(r.epochId(), r.proof().toDomain());
                default -> o;
            };
        } catch (IllegalArgumentException ex) {
            throw new EventDecodingException(e, "invalid payload: " + ex.getMessage(), ex);
        }
    }

    /** The proof of a {@code selection.RewardedSetSelected} event of either schema version, in the JSON form of v1. */
    public static ProofJson proofOf(StoredEvent e) {
        if (isRewardedSetSelectedV1(e)) {
            return readV1(e).proof();
        }
        return ProofJson.of(((RewardedSetSelectedV2) CODEC.decode(e)).proof().toDomain());
    }

    /**
     * The codec knows one class per type (the current v2); v1 payloads have their own shape and are read here, so that
     * logs written before v2 replay unchanged.
     */
    private static boolean isRewardedSetSelectedV1(StoredEvent e) {
        return REWARDED_SET_SELECTED.equals(e.eventType()) && e.schemaVersion() == 1;
    }

    private static RewardedSetSelectedV1 readV1(StoredEvent e) {
        try {
            return Json.read(e.payload(), RewardedSetSelectedV1.class);
        } catch (Exception ex) {
            throw new EventDecodingException(e, "malformed payload: " + ex.getMessage(), ex);
        }
    }

    public static Object decodeIntegration(StoredEvent e) {
        return INTEGRATION.decode(e);
    }

    public static boolean isIntegration(StoredEvent e) {
        return INTEGRATION.knows(e.eventType());
    }
}
