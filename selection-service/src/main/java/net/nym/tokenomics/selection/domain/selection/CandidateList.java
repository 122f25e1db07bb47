package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the ordered lottery entries from the latest facts about bonded nodes (reference A.2, A.3). */
public final class CandidateList {

    /** A bonded nym-node with its owner account and the roles it declares. */
    public record BondedNode(NodeId nodeId, String owner, DeclaredRoles roles) {
        public BondedNode {
            Objects.requireNonNull(nodeId, "node_id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(roles, "roles");
        }
    }

    /** A node's rewarding-details stake, including compounded rewards. */
    public record NodeStake(Decimal operator, Decimal delegates) {
        public Decimal total() {
            return operator.plus(delegates);
        }
    }

    /** The latest stake snapshot: per-node stake and the interval's stake saturation point. */
    public record StakeSnapshot(Decimal stakeSaturationPoint, Map<NodeId, NodeStake> stakes) {
        public StakeSnapshot {
            if (stakeSaturationPoint.isZero()) {
                throw new IllegalArgumentException("stake_saturation_point must be positive");
            }
            stakes = Map.copyOf(stakes);
        }
    }

    private CandidateList() {
    }

    /**
     * Every bonded node that declares at least one role, ascending by node id. A node missing from the stake
     * snapshot has stake 0; one without a performance has performance 0. Either gives weight 0, but the node stays a
     * candidate and can still fill places that positive weights cannot.
     */
    public static List<Candidate> build(Collection<BondedNode> bonded, StakeSnapshot snapshot,
                                        Map<NodeId, Percent> performance) {
        List<BondedNode> sorted = bonded.stream()
                .filter(n -> n.roles().any())
                .sorted(Comparator.comparing(BondedNode::nodeId))
                .toList();
        // each candidate's saturation and weight (a flooring pow of 20) depend on that node alone: they are computed
        // on every core, and the ordered stream keeps the list in node id order, so the list is the same
        return sorted.parallelStream()
                .map(n -> Candidate.of(n.nodeId(), n.owner(), n.roles(),
                        snapshot.stakes().getOrDefault(n.nodeId(), new NodeStake(Decimal.ZERO, Decimal.ZERO)).total(),
                        snapshot.stakeSaturationPoint(),
                        performance.getOrDefault(n.nodeId(), Percent.ZERO)))
                .toList();
    }
}
