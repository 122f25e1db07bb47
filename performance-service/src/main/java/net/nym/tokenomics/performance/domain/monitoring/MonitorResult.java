package net.nym.tokenomics.performance.domain.monitoring;

import java.util.Objects;

/**
 * One entry of a monitor submission as sent: {@code {node_id, identity, reliability}}. Range checks are the
 * decider's (typed rejections), so this record accepts any values a JSON parser produced.
 */
public record MonitorResult(long nodeId, String identity, int reliability) {
    public MonitorResult {
        Objects.requireNonNull(identity, "identity");
    }
}
