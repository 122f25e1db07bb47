package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decide/evolve for monitor submissions. Checks run in nym-api's order (signer, signature, freshness), then over the
 * body's shape and the replay key, first failure wins, so a given input always gets the same rejection. An accepted
 * submission's entries are then sorted into usable ones (recorded) and ignored ones (reported): nym-api stores every
 * entry, so one entry that cannot be used does not refuse the others.
 */
public final class MonitorSubmissionDecider {

    /** Largest reliability nym-api's {@code u8} parses; 101..255 are accepted and ignored. */
    static final int MAX_U8 = 255;

    private MonitorSubmissionDecider() {
    }

    /** A submission's entries: those that count, and those that do not with their reasons, in submission order. */
    public record SortedResults(List<MonitorResult> usable, List<IgnoredResult> ignored) {
        public SortedResults {
            usable = List.copyOf(usable);
            ignored = List.copyOf(ignored);
        }
    }

    public static Decision<MonitoringResultsRecorded, SubmissionRejection> decide(SubmitMonitoringResults c,
                                                                                 SubmissionLedger state) {
        if (!c.allowedSigners().contains(c.signer())) {
            return Decision.reject(new SubmissionRejection.UnknownSigner(c.signer()));
        }
        if (!c.signatureValid()) {
            return Decision.reject(new SubmissionRejection.InvalidSignature(c.signer()));
        }
        // nym-api: now − timestamp < 5, in whole seconds. Written as a comparison so that any long (Long.MIN_VALUE
        // too) is compared without overflow; a timestamp from the future passes, as it does in nym-api.
        if (c.timestamp() <= c.receivedAt().getEpochSecond() - c.policy().freshness().toSeconds()) {
            return Decision.reject(new SubmissionRejection.StaleTimestamp(c.timestamp(), c.receivedAt(),
                    c.policy().freshness()));
        }
        List<MonitorResult> results = c.results();
        if (results.isEmpty()) {
            return Decision.reject(new SubmissionRejection.EmptyResults());
        }
        if (results.size() > c.policy().maxResults()) {
            return Decision.reject(new SubmissionRejection.TooManyResults(results.size(), c.policy().maxResults()));
        }
        for (int i = 0; i < results.size(); i++) {
            MonitorResult r = results.get(i);
            if (r.reliability() < 0 || r.reliability() > MAX_U8) {
                return Decision.reject(new SubmissionRejection.ReliabilityOutOfRange(i, r.nodeId(), r.reliability()));
            }
        }
        SubmissionKey key = new SubmissionKey(c.signer(), c.kind(), c.timestamp(), c.signedDigest());
        if (state.contains(key)) {
            return Decision.reject(new SubmissionRejection.DuplicateSubmission(key));
        }
        // Recorded even when no entry is usable: the submission is then known, and its replay is refused like any other.
        return Decision.accept(new MonitoringResultsRecorded(c.kind(), c.signer(), c.timestamp(), c.receivedAt(),
                sort(c).usable(), c.signedDigest()));
    }

    /**
     * The entries of {@code c} sorted into usable and ignored. A node counts once per submission: its first usable
     * entry; a later entry for it is a duplicate (an unusable earlier one is ignored and does not take its place).
     */
    public static SortedResults sort(SubmitMonitoringResults c) {
        List<MonitorResult> usable = new ArrayList<>(c.results().size());
        List<IgnoredResult> ignored = new ArrayList<>();
        Set<Long> counted = new HashSet<>(c.results().size() * 2);
        for (int i = 0; i < c.results().size(); i++) {
            MonitorResult r = c.results().get(i);
            BondedNode bonded = c.bondedNodes().get(r.nodeId());
            if (r.reliability() > 100) {
                ignored.add(new IgnoredResult(i, r.nodeId(), IgnoredResult.Reason.RELIABILITY_ABOVE_100,
                        r.reliability() + " is above 100"));
            } else if (bonded == null) {
                ignored.add(new IgnoredResult(i, r.nodeId(), IgnoredResult.Reason.UNKNOWN_NODE,
                        "node " + r.nodeId() + " is not bonded"));
            } else if (!bonded.identity().equals(r.identity())) {
                ignored.add(new IgnoredResult(i, r.nodeId(), IgnoredResult.Reason.IDENTITY_MISMATCH,
                        r.identity() + " is not node " + r.nodeId() + "'s bonded identity " + bonded.identity()));
            } else if (!counted.add(r.nodeId())) {
                ignored.add(new IgnoredResult(i, r.nodeId(), IgnoredResult.Reason.DUPLICATE_NODE_ID,
                        "node " + r.nodeId() + " is already counted earlier in this submission"));
            } else {
                usable.add(r);
            }
        }
        return new SortedResults(usable, ignored);
    }

    public static SubmissionLedger evolve(SubmissionLedger state, MonitoringResultsRecorded event) {
        return state.record(event);
    }
}
