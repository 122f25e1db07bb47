package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.performance.domain.config.ConfigScoreParams;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.domain.routing.ScoringWindow;

import java.time.Duration;
import java.util.Objects;

/** Scoring parameters, passed in with each computation (the domain reads no configuration itself). */
public record PerformanceConfig(RoutingProvider routingProvider, Duration window, ConfigScoreParams configScore) {

    public static final PerformanceConfig DEFAULT =
            new PerformanceConfig(RoutingProvider.LEGACY, ScoringWindow.DEFAULT_LENGTH, ConfigScoreParams.DEFAULT);

    public PerformanceConfig {
        Objects.requireNonNull(routingProvider, "routingProvider");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(configScore, "configScore");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative, got " + window);
        }
    }
}
