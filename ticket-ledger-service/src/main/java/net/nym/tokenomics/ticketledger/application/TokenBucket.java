package net.nym.tokenomics.ticketledger.application;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills at {@code ratePerSecond}, and each request takes one.
 * Time comes in as nanoseconds from a monotonic source, so tests drive it without sleeping. Not thread-safe by itself.
 */
final class TokenBucket {

    private final double capacity;
    private final double ratePerNano;
    private double tokens;
    private long lastNanos;

    TokenBucket(int capacity, double ratePerSecond, long nowNanos) {
        if (capacity < 1 || !(ratePerSecond > 0)) {
            throw new IllegalArgumentException("a bucket needs capacity >= 1 and a positive rate");
        }
        this.capacity = capacity;
        this.ratePerNano = ratePerSecond / 1e9;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if one is there; otherwise returns the nanoseconds until one will be. */
    long tryTake(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }
}
