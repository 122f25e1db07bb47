package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.performance.domain.routing.Measurement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Event: a submission passed every check. Its measurements count at {@code receivedAt}. */
public record MonitoringResultsRecorded(MonitorKind kind, String signer, long timestamp, Instant receivedAt,
                                        List<MonitorResult> results) {
    public MonitoringResultsRecorded {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(receivedAt, "receivedAt");
        results = List.copyOf(results);
    }

    public SubmissionKey key() {
        return new SubmissionKey(signer, kind, timestamp);
    }

    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>(results.size());
        for (MonitorResult r : results) {
            out.add(new Measurement(r.nodeId(), kind, signer, receivedAt, r.reliability()));
        }
        return out;
    }
}
