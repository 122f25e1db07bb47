package net.nym.tokenomics.ticketledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.nym.tokenomics.ticketledger.config.LedgerSettings;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One token bucket per gateway identity, in this instance's memory (with N instances a gateway gets up to N times the
 * rate; the API gateway in front enforces the global limit). Applied after the signature check, so nobody can spend
 * another gateway's budget by sending garbage in its name. Idle buckets are full buckets: the map keeps the most
 * recently used 100,000 and drops the oldest.
 */
@ApplicationScoped
public class GatewayRateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final boolean enabled;
    private final int burst;
    private final double ratePerSecond;
    private final LongSupplier nanos;
    private final Map<GatewayIdentity, TokenBucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GatewayIdentity, TokenBucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    @Inject
    public GatewayRateLimiter(LedgerSettings settings) {
        this(settings.rateLimit().enabled(), settings.rateLimit().burst(), settings.rateLimit().requestsPerSecond(),
                System::nanoTime);
    }

    GatewayRateLimiter(boolean enabled, int burst, double ratePerSecond, LongSupplier nanos) {
        this.enabled = enabled;
        this.burst = burst;
        this.ratePerSecond = ratePerSecond;
        this.nanos = nanos;
    }

    /** Empty when the request may go ahead; otherwise how long the gateway should wait. */
    public synchronized Optional<Duration> acquire(GatewayIdentity gateway) {
        if (!enabled) {
            return Optional.empty();
        }
        long now = nanos.getAsLong();
        long wait = buckets.computeIfAbsent(gateway, g -> new TokenBucket(burst, ratePerSecond, now)).tryTake(now);
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    public int burst() {
        return burst;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }
}
