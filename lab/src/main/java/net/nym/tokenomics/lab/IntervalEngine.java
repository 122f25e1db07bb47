package net.nym.tokenomics.lab;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.rewarding.FeeDistribution;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.PoolChange;
import net.nym.tokenomics.rewards.domain.rewarding.RewardSplit;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.WeightedSampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One reward interval of the lab, epoch by epoch, on the services' own code: selection-service's
 * {@link WeightedSampler} (weights by {@code SelectionWeight}, the project's seeded stream) draws {@code A} active and
 * {@code B} reserve nodes each epoch; rewards-service's {@link NodeRewarding#nodeReward}, {@link NodeRewarding#split}
 * and {@link NodeRewarding#distribute}, {@link WorkFactors}, {@link FeeDistribution} and
 * {@link RewardingParams#rolledOver} compute every reward, split, fee share and the roll-over, in the contract's
 * 18-digit floor arithmetic. {@code EpochClosing} in rewards-service composes the same calls; {@code LedgerEquivalenceTest}
 * runs both paths on the same inputs and compares them digit for digit.
 *
 * <p>Both cores: with {@code compound = false} (the paper's assumption) the stakes are fixed for the interval, so the
 * epochs are independent and are computed in parallel chunks; with {@code compound = true} each epoch depends on the
 * previous one, and the selected nodes' rewards within an epoch are computed in parallel. Results do not depend on the
 * split: every node reward is computed from the same inputs and Decimal addition is exact (associative).
 */
public final class IntervalEngine {

    /** A candidate: its id and rewarding record. */
    public record Node(long id, NodeRewarding rewarding) {
    }

    /** What one node got over the interval, and the stake it started with. */
    public record NodeResult(long id, NodeRewarding start, NodeRewarding end, Decimal bondSaturation,
                             Decimal pledgeSaturation, int epochsActive, int epochsStandby, Decimal reward,
                             Decimal operator, Decimal delegates) {
    }

    /** The rewarded set of one epoch, active first, in sampling order. */
    public record EpochSet(long epochId, long[] active, long[] standby) {
    }

    /**
     * @param emission     Σ over epochs of the epoch budget {@code B} (what the pool offers)
     * @param fees         Σ of users' fees
     * @param feesToMixnet Σ of the fee share added to the epoch budgets
     * @param gatewayCredits Σ paid to the gateways
     * @param returnedToPool Σ of gateway rounding dust returned to the pool
     * @param distributed  Σ of node rewards
     * @param unclaimed    Σ over epochs of budget − rewards
     */
    public record IntervalResult(RewardingParams params, List<NodeResult> nodes, Decimal emission, Decimal fees,
                                 Decimal feesToMixnet, Decimal gatewayCredits, Decimal returnedToPool,
                                 Decimal distributed, Decimal unclaimed, RewardingParams rolledOver,
                                 List<EpochSet> trace) {
    }

    /**
     * @param params         the interval's parameters ({@code B}, {@code sat}, {@code k}, work factor, α, fee share)
     * @param nodes          candidates, ascending id
     * @param active         {@code A}: the first {@code A} sampled nodes route traffic, the next {@code k − A} are reserve
     * @param performance    every node's performance
     * @param feesPerEpoch   users' fees in each epoch, whole uNYM, credited to {@code gatewayId}
     * @param firstEpochId   absolute id of the interval's first epoch (seeds and {@code last_rewarded_epoch})
     * @param compound       rewards compound into the stake epoch by epoch (mainnet); else stakes stay as drawn
     * @param keepTrace      record each epoch's rewarded set
     */
    public static IntervalResult run(RewardingParams params, List<Node> nodes, int active, Percent performance,
                                     long feesPerEpoch, long gatewayId, String seed, long firstEpochId,
                                     boolean compound, boolean keepTrace) {
        int epochs = params.epochsInInterval();
        int k = params.rewardedSetSize();
        WorkFactors work = WorkFactors.forConfiguredSet(params);
        FeeDistribution fee = FeeDistribution.compute(
                new FeeIncome(0, List.of(new FeeIncome.GatewayFees(gatewayId, Unym.of(feesPerEpoch)))),
                params.feeIncome().rewardShare(), id -> true);
        Decimal budget = params.epochRewardBudget().plus(fee.toRewardBudget());
        int n = nodes.size();
        NodeRewarding[] state = new NodeRewarding[n];
        for (int i = 0; i < n; i++) {
            state[i] = nodes.get(i).rewarding();
        }
        Accumulator total = new Accumulator(n);
        EpochSet[] trace = keepTrace ? new EpochSet[epochs] : null;
        if (!compound) {
            List<Candidate> pool = candidates(nodes, state, params, performance);
            int chunks = Math.max(1, Math.min(epochs, 4 * Runtime.getRuntime().availableProcessors()));
            Accumulator[] parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
                Accumulator acc = new Accumulator(n);
                for (int e = c * epochs / chunks; e < (c + 1) * epochs / chunks; e++) {
                    long epochId = firstEpochId + e;
                    int[] chosen = WeightedSampler.sampleIndices(pool, k,
                            StakeGenerator.random(seed, "selection", epochId));
                    Decimal paid = Decimal.ZERO;
                    for (int r = 0; r < chosen.length; r++) {
                        int i = chosen[r];
                        boolean isActive = r < active;
                        RewardSplit split = reward(state[i], params, budget, k, performance, isActive ? work.active() : work.standby());
                        acc.add(i, isActive, split);
                        paid = paid.plus(split.nodeReward());
                    }
                    acc.unclaimed = acc.unclaimed.plus(budget.minus(paid));
                    if (trace != null) {
                        trace[e] = epochSet(epochId, chosen, active, nodes);
                    }
                }
                return acc;
            }).toArray(Accumulator[]::new);
            for (Accumulator part : parts) {
                total.merge(part);
            }
        } else {
            Candidate[] pool = candidates(nodes, state, params, performance).toArray(Candidate[]::new);
            List<Candidate> view = Arrays.asList(pool);
            for (int e = 0; e < epochs; e++) {
                long epochId = firstEpochId + e;
                int[] chosen = WeightedSampler.sampleIndices(view, k, StakeGenerator.random(seed, "selection", epochId));
                RewardSplit[] splits = new RewardSplit[chosen.length];
                IntStream.range(0, chosen.length).parallel().forEach(r -> splits[r] = reward(state[chosen[r]], params,
                        budget, k, performance, r < active ? work.active() : work.standby()));
                Decimal paid = Decimal.ZERO;
                for (int r = 0; r < chosen.length; r++) {
                    int i = chosen[r];
                    total.add(i, r < active, splits[r]);
                    paid = paid.plus(splits[r].nodeReward());
                    state[i] = state[i].distribute(splits[r], epochId);
                    pool[i] = candidate(nodes.get(i).id(), state[i], params, performance);
                }
                total.unclaimed = total.unclaimed.plus(budget.minus(paid));
                if (trace != null) {
                    trace[e] = epochSet(epochId, chosen, active, nodes);
                }
            }
        }
        Decimal sat = params.stakeSaturationPoint();
        List<NodeResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NodeRewarding start = nodes.get(i).rewarding();
            NodeRewarding end = compound ? state[i] : start;
            results.add(new NodeResult(nodes.get(i).id(), start, end, start.bondSaturation(sat), start.pledgeSaturation(sat),
                    total.active[i], total.standby[i], total.reward[i], total.operator[i], total.delegates[i]));
        }
        Decimal epochsD = Decimal.of(epochs);
        Decimal emission = params.epochRewardBudget().times(epochsD);
        Decimal feesToMixnet = fee.toRewardBudget().times(epochsD);
        Decimal credits = Decimal.ZERO;
        for (FeeDistribution.GatewayCredit c : fee.credits()) {
            credits = credits.plus(c.credit().toDecimal());
        }
        credits = credits.times(epochsD);
        Decimal returned = fee.returnedToPool().times(epochsD);
        Decimal distributed = total.distributed();
        // emission + fee share = distributed + unclaimed, epoch by epoch and so over the interval
        if (!emission.plus(feesToMixnet).equals(distributed.plus(total.unclaimed))) {
            throw new IllegalStateException("interval does not conserve: " + emission + " + " + feesToMixnet + " != "
                    + distributed + " + " + total.unclaimed);
        }
        RewardingParams rolled = params.rolledOver(new PoolChange(distributed, feesToMixnet.plus(returned)));
        return new IntervalResult(params, results, emission, fee.totalFees().toDecimal().times(epochsD), feesToMixnet,
                credits, returned, distributed, total.unclaimed, rolled, trace == null ? List.of() : List.of(trace));
    }

    /** {@code EpochClosing}'s per-node step for a bonded, performing node: reward, then split. */
    static RewardSplit reward(NodeRewarding node, RewardingParams params, Decimal budget, int k, Percent performance,
                              Decimal workFactor) {
        Decimal nodeReward = node.nodeReward(params, budget, k, performance, workFactor);
        return node.split(nodeReward, performance, params.epochsInInterval());
    }

    private static List<Candidate> candidates(List<Node> nodes, NodeRewarding[] state, RewardingParams params, Percent performance) {
        List<Candidate> pool = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            pool.add(candidate(nodes.get(i).id(), state[i], params, performance));
        }
        return pool;
    }

    private static Candidate candidate(long id, NodeRewarding r, RewardingParams params, Percent performance) {
        return Candidate.of(new NodeId(id), "lab", new DeclaredRoles(true, false, false), r.bond(),
                params.stakeSaturationPoint(), performance);
    }

    private static EpochSet epochSet(long epochId, int[] chosen, int active, List<Node> nodes) {
        int a = Math.min(active, chosen.length);
        long[] act = new long[a];
        long[] stb = new long[chosen.length - a];
        for (int r = 0; r < chosen.length; r++) {
            long id = nodes.get(chosen[r]).id();
            if (r < a) {
                act[r] = id;
            } else {
                stb[r - a] = id;
            }
        }
        return new EpochSet(epochId, act, stb);
    }

    /** Per-node sums; merged across parallel chunks by exact addition. */
    private static final class Accumulator {
        final int[] active;
        final int[] standby;
        final Decimal[] reward;
        final Decimal[] operator;
        final Decimal[] delegates;
        Decimal unclaimed = Decimal.ZERO;

        Accumulator(int n) {
            active = new int[n];
            standby = new int[n];
            reward = filled(n);
            operator = filled(n);
            delegates = filled(n);
        }

        private static Decimal[] filled(int n) {
            Decimal[] a = new Decimal[n];
            Arrays.fill(a, Decimal.ZERO);
            return a;
        }

        void add(int i, boolean isActive, RewardSplit split) {
            if (isActive) {
                active[i]++;
            } else {
                standby[i]++;
            }
            reward[i] = reward[i].plus(split.nodeReward());
            operator[i] = operator[i].plus(split.operator());
            delegates[i] = delegates[i].plus(split.delegates());
        }

        void merge(Accumulator o) {
            for (int i = 0; i < active.length; i++) {
                active[i] += o.active[i];
                standby[i] += o.standby[i];
                reward[i] = reward[i].plus(o.reward[i]);
                operator[i] = operator[i].plus(o.operator[i]);
                delegates[i] = delegates[i].plus(o.delegates[i]);
            }
            unclaimed = unclaimed.plus(o.unclaimed);
        }

        Decimal distributed() {
            Decimal sum = Decimal.ZERO;
            for (Decimal r : reward) {
                sum = sum.plus(r);
            }
            return sum;
        }
    }
}
