package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.Rejection;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a monitor submission was refused; each names the request field at fault. Nothing is recorded on a rejection.
 * Codes are the record names in snake case ({@code UnknownSigner} is {@code unknown_signer}).
 */
public sealed interface SubmissionRejection extends Rejection {

    @Override
    default String code() {
        return Rejection.codeOf(getClass());
    }

    @Override
    default ErrorKind kind() {
        return ErrorKind.INVALID;
    }

    /** "field: reason", for log lines. */
    default String message() {
        return field() + ": " + reason();
    }

    /** Signer not on the allow-list (nym-api answers 403). */
    record UnknownSigner(String signer) implements SubmissionRejection {
        public ErrorKind kind() {
            return ErrorKind.FORBIDDEN;
        }

        public String field() {
            return "signer";
        }

        public String reason() {
            return signer + " is not an allowed network monitor";
        }
    }

    /** The signature does not verify: the submission is not authenticated as the signer's. */
    record InvalidSignature(String signer) implements SubmissionRejection {
        public ErrorKind kind() {
            return ErrorKind.UNAUTHENTICATED;
        }

        public String field() {
            return "signature";
        }

        public String reason() {
            return "does not verify over the results and timestamp under signer " + signer;
        }
    }

    record StaleTimestamp(long timestamp, Instant receivedAt, Duration freshness) implements SubmissionRejection {
        public String field() {
            return "timestamp";
        }

        public String reason() {
            return timestamp + " is not within " + freshness.toSeconds() + " s before " + receivedAt;
        }
    }

    record EmptyResults() implements SubmissionRejection {
        public String field() {
            return "results";
        }

        public String reason() {
            return "must not be empty";
        }
    }

    record TooManyResults(int count, int max) implements SubmissionRejection {
        public ErrorKind kind() {
            return ErrorKind.TOO_LARGE;
        }

        public String field() {
            return "results";
        }

        public String reason() {
            return count + " entries exceed the maximum of " + max;
        }
    }

    /** Not a u8: nym-api's parser refuses the whole body (101..255 are accepted and ignored: {@link IgnoredResult}). */
    record ReliabilityOutOfRange(int index, long nodeId, int reliability) implements SubmissionRejection {
        public String field() {
            return "results[" + index + "].reliability";
        }

        public String reason() {
            return reliability + " for node " + nodeId + " is not within 0..255";
        }
    }

    /** The same signed bytes were already recorded on this endpoint: a replay, not counted twice. */
    record DuplicateSubmission(SubmissionKey key) implements SubmissionRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "timestamp";
        }

        public String reason() {
            return "a " + key.kind() + " submission by " + key.signer() + " with these signed bytes (timestamp "
                    + key.timestamp() + ") was already recorded";
        }
    }
}
