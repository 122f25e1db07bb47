package net.nym.tokenomics.performance.domain.monitoring;

import java.time.Duration;
import java.time.Instant;

/** Why a monitor submission was refused; each names the field at fault. Nothing is recorded on a rejection. */
public sealed interface SubmissionRejection {

    String message();

    /** Signer not on the allow-list (nym-api answers 403). */
    record UnknownSigner(String signer) implements SubmissionRejection {
        public String message() {
            return "signer: " + signer + " is not an allowed network monitor";
        }
    }

    record InvalidSignature(String signer) implements SubmissionRejection {
        public String message() {
            return "signature: does not verify over the results and timestamp under signer " + signer;
        }
    }

    record StaleTimestamp(long timestamp, Instant receivedAt, Duration freshness) implements SubmissionRejection {
        public String message() {
            return "timestamp: " + timestamp + " is not within " + freshness.toSeconds() + " s before " + receivedAt;
        }
    }

    record FutureTimestamp(long timestamp, Instant receivedAt, Duration freshness) implements SubmissionRejection {
        public String message() {
            return "timestamp: " + timestamp + " is more than " + freshness.toSeconds() + " s after " + receivedAt;
        }
    }

    record EmptyResults() implements SubmissionRejection {
        public String message() {
            return "results: must not be empty";
        }
    }

    record TooManyResults(int count, int max) implements SubmissionRejection {
        public String message() {
            return "results: " + count + " entries exceed the maximum of " + max;
        }
    }

    record ReliabilityOutOfRange(int index, long nodeId, int reliability) implements SubmissionRejection {
        public String message() {
            return "results[" + index + "].reliability: " + reliability + " for node " + nodeId + " is not within 0..100";
        }
    }

    record DuplicateNodeId(int index, long nodeId) implements SubmissionRejection {
        public String message() {
            return "results[" + index + "].node_id: node " + nodeId + " appears more than once";
        }
    }

    record UnknownNode(int index, long nodeId) implements SubmissionRejection {
        public String message() {
            return "results[" + index + "].node_id: node " + nodeId + " is not bonded";
        }
    }

    record IdentityMismatch(int index, long nodeId, String submitted, String bonded) implements SubmissionRejection {
        public String message() {
            return "results[" + index + "].identity: " + submitted + " is not node " + nodeId + "'s bonded identity " + bonded;
        }
    }

    /** The same signer, kind and timestamp were already recorded: a replay, not counted twice. */
    record DuplicateSubmission(SubmissionKey key) implements SubmissionRejection {
        public String message() {
            return "timestamp: a " + key.kind() + " submission by " + key.signer() + " at " + key.timestamp()
                    + " was already recorded";
        }
    }
}
