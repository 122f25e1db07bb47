package net.nym.tokenomics.performance.domain.monitoring;

import java.time.Duration;
import java.util.Objects;

/**
 * Submission limits. {@code freshness}: a submission is stale when {@code receivedAt − timestamp ≥ freshness} in whole
 * seconds, {@code receivedAt} truncated to its second (nym-api's {@code now − timestamp < 5}); a timestamp from the
 * future is never stale, as in nym-api.
 * {@code maxResults}: most entries in one submission.
 */
public record SubmissionPolicy(Duration freshness, int maxResults) {

    public static final SubmissionPolicy DEFAULT = new SubmissionPolicy(Duration.ofSeconds(5), 20_000);

    public SubmissionPolicy {
        Objects.requireNonNull(freshness, "freshness");
        if (freshness.isNegative() || freshness.isZero()) {
            throw new IllegalArgumentException("freshness must be positive, got " + freshness);
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, got " + maxResults);
        }
    }
}
