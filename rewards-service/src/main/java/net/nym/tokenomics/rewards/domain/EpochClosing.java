package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.DecimalArithmeticException;
import net.nym.tokenomics.rewards.domain.LedgerCommand.CloseEpoch;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeDistribution;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardSplit;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static net.nym.tokenomics.rewards.domain.LedgerChecks.require;

/**
 * Closing an epoch: the contract's {@code BeginEpochTransition}, {@code RewardNode}s, {@code ReconcileEpochEvents} and
 * {@code AdvanceEpoch} as one atomic decision, in the contract's order:
 * <ol>
 *   <li>reward the rewarded set in ascending node id ({@link EpochRewarded});</li>
 *   <li>apply every queued epoch event, FIFO;</li>
 *   <li>if the interval is over at {@code now}: every queued interval event, FIFO;</li>
 *   <li>if the interval is (still) over: roll the pool and supply over ({@link IntervalRolledOver});</li>
 *   <li>advance the clock ({@link EpochAdvanced}).</li>
 * </ol>
 * Because it is atomic there is no "transition in progress" state in which user commands must be refused.
 * Each step is computed on a {@link LedgerWorkingCopy} that the previous steps' events were applied to.
 */
final class EpochClosing {

    private EpochClosing() {
    }

    static Decision close(CloseEpoch c, MixnetLedger ledger) {
        LedgerGlobals g = ledger.globals();
        long epoch = g.currentEpoch();
        require(c.epochId() == epoch, new LedgerRejection.EpochMismatch(epoch, c.epochId()));
        require(g.clock().isEpochOver(c.now()), new LedgerRejection.EpochNotOver(epoch, g.clock().currentEpochEnd(), c.now()));
        List<RewardedNode> ordered = checkedRewardedSet(c.rewardedSet(), ledger, epoch);
        c.feeIncome().ifPresent(f -> checkFeeIncome(f, epoch));
        Optional<FeeIncome> feeIncome = c.feeIncome().filter(f -> g.params().feeIncome().enabled());

        LedgerWorkingCopy work = new LedgerWorkingCopy(ledger);
        Packer step = new Packer(work);
        Instant now = c.now();
        step.emit(reward(now, epoch, ordered, feeIncome, work));
        for (PendingEpochEvent pending : ledger.pendingEpochEvents().values()) {
            step.emit(PendingEventReconciliation.epochEvent(pending, now, epoch, work));
        }
        if (intervalOver(work, now)) {
            for (PendingIntervalEvent pending : ledger.pendingIntervalEvents().values()) {
                step.emit(PendingEventReconciliation.intervalEvent(pending, now, work));
            }
        }
        // Checked again, as the contract does: an interval config change may have moved the interval's end.
        if (intervalOver(work, now)) {
            LedgerGlobals before = work.globals();
            step.emit(new IntervalRolledOver(now, before.clock().intervalId(), before.pendingPoolChange(),
                    before.params().rolledOver(before.pendingPoolChange())));
        }
        LedgerGlobals last = work.globals();
        step.emit(new EpochAdvanced(now, epoch, last.clock().advanced(last.params().epochsInInterval())));
        return new Decision.Accepted(step.events());
    }

    /** A run of at least this many consecutive {@link DelegationAdded} is recorded as {@link DelegationsAdded} chunks. */
    static final int PACK_FROM = 100;
    /** The most delegations one {@link DelegationsAdded} holds (about 2 MB of JSON at 4,000). */
    static final int PACK_SIZE = 4_000;

    /**
     * The closing's steps: each is applied to the working copy and checked to conserve tokens (issue 15) as it is
     * computed, so that the next pending event sees its effect; a run of consecutive {@link DelegationAdded} is held
     * back and recorded, once it ends, as {@link DelegationsAdded} chunks when it is {@link #PACK_FROM} long or longer,
     * else one by one. The order of the events is the order they were computed in.
     */
    private static final class Packer {
        private final LedgerStore work;
        private final List<LedgerEvent> events = new ArrayList<>();
        private final List<DelegationAdded> run = new ArrayList<>();

        Packer(LedgerStore work) {
            this.work = work;
        }

        void emit(LedgerEvent event) {
            SupplyAccounting.applyChecked(work, event);
            if (event instanceof DelegationAdded added) {
                run.add(added);
            } else {
                flush();
                events.add(event);
            }
        }

        private void flush() {
            if (run.size() < PACK_FROM) {
                events.addAll(run);
            } else {
                for (int from = 0; from < run.size(); from += PACK_SIZE) {
                    List<DelegationAdded> chunk = run.subList(from, Math.min(run.size(), from + PACK_SIZE));
                    events.add(new DelegationsAdded(chunk.getFirst().at(), chunk));
                }
            }
            run.clear();
        }

        List<LedgerEvent> events() {
            flush();
            return events;
        }
    }

    private static boolean intervalOver(LedgerStore work, Instant now) {
        LedgerGlobals g = work.globals();
        return g.clock().isIntervalOver(now, g.params().epochsInInterval());
    }

