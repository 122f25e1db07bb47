package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.encoding.Base58;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a whole command was refused; nothing is recorded. {@link #field()} names the request field at fault and
 * {@link #message()} says why, for the REST layer's 4xx body (409 for the conflicts, 422 otherwise).
 */
public sealed interface Rejection {

    String field();

    String message();

    record UnknownGateway(GatewayIdentity gateway) implements Rejection {
        public String field() {
            return "gateway";
        }

        public String message() {
            return "no gateway node has identity key " + gateway;
        }
    }

    record GatewayNotBonded(GatewayIdentity gateway, long nodeId) implements Rejection {
        public String field() {
            return "gateway";
        }

        public String message() {
            return "gateway node " + nodeId + " (" + gateway + ") is not bonded";
        }
    }

    record EmptyBatch() implements Rejection {
        public String field() {
            return "tickets";
        }

        public String message() {
            return "a batch must contain at least one ticket";
        }
    }

    record BatchTooLarge(int size, int maxBatchSize) implements Rejection {
        public String field() {
            return "tickets";
        }

        public String message() {
            return "batch has " + size + " tickets, the maximum is " + maxBatchSize;
        }
    }

    record StaleSubmission(Instant submittedAt, Instant now, Duration maxAge) implements Rejection {
        public String field() {
            return "submitted_at";
        }

        public String message() {
            return "submitted_at " + submittedAt + " is older than " + maxAge.toSeconds() + " s at " + now;
        }
    }

    record SubmissionFromFuture(Instant submittedAt, Instant now, Duration maxSkew) implements Rejection {
        public String field() {
            return "submitted_at";
        }

        public String message() {
            return "submitted_at " + submittedAt + " is more than " + maxSkew.toSeconds() + " s ahead of " + now;
        }
    }

    /** {@code computed} is empty when a serial is not Base58 and so has no bytes to hash. */
    record DigestMismatch(String claimed, String computed, String detail) implements Rejection {
        public String field() {
            return "digest";
        }

        public String message() {
            return "digest " + claimed + " does not match the serials: " + detail;
        }
    }

    record InvalidIdempotencyKey(String key, String reason) implements Rejection {
        public String field() {
            return "idempotency_key";
        }

        public String message() {
            return "idempotency key is invalid: " + reason;
        }
    }

    /** The key was used before for a batch with different tickets. */
    record IdempotencyKeyConflict(String key, String originalFingerprint, String fingerprint) implements Rejection {
        public String field() {
            return "idempotency_key";
        }

        public String message() {
            return "idempotency key '" + key + "' was already used for a different batch (tickets digest "
                    + originalFingerprint + ", this one " + fingerprint + ")";
        }
    }

    record EpochAlreadyClosed(long epoch, long lastClosedEpoch) implements Rejection {
        public String field() {
            return "epoch";
        }

        public String message() {
            return "epoch " + epoch + " is already closed (last closed epoch " + lastClosedEpoch + ")";
        }
    }

    /** Epochs close one by one, so no recorded usage is left behind in an epoch that was skipped. */
    record EpochCloseOutOfOrder(long epoch, long expectedEpoch) implements Rejection {
        public String field() {
            return "epoch";
        }

        public String message() {
            return "cannot close epoch " + epoch + " before epoch " + expectedEpoch;
        }
    }

    record IdentityHeldByBondedNode(GatewayIdentity identity, long holderNodeId) implements Rejection {
        public String field() {
            return "identity";
        }

        public String message() {
            return "identity key " + identity + " belongs to bonded node " + holderNodeId;
        }
    }
}
