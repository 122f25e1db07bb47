package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    /** An input that was consumed but cannot be used (e.g. a snapshot with invalid sizes), with the reason. */
    public record InputRejected(String inputType, String inputEventId, String reason) {
    }

    private static final EventCodec CODEC = new EventCodec()
            .register(CLOCK_INITIALIZED, 1, ClockInitializedV1.class)
            .register(EPOCH_ENDED, 1, EpochClockEvent.EpochEnded.class)
            .register(REWARDED_SET_SELECTED, 2, RewardedSetSelectedV2.class)
            .register(EPOCH_STARTED, 1, EpochClockEvent.EpochStarted.class)
            .register(INPUT_REJECTED, 1, InputRejected.class);

    /** Inputs are recorded with the producer's payload unchanged, under this service's own type names. */
    private static final EventCodec INPUTS = new EventCodec()
            .register(NODE_BONDED_RECORDED, IntegrationEvents.NodeBonded.VERSION, IntegrationEvents.NodeBonded.class)
            .register(NODE_UNBONDED_RECORDED, IntegrationEvents.NodeUnbonded.VERSION, IntegrationEvents.NodeUnbonded.class)
            .register(STAKE_SNAPSHOT_RECORDED, IntegrationEvents.StakeSnapshotTaken.VERSION, IntegrationEvents.StakeSnapshotTaken.class)
            .register(PERFORMANCE_RECORDED, IntegrationEvents.EpochPerformanceComputed.VERSION,
                    IntegrationEvents.EpochPerformanceComputed.class);

    private static final EventCodec INTEGRATION = IntegrationEvents.codec();

    private SelectionEvents() {
    }

    public static NewEvent encodeClock(UUID id, EpochClockEvent e) {
        return switch (e) {
            case EpochClockEvent.ClockInitialized c -> CODEC.encode(id, ClockInitializedV1.of(c));
            case EpochClockEvent.EpochEnded c -> CODEC.encode(id, c);
            case EpochClockEvent.RewardedSetSelected c -> CODEC.encode(id, new RewardedSetSelectedV2(c.epochId(), ProofJsonV2.of(c.proof())));
            case EpochClockEvent.EpochStarted c -> CODEC.encode(id, c);
        };
    }

    public static NewEvent encodeInput(UUID id, Object integrationRecord) {
        return INPUTS.encode(id, integrationRecord);
    }

    /**
     * The record of a consumed input: the input's own payload, unchanged, under this service's type name, when the input
     * has the schema version this service records (re-serialising a 100,000-node snapshot costs as much as reading it);
     * otherwise the decoded record encoded afresh.
     */
    public static NewEvent recordInput(UUID id, StoredEvent input, Object decoded) {
        NewEvent fresh = null;
        String type = INPUTS.typeOf(decoded.getClass());
        int version = switch (decoded) {
            case IntegrationEvents.NodeBonded b -> IntegrationEvents.NodeBonded.VERSION;
            case IntegrationEvents.NodeUnbonded u -> IntegrationEvents.NodeUnbonded.VERSION;
            case IntegrationEvents.StakeSnapshotTaken t -> IntegrationEvents.StakeSnapshotTaken.VERSION;
            case IntegrationEvents.EpochPerformanceComputed p -> IntegrationEvents.EpochPerformanceComputed.VERSION;
            default -> throw new IllegalArgumentException(decoded.getClass().getName() + " is not a recorded input type");
        };
        if (input.schemaVersion() == version) {
            return new NewEvent(id, type, version, input.payload(), Map.of());
        }
        return INPUTS.encode(id, decoded);
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

    public static Object decodeInput(StoredEvent e) {
        return INPUTS.decode(e);
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
