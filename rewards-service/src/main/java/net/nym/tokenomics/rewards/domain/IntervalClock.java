package net.nym.tokenomics.rewards.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The contract's {@code Interval} without {@code epochs_in_interval} (which lives in
 * {@link net.nym.tokenomics.rewards.domain.rewarding.RewardingParams} and is passed in). Epoch and interval ends are
 * time-based, as in the contract: the next epoch starts at {@code previous start + length}, not at the time the
 * previous one was closed, so after a stall several epochs can be over at once.
 *
 * @param intervalId      monotonically increasing interval id
 * @param epochInInterval the contract's {@code current_epoch_id}, 0-based within the interval
 * @param absoluteEpochId {@code total_elapsed_epochs}: the id rewards, bonds and pending events are keyed by
 */
public record IntervalClock(long intervalId, int epochInInterval, long absoluteEpochId, Instant currentEpochStart,
                            Duration epochLength) {

    public IntervalClock {
        Objects.requireNonNull(currentEpochStart, "currentEpochStart");
        Objects.requireNonNull(epochLength, "epochLength");
    }

    public static IntervalClock start(Instant firstEpochStart, Duration epochLength) {
        return new IntervalClock(0, 0, 0, firstEpochStart, epochLength);
    }

    public Instant currentEpochEnd() {
        return currentEpochStart.plus(epochLength);
    }

    /** {@code current_epoch_end <= now}. */
    public boolean isEpochOver(Instant now) {
        return !currentEpochEnd().isAfter(now);
    }

    /** {@code current_epoch_start + (epochs_in_interval - current_epoch_id) * epoch_length}. */
    public Instant currentIntervalEnd(int epochsInInterval) {
        return currentEpochStart.plus(epochLength.multipliedBy(epochsInInterval - epochInInterval));
    }

    public boolean isIntervalOver(Instant now, int epochsInInterval) {
        return !currentIntervalEnd(epochsInInterval).isAfter(now);
    }

    /** {@code advance_epoch}: the last epoch of an interval moves to epoch 0 of the next interval. */
    public IntervalClock advanced(int epochsInInterval) {
        boolean lastOfInterval = epochInInterval == epochsInInterval - 1;
        return new IntervalClock(
                lastOfInterval ? intervalId + 1 : intervalId,
                lastOfInterval ? 0 : epochInInterval + 1,
                absoluteEpochId + 1,
                currentEpochEnd(),
                epochLength);
    }

    /**
     * {@code force_change_epochs_in_interval} and {@code change_epoch_length}: when the current epoch id no longer
     * fits the new interval, the interval id moves on so that no (interval, epoch) pair repeats.
     */
    public IntervalClock reconfigured(int newEpochsInInterval, Duration newEpochLength) {
        long id = intervalId;
        int epoch = epochInInterval;
        if (epoch >= newEpochsInInterval) {
            id += epoch / newEpochsInInterval;
            epoch = epoch % newEpochsInInterval;
        }
        return new IntervalClock(id, epoch, absoluteEpochId, currentEpochStart, newEpochLength);
    }
}
