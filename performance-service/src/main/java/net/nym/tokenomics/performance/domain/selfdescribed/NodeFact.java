package net.nym.tokenomics.performance.domain.selfdescribed;

import net.nym.tokenomics.performance.domain.NodeIds;

import java.time.Instant;
import java.util.Objects;

/** A prober's observation of one node's self-described API (B.6). These are the self-description stream's events. */
public sealed interface NodeFact {

    long nodeId();

    Instant observedAt();

    /**
     * The node answered with its build information, roles and auxiliary details. {@code buildVersion} is the raw
     * text (validated only when scoring: a bad version is a fact about the node, not a bad event).
     * {@code reachable = false} is treated like {@link NodeUnreachable}.
     */
    record NodeDescribed(long nodeId, Instant observedAt, boolean reachable, String binaryName, String buildVersion,
                         NodeRoles roles, boolean acceptedTerms) implements NodeFact {
        public NodeDescribed {
            NodeIds.requireValid(nodeId);
            Objects.requireNonNull(observedAt, "observedAt");
            Objects.requireNonNull(binaryName, "binaryName");
            Objects.requireNonNull(buildVersion, "buildVersion");
            Objects.requireNonNull(roles, "roles");
        }
    }

    /** The node could not be probed (down, identity mismatch, bad signature, non-public IP...); reason is free text. */
    record NodeUnreachable(long nodeId, Instant observedAt, String reason) implements NodeFact {
        public NodeUnreachable {
            NodeIds.requireValid(nodeId);
            Objects.requireNonNull(observedAt, "observedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
