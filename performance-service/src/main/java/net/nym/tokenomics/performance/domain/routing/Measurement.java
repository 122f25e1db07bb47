package net.nym.tokenomics.performance.domain.routing;

import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded reliability (0–100) of one node by one monitor. {@code recordedAt} is when this service accepted
 * the submission, not the monitor's claimed time: a measurement counts in the window it was recorded in.
 */
public record Measurement(long nodeId, MonitorKind kind, String monitor, Instant recordedAt, int reliability) {
    public Measurement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (reliability < 0 || reliability > 100) {
            throw new IllegalArgumentException("reliability must be within 0..100, got " + reliability);
        }
    }
}
