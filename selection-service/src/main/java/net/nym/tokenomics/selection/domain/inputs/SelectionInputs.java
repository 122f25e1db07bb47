package net.nym.tokenomics.selection.domain.inputs;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochPerformanceComputed;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeBonded;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodePerformance;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeStake;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeUnbonded;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.StakeSnapshotTaken;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.CandidateList;
import net.nym.tokenomics.selection.domain.selection.CandidateList.BondedNode;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The selection's inputs as recorded in the service's own log: the node registry (NodeBonded/NodeUnbonded), stake
 * snapshots and per-epoch performance. A fold accumulator: {@code apply*} mutate it in log order, and
 * {@link #readinessFor} answers whether the rewarded set of an epoch can be selected and from what.
 *
 * <p>Order independence: the selection of epoch {@code e+1} reads only {@code StakeSnapshotTaken(e)} (which nodes are
 * bonded, their stake, the sizes and the saturation point), {@code EpochPerformanceComputed(e)} and the registration
 * (owner, roles) of each node in that snapshot, and it waits until all of them are recorded. It therefore gives the same
 * candidates whatever order these inputs arrived in. The first snapshot and the first performance of an epoch win: a
 * published result is never recomputed, so a later different one for the same epoch is ignored.
 */
public final class SelectionInputs {

    /** A registered node: owner and declared roles from its NodeBonded; {@code unbonded} once NodeUnbonded was seen. */
    public record Registration(NodeId nodeId, String owner, DeclaredRoles roles, long bondedInEpoch, boolean unbonded) {
    }

    /** What the selection of one epoch reads, or why it cannot run yet. */
    public sealed interface Readiness {
        record Ready(List<Candidate> candidates, RewardedSetSizes sizes, Decimal stakeSaturationPoint) implements Readiness {
        }

        record Waiting(List<String> missing) implements Readiness {
        }
    }

    private final SortedMap<NodeId, Registration> registry = new TreeMap<>();
    private final SortedMap<Long, StakeSnapshotTaken> snapshots = new TreeMap<>();
    private final SortedMap<Long, EpochPerformanceComputed> performance = new TreeMap<>();

    public void applyBonded(NodeBonded e) {
        NodeId id = NodeId.of(e.nodeId());
        DeclaredRoles roles = e.roles() == null ? DeclaredRoles.NONE
                : new DeclaredRoles(e.roles().mixnode(), e.roles().entry(), e.roles().exit());
        registry.put(id, new Registration(id, e.owner(), roles, e.bondedInEpoch(), false));
    }

    public void applyUnbonded(NodeUnbonded e) {
        NodeId id = NodeId.of(e.nodeId());
        Registration r = registry.get(id);
        if (r != null) {
            registry.put(id, new Registration(id, r.owner(), r.roles(), r.bondedInEpoch(), true));
        }
    }

    /** @return false when a snapshot of that epoch was already recorded (the first one wins) */
    public boolean applySnapshot(StakeSnapshotTaken e) {
        return snapshots.putIfAbsent(e.epochId(), e) == null;
    }

    /** @return false when a performance of that epoch was already recorded (the first one wins) */
    public boolean applyPerformance(EpochPerformanceComputed e) {
        return performance.putIfAbsent(e.epochId(), e) == null;
    }

    public boolean hasSnapshot(long epochId) {
        return snapshots.containsKey(epochId);
    }

    public boolean hasPerformance(long epochId) {
        return performance.containsKey(epochId);
    }

    public SortedMap<NodeId, Registration> registry() {
        return Collections.unmodifiableSortedMap(registry);
    }

    /** The recorded stake snapshots not forgotten yet, by epoch. */
    public SortedMap<Long, StakeSnapshotTaken> snapshots() {
        return Collections.unmodifiableSortedMap(snapshots);
    }

    /** The recorded performance not forgotten yet, by epoch. */
    public SortedMap<Long, EpochPerformanceComputed> performance() {
        return Collections.unmodifiableSortedMap(performance);
    }

    /** Records a registration as {@link #registry()} gave it (restoring a saved state; the last one of a node wins). */
    public void restore(Registration r) {
        registry.put(r.nodeId(), r);
    }

    /** Drops inputs of epochs before {@code epochId}: a selection never reads them again. */
    public void forgetBefore(long epochId) {
        snapshots.headMap(epochId).clear();
        performance.headMap(epochId).clear();
    }

    /**
     * Whether the rewarded set of {@code epochId} (&ge; 1) can be selected: it needs the stake snapshot and the
     * performance of epoch {@code epochId - 1}, and the registration of every node in that snapshot.
     */
    public Readiness readinessFor(long epochId) {
        long inputEpoch = epochId - 1;
        List<String> missing = new ArrayList<>();
        StakeSnapshotTaken snapshot = snapshots.get(inputEpoch);
        EpochPerformanceComputed perf = performance.get(inputEpoch);
        if (snapshot == null) {
            missing.add("StakeSnapshotTaken(" + inputEpoch + ")");
        }
        if (perf == null) {
            missing.add("EpochPerformanceComputed(" + inputEpoch + ")");
        }
        if (snapshot == null) {
            return new Readiness.Waiting(missing);
        }
        // hash maps: they are only looked up, and the candidates are sorted by node id when the list is built
        Map<NodeId, CandidateList.NodeStake> stakes = HashMap.newHashMap(snapshot.nodes().size());
        List<BondedNode> bonded = new ArrayList<>();
        for (NodeStake s : snapshot.nodes()) {
            NodeId id = NodeId.of(s.nodeId());
            Registration r = registry.get(id);
            if (r == null) {
                missing.add("NodeBonded(" + id + ")");
                continue;
            }
            if (stakes.putIfAbsent(id, new CandidateList.NodeStake(s.operator(), s.delegates())) == null) {
                bonded.add(new BondedNode(id, r.owner(), r.roles()));
            }
        }
        if (!missing.isEmpty()) {
            return new Readiness.Waiting(missing);
        }
        RewardedSetSizes sizes = new RewardedSetSizes(snapshot.entryGateways(), snapshot.exitGateways(),
                snapshot.mixnodes(), snapshot.standby());
        Map<NodeId, Percent> perfByNode = HashMap.newHashMap(perf.nodes().size());
        for (NodePerformance p : perf.nodes()) {
            perfByNode.putIfAbsent(NodeId.of(p.nodeId()), p.performance());
        }
        List<Candidate> candidates = CandidateList.build(bonded,
                new CandidateList.StakeSnapshot(snapshot.stakeSaturationPoint(), stakes), perfByNode);
        return new Readiness.Ready(candidates, sizes, snapshot.stakeSaturationPoint());
    }

    /**
     * The bootstrap candidates of epoch 0, which has no stake snapshot or performance before it: every registered,
     * still bonded node with stake 0 and performance 0 (weight 0), so places are filled by node id order.
     */
    public List<Candidate> bootstrapCandidates(Decimal stakeSaturationPoint) {
        List<BondedNode> bonded = registry.values().stream().filter(r -> !r.unbonded())
                .map(r -> new BondedNode(r.nodeId(), r.owner(), r.roles())).toList();
        return CandidateList.build(bonded, new CandidateList.StakeSnapshot(stakeSaturationPoint, Map.of()), Map.of());
    }

    /** Why an input cannot be used, or null when it is valid (checked before it is recorded). */
    public static String invalidSnapshotReason(StakeSnapshotTaken e) {
        if (e.stakeSaturationPoint() == null || e.stakeSaturationPoint().isZero()) {
            return "stake_saturation_point: must be positive";
        }
        if (e.nodes() == null) {
            return "nodes: is required";
        }
        try {
            new RewardedSetSizes(e.entryGateways(), e.exitGateways(), e.mixnodes(), e.standby());
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
        for (int i = 0; i < e.nodes().size(); i++) {
            NodeStake n = e.nodes().get(i);
            if (n == null || n.nodeId() < 0 || n.nodeId() > NodeId.MAX || n.operator() == null || n.delegates() == null) {
                return "nodes[" + i + "]: needs a u32 node_id, operator and delegates";
            }
        }
        return null;
    }

    /** Why a performance input cannot be used, or null when it is valid (checked before it is recorded). */
    public static String invalidPerformanceReason(EpochPerformanceComputed e) {
        if (e.nodes() == null) {
            return "nodes: is required";
        }
        for (int i = 0; i < e.nodes().size(); i++) {
            NodePerformance n = e.nodes().get(i);
            if (n == null || n.nodeId() < 0 || n.nodeId() > NodeId.MAX || n.performance() == null) {
                return "nodes[" + i + "]: needs a u32 node_id and a performance";
            }
            if (n.reasons() != null && n.reasons().stream().anyMatch(java.util.Objects::isNull)) {
                return "nodes[" + i + "].reasons: must not hold null";
            }
        }
        return null;
    }
}
