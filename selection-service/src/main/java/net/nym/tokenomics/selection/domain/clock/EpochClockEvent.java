package net.nym.tokenomics.selection.domain.clock;

import net.nym.tokenomics.selection.domain.selection.SelectionProof;

import java.time.Instant;

/** Facts of the epoch clock stream. Each carries its results, so {@link EpochClock#evolve} computes nothing. */
public sealed interface EpochClockEvent {

    record ClockInitialized(Instant genesisStart, ClockConfig config) implements EpochClockEvent {
    }

    /**
     * @param endedBy {@code "clock"} for a Tick, otherwise the admin actor of a manual Advance
     */
    record EpochEnded(long epochId, long intervalId, int epochInInterval, Instant start, Instant end,
                      boolean lastInInterval, String endedBy) implements EpochClockEvent {
    }

    /** The rewarded set of {@code epochId} with the proof that lets anyone recompute it. */
    record RewardedSetSelected(long epochId, SelectionProof proof) implements EpochClockEvent {
    }

    /** {@code plannedEnd} is {@code start + epoch length}; in MANUAL mode the epoch actually ends on Advance. */
    record EpochStarted(long epochId, long intervalId, int epochInInterval, Instant start, Instant plannedEnd)
            implements EpochClockEvent {
    }
}
