package net.nym.tokenomics.selection.domain.clock;

import java.time.Duration;

/** The clock's fixed configuration, recorded in {@link EpochClockEvent.ClockInitialized}. */
public record ClockConfig(Duration epochLength, int epochsInInterval, ClockMode mode) {

    public static final Duration REAL_EPOCH_LENGTH = Duration.ofHours(1);
    public static final int DEFAULT_EPOCHS_IN_INTERVAL = 720;
}
