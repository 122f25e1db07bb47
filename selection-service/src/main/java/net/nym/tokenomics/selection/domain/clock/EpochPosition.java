package net.nym.tokenomics.selection.domain.clock;

import java.time.Instant;

/**
 * Where an epoch sits: absolute id (the contract's {@code total_elapsed_epochs}), interval id, 0-based index within the
 * interval, and start.
 */
public record EpochPosition(long epochId, long intervalId, int epochInInterval, Instant start) {

    public boolean lastInInterval(ClockConfig config) {
        return epochInInterval == config.epochsInInterval() - 1;
    }

    /** The next epoch, starting at {@code nextStart}; the index wraps to 0 and the interval advances after the last. */
    public EpochPosition next(ClockConfig config, Instant nextStart) {
        return lastInInterval(config)
                ? new EpochPosition(epochId + 1, intervalId + 1, 0, nextStart)
                : new EpochPosition(epochId + 1, intervalId, epochInInterval + 1, nextStart);
    }
}
