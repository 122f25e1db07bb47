package net.nym.tokenomics.selection.domain.clock;

/**
 * How epochs end. {@code REAL} and {@code ACCELERATED} end on {@code Tick} at {@code start + epoch length} (they differ
 * only in the configured length); {@code MANUAL} ends only on an admin {@code Advance}.
 */
public enum ClockMode {
    REAL, ACCELERATED, MANUAL
}
