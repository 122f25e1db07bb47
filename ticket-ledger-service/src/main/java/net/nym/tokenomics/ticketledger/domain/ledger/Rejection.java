package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a whole command was refused; nothing is recorded. {@link #field()} names the request field at fault,
 * {@link #reason()} says why, {@link #kind()} decides the HTTP status (the shared error table) and the code is the
 * record's name in snake_case ({@code UnknownGateway} is {@code unknown_gateway}).
 */
public sealed interface Rejection extends net.nym.tokenomics.eventlog.api.Rejection {

    @Override
    default ErrorKind kind() {
        return switch (this) {
            case UnknownGateway r -> ErrorKind.FORBIDDEN;
            case GatewayNotBonded r -> ErrorKind.FORBIDDEN;
            case BatchTooLarge r -> ErrorKind.TOO_LARGE;
            case IdempotencyKeyConflict r -> ErrorKind.CONFLICT;
            case EpochAlreadyClosed r -> ErrorKind.CONFLICT;
            case EpochCloseOutOfOrder r -> ErrorKind.CONFLICT;
            case IdentityHeldByBondedNode r -> ErrorKind.CONFLICT;
            case EmptyBatch r -> ErrorKind.INVALID;
            case StaleSubmission r -> ErrorKind.INVALID;
            case SubmissionFromFuture r -> ErrorKind.INVALID;
            case DigestMismatch r -> ErrorKind.INVALID;
            case InvalidIdempotencyKey r -> ErrorKind.INVALID;
        };
    }

    @Override
    default String code() {
        return net.nym.tokenomics.eventlog.api.Rejection.codeOf(getClass());
    }

    record UnknownGateway(GatewayIdentity gateway) implements Rejection {
        public String field() {
            return "gateway";
        }

        public String reason() {
            return "no gateway node has identity key " + gateway;
        }
    }

    record GatewayNotBonded(GatewayIdentity gateway, long nodeId) implements Rejection {
        public String field() {
            return "gateway";
        }

        public String reason() {
            return "gateway node " + nodeId + " (" + gateway + ") is not bonded";
        }
    }

    record EmptyBatch() implements Rejection {
        public String field() {
            return "tickets";
        }

        public String reason() {
            return "a batch must contain at least one ticket";
        }
    }

    record BatchTooLarge(int size, int maxBatchSize) implements Rejection {
        public String field() {
            return "tickets";
        }

        public String reason() {
            return "batch has " + size + " tickets, the maximum is " + maxBatchSize;
        }
    }

    record StaleSubmission(Instant submittedAt, Instant now, Duration maxAge) implements Rejection {
        public String field() {
            return "submitted_at";
        }

        public String reason() {
            return "submitted_at " + submittedAt + " is older than " + maxAge.toSeconds() + " s at " + now;
        }
    }

    record SubmissionFromFuture(Instant submittedAt, Instant now, Duration maxSkew) implements Rejection {
        public String field() {
            return "submitted_at";
        }

        public String reason() {
            return "submitted_at " + submittedAt + " is more than " + maxSkew.toSeconds() + " s ahead of " + now;
        }
    }

    /** {@code computed} is empty when a serial is not Base58 and so has no bytes to hash. */
    record DigestMismatch(String claimed, String computed, String detail) implements Rejection {
        public String field() {
            return "digest";
        }

        public String reason() {
            return "digest " + claimed + " does not match the serials: " + detail;
        }
    }

    record InvalidIdempotencyKey(String key, String reason) implements Rejection {
        public String field() {
            return "idempotency_key";
        }

        public String reason() {
            return "idempotency key is invalid: " + reason;
        }
    }

    /** The key was used before for a batch with different tickets. */
    record IdempotencyKeyConflict(String key, String originalFingerprint, String fingerprint) implements Rejection {
        public String field() {
            return "idempotency_key";
        }

        public String reason() {
            return "idempotency key '" + key + "' was already used for a different batch (tickets digest "
                    + originalFingerprint + ", this one " + fingerprint + ")";
        }
    }

    record EpochAlreadyClosed(long epoch, long lastClosedEpoch) implements Rejection {
        public String field() {
            return "epoch";
        }

        public String reason() {
            return "epoch " + epoch + " is already closed (last closed epoch " + lastClosedEpoch + ")";
        }
    }

    /** Epochs close one by one, so no recorded usage is left behind in an epoch that was skipped. */
    record EpochCloseOutOfOrder(long epoch, long expectedEpoch) implements Rejection {
        public String field() {
            return "epoch";
        }

        public String reason() {
            return "cannot close epoch " + epoch + " before epoch " + expectedEpoch;
        }
    }

    record IdentityHeldByBondedNode(GatewayIdentity identity, long holderNodeId) implements Rejection {
        public String field() {
            return "identity";
        }

        public String reason() {
            return "identity key " + identity + " belongs to bonded node " + holderNodeId;
        }
    }
}
