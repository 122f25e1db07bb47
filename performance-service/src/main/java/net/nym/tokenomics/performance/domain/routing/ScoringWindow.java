package net.nym.tokenomics.performance.domain.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The measurement window {@code [end − length, end]}, inclusive at both ends as nym-api's SQL BETWEEN is. */
public record ScoringWindow(Instant start, Instant end) {

    public static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    public ScoringWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("window start " + start + " is after its end " + end);
        }
    }

    public static ScoringWindow endingAt(Instant end, Duration length) {
        return new ScoringWindow(end.minus(length), end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }
}
