package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Per-node work {@code ω} for active and standby nodes, as nym-api attaches it to each {@code RewardNode}.
 * Nodes in every active role get {@link #active}, standby nodes {@link #standby}.
 */
public record WorkFactors(Decimal active, Decimal standby) {

    public WorkFactors {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(standby, "standby");
    }

    /** The parameters' own factors: {@code standby_node_work()} and {@code active_node_work()}. */
    public static WorkFactors forConfiguredSet(RewardingParams params) {
        return of(params, params.rewardedSetSize(), params.rewardedSet().standby());
    }

    /**
     * nym-api's rule for an assigned set: when it does not match the parameters, use {@code k = max(configured,
     * actual)} and {@code k_r = max(configured standby, actual standby)} so that per-node work only shrinks.
     *
     * <p>Deliberate difference: nym-api checks the total against {@code k - k_r} active nodes, but when more nodes are
     * active than that, the work they really get ({@code active_count * active + standby_count * standby}) can exceed
     * 1 and the contract then refuses the epoch ({@code TotalWorkAboveOne}). In that case only, {@code k_r} is the
     * actual standby count instead, which bounds the real total by 1.
     */
    public static WorkFactors forAssignedSet(RewardingParams params, int assignedActive, int assignedStandby) {
        int k = Math.max(params.rewardedSetSize(), assignedActive + assignedStandby);
        int kr = Math.max(params.rewardedSet().standby(), assignedStandby);
        WorkFactors work = of(params, k, kr);
        if (work.totalFor(assignedActive, assignedStandby).greaterThan(Decimal.ONE)) {
            work = of(params, k, assignedStandby);
        }
        Decimal total = work.totalFor(assignedActive, assignedStandby);
        if (total.greaterThan(Decimal.ONE)) {
            throw new IllegalStateException("total work " + total + " of " + assignedActive + " active and "
                    + assignedStandby + " standby nodes is above 1");
        }
        return work;
    }

    /** {@code active_count * active + standby_count * standby}. */
    public Decimal totalFor(int activeCount, int standbyCount) {
        return active.times(Decimal.of(activeCount)).plus(standby.times(Decimal.of(standbyCount)));
    }

    private static WorkFactors of(RewardingParams params, int k, int kr) {
        Decimal standby = params.interval().standbyNodeWork(k, kr);
        return new WorkFactors(params.interval().activeNodeWork(standby), standby);
    }

    /**
     * Builds the rewarding input for an assigned set, in ascending node id. A node without a performance figure
     * gets 0, as nym-api does when a node has no annotation.
     */
    public static List<RewardedNode> rewardingInput(
            RewardingParams params, SortedMap<Long, RewardedSetRole> roles, Map<Long, Percent> performance) {
        int standbyCount = (int) roles.values().stream().filter(r -> !r.isActive()).count();
        WorkFactors work = forAssignedSet(params, roles.size() - standbyCount, standbyCount);
        List<RewardedNode> input = new ArrayList<>(roles.size());
        roles.forEach((nodeId, role) -> input.add(new RewardedNode(
                nodeId,
                performance.getOrDefault(nodeId, Percent.ZERO),
                role.isActive() ? work.active : work.standby)));
        return input;
    }
}
