package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decide/evolve for monitor submissions. Checks run in nym-api's order (signer, signature, freshness) and then
 * over the body, first failure wins, so a given input always gets the same rejection.
 */
public final class MonitorSubmissionDecider {

    private MonitorSubmissionDecider() {
    }

    public static Decision<MonitoringResultsRecorded, SubmissionRejection> decide(SubmitMonitoringResults c,
                                                                                 SubmissionLedger state) {
        if (!c.allowedSigners().contains(c.signer())) {
            return Decision.reject(new SubmissionRejection.UnknownSigner(c.signer()));
        }
        if (!c.signatureValid()) {
            return Decision.reject(new SubmissionRejection.InvalidSignature(c.signer()));
        }
        Duration freshness = c.policy().freshness();
        // First in whole seconds: any long may be sent, but Instant.ofEpochSecond throws beyond year 1,000,000,000
        // (Long.MAX_VALUE among them). Only a timestamp near receivedAt becomes an Instant, for the exact comparison.
        long seconds = c.timestamp();
        if (seconds < c.receivedAt().minus(freshness).getEpochSecond()) {
            return Decision.reject(new SubmissionRejection.StaleTimestamp(c.timestamp(), c.receivedAt(), freshness));
        }
        if (seconds > c.receivedAt().plus(freshness).getEpochSecond()) {
            return Decision.reject(new SubmissionRejection.FutureTimestamp(c.timestamp(), c.receivedAt(), freshness));
        }
        Instant claimed = Instant.ofEpochSecond(seconds);
        if (!claimed.isAfter(c.receivedAt().minus(freshness))) {
            return Decision.reject(new SubmissionRejection.StaleTimestamp(c.timestamp(), c.receivedAt(), freshness));
        }
        if (claimed.isAfter(c.receivedAt().plus(freshness))) {
            return Decision.reject(new SubmissionRejection.FutureTimestamp(c.timestamp(), c.receivedAt(), freshness));
        }
        List<MonitorResult> results = c.results();
        if (results.isEmpty()) {
            return Decision.reject(new SubmissionRejection.EmptyResults());
        }
        if (results.size() > c.policy().maxResults()) {
            return Decision.reject(new SubmissionRejection.TooManyResults(results.size(), c.policy().maxResults()));
        }
        Set<Long> seen = new HashSet<>(results.size() * 2);
        for (int i = 0; i < results.size(); i++) {
            MonitorResult r = results.get(i);
            if (r.reliability() < 0 || r.reliability() > 100) {
                return Decision.reject(new SubmissionRejection.ReliabilityOutOfRange(i, r.nodeId(), r.reliability()));
            }
            if (!seen.add(r.nodeId())) {
                return Decision.reject(new SubmissionRejection.DuplicateNodeId(i, r.nodeId()));
            }
            BondedNode bonded = c.bondedNodes().get(r.nodeId());
            if (bonded == null) {
                return Decision.reject(new SubmissionRejection.UnknownNode(i, r.nodeId()));
            }
            if (!bonded.identity().equals(r.identity())) {
                return Decision.reject(new SubmissionRejection.IdentityMismatch(i, r.nodeId(), r.identity(),
                        bonded.identity()));
            }
        }
        SubmissionKey key = new SubmissionKey(c.signer(), c.kind(), c.timestamp());
        if (state.contains(key)) {
            return Decision.reject(new SubmissionRejection.DuplicateSubmission(key));
        }
        return Decision.accept(new MonitoringResultsRecorded(c.kind(), c.signer(), c.timestamp(), c.receivedAt(), results));
    }

    public static SubmissionLedger evolve(SubmissionLedger state, MonitoringResultsRecorded event) {
        return state.record(event);
    }
}
