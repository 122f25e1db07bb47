package net.nym.tokenomics.performance.domain.monitoring;

import java.util.Objects;

/**
 * An entry of an accepted submission that is not counted: nym-api stores every entry of a signed, fresh submission
 * (B.7), so the rest of the submission is recorded and this one is reported instead of refusing them all.
 * {@code index} is the entry's position in the submission as sent.
 */
public record IgnoredResult(int index, long nodeId, Reason reason, String detail) {

    public IgnoredResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why an entry cannot be used; {@link #code()} is the name in snake case. */
    public enum Reason {
        /** 101..255: a valid u8 for nym-api, but no reliability (nym-api's average would exceed 100 %). */
        RELIABILITY_ABOVE_100,
        /** The node is not bonded here (nym-api stores it under a node id nothing reads). */
        UNKNOWN_NODE,
        /** The identity is not the node's bonded identity. */
        IDENTITY_MISMATCH,
        /** The node already has a usable entry earlier in the same submission; the first one counts. */
        DUPLICATE_NODE_ID;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
