package net.nym.tokenomics.performance.domain.routing;

/** A node's routing score in [0, 1] and how many in-window measurements it rests on. */
public record RoutingScore(double score, long measurementCount) {

    public static final RoutingScore NO_DATA = new RoutingScore(0.0, 0);

    public RoutingScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("routing score must be within [0, 1], got " + score);
        }
        if (measurementCount < 0) {
            throw new IllegalArgumentException("measurement count must be non-negative");
        }
    }
}
