package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.performance.domain.routing.Measurement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Event: a submission passed every check. {@code results} are its usable entries (ignored ones are reported, not
 * stored); its measurements count at {@code receivedAt}. {@code signedDigest} names the signed bytes (see
 * {@link SubmissionKey}); null in events recorded before it was kept.
 */
public record MonitoringResultsRecorded(MonitorKind kind, String signer, long timestamp, Instant receivedAt,
                                        List<MonitorResult> results, String signedDigest) {
    public MonitoringResultsRecorded {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(receivedAt, "receivedAt");
        results = List.copyOf(results);
    }

    /** The event as recorded before the digest was kept (benchmarks and older fixtures build these). */
    public MonitoringResultsRecorded(MonitorKind kind, String signer, long timestamp, Instant receivedAt,
                                     List<MonitorResult> results) {
        this(kind, signer, timestamp, receivedAt, results, null);
    }

    public SubmissionKey key() {
        return new SubmissionKey(signer, kind, timestamp, signedDigest);
    }

    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>(results.size());
        for (MonitorResult r : results) {
            out.add(new Measurement(r.nodeId(), kind, signer, receivedAt, r.reliability()));
        }
        return out;
    }
}
