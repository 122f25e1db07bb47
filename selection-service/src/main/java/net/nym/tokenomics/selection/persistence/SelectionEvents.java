package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;

import java.time.Duration;
import java.time.Instant;
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

    public record RewardedSetSelectedV1(long epochId, ProofJson proof) {
    }

    /** An input that was consumed but cannot be used (e.g. a snapshot with invalid sizes), with the reason. */
    public record InputRejected(String inputType, String inputEventId, String reason) {
    }

    private static final EventCodec CODEC = new EventCodec()
            .register(CLOCK_INITIALIZED, 1, ClockInitializedV1.class)
            .register(EPOCH_ENDED, 1, EpochClockEvent.EpochEnded.class)
            .register(REWARDED_SET_SELECTED, 1, RewardedSetSelectedV1.class)
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
            case EpochClockEvent.RewardedSetSelected c -> CODEC.encode(id, new RewardedSetSelectedV1(c.epochId(), ProofJson.of(c.proof())));
            case EpochClockEvent.EpochStarted c -> CODEC.encode(id, c);
        };
    }

    public static NewEvent encodeInput(UUID id, Object integrationRecord) {
        return INPUTS.encode(id, integrationRecord);
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

    /** A domain event of the clock, or an {@link InputRejected}. */
    public static Object decodeOwn(StoredEvent e) {
        Object o = CODEC.decode(e);
        return switch (o) {
            case ClockInitializedV1 c -> c.toDomain();
            case RewardedSetSelectedV1 r -> new EpochClockEvent.RewardedSetSelected(r.epochId(), r.proof().toDomain());
            default -> o;
        };
    }

    /** The stored proof JSON of a {@code selection.RewardedSetSelected} event, as logged. */
    public static ProofJson proofOf(StoredEvent e) {
        return ((RewardedSetSelectedV1) CODEC.decode(e)).proof();
    }

    public static Object decodeIntegration(StoredEvent e) {
        return INTEGRATION.decode(e);
    }

    public static boolean isIntegration(StoredEvent e) {
        return INTEGRATION.knows(e.eventType());
    }
}
