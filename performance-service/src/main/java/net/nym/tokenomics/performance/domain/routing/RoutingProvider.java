package net.nym.tokenomics.performance.domain.routing;

/** Where the routing score comes from (B.2). */
public enum RoutingProvider {
    /** B.2(a), nym-api's default: average reliability in the window, node and gateway monitors combined. */
    LEGACY,
    /** B.2(b): median of per-monitor values rounded to 2 dp. */
    MEDIAN
}
