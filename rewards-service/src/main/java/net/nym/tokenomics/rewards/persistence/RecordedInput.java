package net.nym.tokenomics.rewards.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;

import java.util.UUID;

/**
 * An epoch input received from another service, recorded in the rewards log as it arrived (the contract record
 * unchanged, with the id of the event it came in), so that every epoch decision can be re-derived from this log alone.
 */
public sealed interface RecordedInput {

    long epochId();

    UUID sourceEventId();

    record EpochEndedRecorded(UUID sourceEventId, IntegrationEvents.EpochEnded input) implements RecordedInput {
        public static final String TYPE = "input.EpochEnded";

        public long epochId() {
            return input.epochId();
        }
    }

    record RewardedSetRecorded(UUID sourceEventId, IntegrationEvents.RewardedSetSelected input) implements RecordedInput {
        public static final String TYPE = "input.RewardedSetSelected";

        public long epochId() {
            return input.epochId();
        }
    }

    record PerformanceRecorded(UUID sourceEventId, IntegrationEvents.EpochPerformanceComputed input) implements RecordedInput {
        public static final String TYPE = "input.EpochPerformanceComputed";

        public long epochId() {
            return input.epochId();
        }
    }

    record UsageRecorded(UUID sourceEventId, IntegrationEvents.EpochUsageClosed input) implements RecordedInput {
        public static final String TYPE = "input.EpochUsageClosed";

        public long epochId() {
            return input.epochId();
        }
    }
}
