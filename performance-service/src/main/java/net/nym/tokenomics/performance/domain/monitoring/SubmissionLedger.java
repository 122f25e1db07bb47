package net.nym.tokenomics.performance.domain.monitoring;

import java.time.Duration;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * State of the submission stream: the keys of recently recorded submissions, for replay detection.
 * Keys whose timestamp is older than {@code retention} before the newest recorded {@code receivedAt} are dropped: such
 * a timestamp is already refused as stale as long as {@code retention} exceeds the freshness window plus any clock skew
 * between the instances that record (use minutes, not seconds). A timestamp from the future (accepted, as by nym-api)
 * stays until it is that old. Pruning reads only event fields, so a fold is reproducible.
 */
public record SubmissionLedger(Duration retention, NavigableSet<SubmissionKey> recentKeys) {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    public SubmissionLedger {
        Objects.requireNonNull(retention, "retention");
        recentKeys = Collections.unmodifiableNavigableSet(new TreeSet<>(recentKeys));
    }

    public static SubmissionLedger empty(Duration retention) {
        return new SubmissionLedger(retention, new TreeSet<>());
    }

    public boolean contains(SubmissionKey key) {
        return recentKeys.contains(key);
    }

    SubmissionLedger record(MonitoringResultsRecorded event) {
        TreeSet<SubmissionKey> next = new TreeSet<>(recentKeys);
        next.add(event.key());
        long horizon = event.receivedAt().getEpochSecond() - retention.toSeconds();
        next.headSet(SubmissionKey.first(horizon), false).clear();
        return new SubmissionLedger(retention, next);
    }
}
