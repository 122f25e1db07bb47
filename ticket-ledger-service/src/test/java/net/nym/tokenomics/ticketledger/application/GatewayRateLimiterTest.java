package net.nym.tokenomics.ticketledger.application;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRateLimiterTest {

    private static final GatewayIdentity A = GatewayIdentity.ofBytes(new byte[32]);
    private static final GatewayIdentity B = GatewayIdentity.ofBytes(filled(7));

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void aBurstPassesThenTheRateRefillsOneTokenAtATimePerGateway() {
        AtomicLong now = new AtomicLong(0);
        GatewayRateLimiter limiter = new GatewayRateLimiter(true, 3, 2.0, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(A)).isEmpty();
        }
        assertThat(limiter.acquire(A)).hasValue(Duration.ofMillis(500));
        assertThat(limiter.acquire(B)).isEmpty();
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.acquire(A)).isPresent();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.acquire(A)).isEmpty();
        assertThat(limiter.acquire(A)).isPresent();
        // A long pause refills to the burst size, never beyond.
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(A)).isEmpty();
        }
        assertThat(limiter.acquire(A)).isPresent();
    }

    @Test
    void aDisabledLimiterNeverRefuses() {
        GatewayRateLimiter limiter = new GatewayRateLimiter(false, 1, 0.001, () -> 0);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire(A)).isEmpty();
        }
    }
}