    /**
     * Sorted by node id; no duplicates; total work at most 1 (over every entry, a slightly stricter form of the
     * contract's running {@code cumulative_epoch_work} check); no node already rewarded in this epoch.
     */
    private static List<RewardedNode> checkedRewardedSet(List<RewardedNode> input, MixnetLedger ledger, long epoch) {
        List<RewardedNode> ordered = new ArrayList<>(input);
        ordered.sort(Comparator.comparingLong(RewardedNode::nodeId));
        Decimal totalWork = Decimal.ZERO;
        for (int i = 0; i < ordered.size(); i++) {
            RewardedNode entry = ordered.get(i);
            require(i == 0 || ordered.get(i - 1).nodeId() != entry.nodeId(), new LedgerRejection.DuplicateRewardedNode(entry.nodeId()));
            totalWork = totalWork.plus(entry.workFactor());
            ledger.node(entry.nodeId()).ifPresent(node -> require(
                    !node.bond().holdsPledge() || node.rewarding().lastRewardedEpoch() != epoch,
                    new LedgerRejection.NodeAlreadyRewarded(entry.nodeId(), epoch)));
        }
        require(!totalWork.greaterThan(Decimal.ONE), new LedgerRejection.TotalWorkAboveOne(totalWork));
        return ordered;
    }

    private static void checkFeeIncome(FeeIncome income, long epoch) {
        require(income.epochId() == epoch, new LedgerRejection.FeeIncomeForOtherEpoch(epoch, income.epochId()));
        Set<Long> seen = new HashSet<>();
        for (FeeIncome.GatewayFees g : income.gateways()) {
            require(seen.add(g.gatewayNodeId()), new LedgerRejection.DuplicateFeeIncomeGateway(g.gatewayNodeId()));
        }
    }

    /**
     * The per-node rewards of the epoch and its totals.
     *
     * <p>The sybil term divides by {@code max(k, number of entries)}: with the contract's configured {@code k} alone, a
     * rewarded set larger than {@code k} (possible after an admin shrinks {@code k} mid-epoch) could be paid more than
     * the budget. For every set that fits the params (all of mainnet and the test vectors) this is the configured
     * {@code k}; with it, rewards can never exceed the budget, which the conservation check below relies on.
     */
    private static EpochRewarded reward(Instant now, long epoch, List<RewardedNode> ordered, Optional<FeeIncome> feeIncome,
                                        LedgerStore work) {
        LedgerGlobals g = work.globals();
        RewardingParams params = g.params();
        int sybilDivisor = Math.max(params.rewardedSetSize(), ordered.size());
        FeeDistribution fees = feeIncome
                .map(f -> FeeDistribution.compute(f, params.feeIncome().rewardShare(),
                        id -> work.node(id).map(n -> n.bond().holdsPledge()).orElse(false)))
                .orElse(null);
        Decimal fromFees = fees == null ? Decimal.ZERO : fees.toRewardBudget();
        EpochBudget budget = new EpochBudget(params.epochRewardBudget(), fromFees, params.epochRewardBudget().plus(fromFees));

        List<NodeEpochResult> results = new ArrayList<>(ordered.size());
        Map<Long, Decimal> operatorAfter = new HashMap<>();
        Decimal distributed = Decimal.ZERO;
        for (RewardedNode entry : ordered) {
            Optional<NodeRecord> node = work.node(entry.nodeId());
            if (node.isEmpty() || !node.get().bond().holdsPledge() || node.get().rewarding().operator().isZero()) {
                results.add(new NodeNotRewardable(entry.nodeId(), entry.performance(), entry.workFactor()));
            } else if (entry.isZero()) {
                // No clamping persisted, no work counted (reference §7.12).
                results.add(new NodeIdle(entry.nodeId(), entry.performance(), entry.workFactor()));
            } else {
                NodeCostParams clamped = g.settings().costParamRanges().clamp(node.get().rewarding().costParams());
                NodeRewarding rewarding = node.get().rewarding().withCostParams(clamped);
                Decimal nodeReward = rewarding.nodeReward(params, budget.total(), sybilDivisor, entry.performance(), entry.workFactor());
                RewardSplit split = rewarding.split(nodeReward, entry.performance(), params.epochsInInterval());
                NodeRewarding after = rewarding.distribute(split, epoch);
                results.add(new NodeRewarded(entry.nodeId(), entry.performance(), entry.workFactor(), clamped, split,
                        after.operator(), after.delegates(), after.totalUnitReward()));
                operatorAfter.put(entry.nodeId(), after.operator());
                distributed = distributed.plus(nodeReward);
            }
        }
        Decimal unclaimed = unclaimed(budget.total(), distributed);

        List<GatewayCredited> credits = new ArrayList<>();
        if (fees != null) {
            for (FeeDistribution.GatewayCredit credit : fees.credits()) {
                Decimal before = operatorAfter.getOrDefault(credit.gatewayNodeId(),
                        work.node(credit.gatewayNodeId()).orElseThrow().rewarding().operator());
                credits.add(new GatewayCredited(credit.gatewayNodeId(), credit.credit(), before.plus(credit.credit().toDecimal())));
            }
        }
        Decimal addedToPool = fees == null ? Decimal.ZERO : fees.addedToPool();
        return new EpochRewarded(now, epoch, budget, results, distributed, unclaimed, fees, credits,
                g.pendingPoolChange().plus(distributed, addedToPool));
    }

    /** {@code budget - distributed}, with {@code distributed + unclaimed == budget} checked beside it. */
    private static Decimal unclaimed(Decimal budget, Decimal distributed) {
        Decimal unclaimed;
        try {
            unclaimed = budget.minus(distributed);
        } catch (DecimalArithmeticException e) {
            throw new IllegalStateException("epoch rewards " + distributed + " exceed the budget " + budget, e);
        }
        if (!distributed.plus(unclaimed).equals(budget)) {
            throw new IllegalStateException("epoch does not conserve: " + distributed + " + " + unclaimed + " != " + budget);
        }
        return unclaimed;
    }
}
