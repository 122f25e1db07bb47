package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.rewards.persistence.RecordedInput;

/**
 * The four inputs an epoch is rewarded on, as recorded; the first recorded of each kind counts, later copies (a
 * re-publication under a new event id) are ignored.
 */
public record EpochInputs(RecordedInput.EpochEndedRecorded ended, RecordedInput.RewardedSetRecorded rewardedSet,
                          RecordedInput.PerformanceRecorded performance, RecordedInput.UsageRecorded usage) {

    public static final EpochInputs NONE = new EpochInputs(null, null, null, null);

    public boolean complete() {
        return ended != null && rewardedSet != null && performance != null && usage != null;
    }

    public boolean has(RecordedInput input) {
        return switch (input) {
            case RecordedInput.EpochEndedRecorded e -> ended != null;
            case RecordedInput.RewardedSetRecorded r -> rewardedSet != null;
            case RecordedInput.PerformanceRecorded p -> performance != null;
            case RecordedInput.UsageRecorded u -> usage != null;
        };
    }

    public EpochInputs with(RecordedInput input) {
        if (has(input)) {
            return this;
        }
        return switch (input) {
            case RecordedInput.EpochEndedRecorded e -> new EpochInputs(e, rewardedSet, performance, usage);
            case RecordedInput.RewardedSetRecorded r -> new EpochInputs(ended, r, performance, usage);
            case RecordedInput.PerformanceRecorded p -> new EpochInputs(ended, rewardedSet, p, usage);
            case RecordedInput.UsageRecorded u -> new EpochInputs(ended, rewardedSet, performance, u);
        };
    }
}
