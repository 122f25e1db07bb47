package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.performance.domain.routing.RoutingProvider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Event: the performance of every bonded node for {@code epoch}, sorted by node id. Published once per epoch. */
public record EpochPerformanceComputed(long epoch, Instant windowStart, Instant windowEnd,
                                       RoutingProvider routingProvider, List<NodePerformance> nodes) {
    public EpochPerformanceComputed {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(routingProvider, "routingProvider");
        nodes = List.copyOf(nodes);
    }
}
