package net.nym.tokenomics.performance.domain;

/**
 * Machine-readable reasons attached to a node's per-epoch score. Those marked "zero" force the performance to 0;
 * the others explain a reduced score. Declaration order is the order in which they are listed in events.
 */
public enum ScoreReason {
    /** zero: no monitor measurement of the node inside the scoring window. */
    NO_MEASUREMENTS,
    /** zero: measurements exist but every one reported 0 reliability (unroutable). */
    ZERO_RELIABILITY,
    /** zero: no self-description fact about the node at or before the epoch end. */
    NO_SELF_DESCRIPTION,
    /** zero: the latest self-description probe before the epoch end could not reach the node. */
    NODE_UNREACHABLE,
    /** zero: the self-described build version is not valid semver. */
    BAD_VERSION,
    /** zero: the node does not run the {@code nym-node} binary. */
    NOT_NYM_NODE,
    /** zero: the operator has not accepted the terms and conditions. */
    TERMS_NOT_ACCEPTED,
    /** reduced: the node runs an outdated (or implausibly new) version, versions_behind &gt; 0. */
    OUTDATED_VERSION
}
