package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.CostParamRanges;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import static net.nym.tokenomics.rewards.domain.LedgerHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

/** When each action takes effect (reference §4 table), driven through decide/evolve. */
class LifecycleTimingTest {

    /** P, but with 3 epochs per interval so that interval boundaries come quickly. */
    static RewardingParams params() {
        return RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L), Percent.HUNDRED,
                Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(20, 50, 30, 140), 3, FeeIncomeParams.DISABLED);
    }

    private final LedgerHarness h = LedgerHarness.initialized(params());
    private final Decimal work = h.ledger().globals().params().workFactors().active();
    private final long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);

    private List<RewardedNode> set() {
        return List.of(LedgerHarness.node(node, Percent.HUNDRED, work));
    }

    private NodeRecord state() {
        return h.ledger().node(node).orElseThrow();
    }

    @Test
    void bondIsImmediateAndTheBondingEpochCannotBeRewarded() {
        assertThat(state().rewarding().operator()).isEqualTo(Decimal.of(10_000_000_000L));
        assertThat(state().rewarding().lastRewardedEpoch()).isZero();
        assertThat(h.reject(new CloseEpoch(h.ledger().globals().clock().currentEpochEnd(), 0, set(), java.util.Optional.empty())))
                .isEqualTo(new LedgerRejection.NodeAlreadyRewarded(node, 0));
    }

    @Test
    void delegationMadeDuringEpochNFirstEarnsInEpochNPlusOne() {
        h.closeEmpty();
        h.delegate("alice", node, 18_000_000_000L);
        assertThat(state().rewarding().delegates()).isEqualTo(Decimal.ZERO);
        assertThat(h.ledger().delegation(node, "alice")).isEmpty();

        List<LedgerEvent> epoch1 = h.close(set());
        assertThat(rewarded(epoch1, node).split().delegates()).isEqualTo(Decimal.ZERO);
        DelegationAdded added = only(epoch1, DelegationAdded.class);
        assertThat(added.cumulativeRewardRatio()).isEqualTo(Decimal.ZERO);
        assertThat(epoch1.indexOf(added)).isGreaterThan(epoch1.indexOf(only(epoch1, EpochRewarded.class)));

        List<LedgerEvent> epoch2 = h.close(set());
        assertThat(rewarded(epoch2, node).split().delegates().isZero()).isFalse();
        assertThat(h.ledger().delegation(node, "alice").orElseThrow().sinceEpoch()).isEqualTo(1);
    }

    @Test
    void costChangeAppliesOnlyAtIntervalEnd() {
        h.accept(new ChangeCostParams(h.now(), "operator", node, new CostParamsInput(Decimal.percent(50), BigInteger.valueOf(90_000_000))));
        NodeCostParams original = state().rewarding().costParams();
        List<LedgerEvent> epoch0 = h.closeEmpty();
        assertThat(epoch0).noneMatch(e -> e instanceof CostParamsChanged);
        assertThat(state().rewarding().costParams()).isEqualTo(original);
        List<LedgerEvent> epoch1 = h.close(set());
        assertThat(rewarded(epoch1, node).costParams()).isEqualTo(original);
        List<LedgerEvent> epoch2 = h.close(set());
        assertThat(rewarded(epoch2, node).costParams()).isEqualTo(original);
        assertThat(epoch2.indexOf(only(epoch2, CostParamsChanged.class)))
                .isLessThan(epoch2.indexOf(only(epoch2, IntervalRolledOver.class)));
        assertThat(state().rewarding().costParams()).isEqualTo(new NodeCostParams(Percent.fromPercentageValue(50), Unym.of(90_000_000)));
        assertThat(rewarded(h.close(set()), node).costParams().profitMargin()).isEqualTo(Percent.fromPercentageValue(50));
    }

    @Test
    void poolRollsOverOnlyAtIntervalEndWithTheIntervalsRewards() {
        h.closeEmpty();
        Decimal pool = h.ledger().globals().params().interval().rewardPool();
        Decimal first = only(h.close(set()), EpochRewarded.class).distributed();
        assertThat(h.ledger().globals().params().interval().rewardPool()).isEqualTo(pool);
        List<LedgerEvent> last = h.close(set());
        Decimal second = only(last, EpochRewarded.class).distributed();
        assertThat(only(last, IntervalRolledOver.class).applied().removed()).isEqualTo(first.plus(second));
        assertThat(h.ledger().globals().params().interval().rewardPool()).isEqualTo(pool.minus(first).minus(second));
        assertThat(h.ledger().globals().pendingPoolChange().removed()).isEqualTo(Decimal.ZERO);
        assertThat(h.ledger().globals().clock().intervalId()).isEqualTo(1);
        assertThat(h.ledger().globals().clock().epochInInterval()).isZero();
    }

    @Test
    void pledgeChangesAreEpochEventsOneAtATime() {
        h.accept(new PledgeMore(h.now(), "operator", node, BigInteger.valueOf(5_000)));
        assertThat(h.reject(new PledgeMore(h.now(), "operator", node, BigInteger.ONE)))
                .isInstanceOf(LedgerRejection.PendingPledgeChange.class);
        assertThat(h.reject(new UnbondNode(h.now(), "operator", node))).isInstanceOf(LedgerRejection.PendingPledgeChange.class);
        assertThat(state().rewarding().operator()).isEqualTo(Decimal.of(10_000_000_000L));
        PledgeIncreased increased = only(h.closeEmpty(), PledgeIncreased.class);
        assertThat(increased.pledgeAfter()).isEqualTo(Unym.of(10_000_005_000L));
        assertThat(state().rewarding().operator()).isEqualTo(Decimal.of(10_000_005_000L));

        h.accept(new DecreasePledge(h.now(), "operator", node, BigInteger.valueOf(5_000)));
        PledgeDecreased decreased = only(h.close(set()), PledgeDecreased.class);
        assertThat(decreased.pledgeAfter()).isEqualTo(Unym.of(10_000_000_000L));
        assertThat(((NodeBond.Bonded) state().bond()).pendingPledgeChange()).isEmpty();
    }

    @Test
    void unbondIsAnEpochEventThatPaysFloorOAndKeepsTheRecordForDelegators() {
        h.delegate("alice", node, 18_000_000_000L);
        h.closeEmpty();
        h.accept(new UnbondNode(h.now(), "operator", node));
        assertThat(state().bond()).isInstanceOf(NodeBond.Unbonding.class);
        assertThat(h.reject(new WithdrawOperatorReward(h.now(), "operator", node))).isEqualTo(new LedgerRejection.NodeIsUnbonding(node));
        assertThat(h.reject(new Delegate(h.now(), "bob", node, BigInteger.TEN))).isEqualTo(new LedgerRejection.NodeIsUnbonding(node));

        List<LedgerEvent> epoch1 = h.close(set());
        NodeRewarded stillRewarded = rewarded(epoch1, node);
        NodeUnbonded unbonded = only(epoch1, NodeUnbonded.class);
        assertThat(unbonded.paid()).isEqualTo(Unym.floorOf(stillRewarded.operatorAfter()));
        assertThat(unbonded.rewardingRecordKept()).isTrue();
        assertThat(state().bond()).isInstanceOf(NodeBond.Unbonded.class);
        assertThat(state().rewarding().operator()).isEqualTo(Decimal.ZERO);
        assertThat(h.ledger().bondedNodeOf("operator")).isEmpty();

        // An unbonded node in a rewarded set earns nothing.
        EpochRewarded epoch2 = only(h.close(set()), EpochRewarded.class);
        assertThat(epoch2.nodes()).containsExactly(new NodeNotRewardable(node, Percent.HUNDRED, work));

        // The delegator can still leave; her node record goes with her.
        h.undelegate("alice", node);
        DelegationRemoved removed = only(h.closeEmpty(), DelegationRemoved.class);
        assertThat(removed.nodeRecordRemoved()).isTrue();
        assertThat(removed.paid()).isEqualTo(Unym.floorOf(Decimal.of(18_000_000_000L).plus(removed.accrued())));
        assertThat(h.ledger().node(node)).isEmpty();
    }

    @Test
    void unbondWithoutDelegationsRemovesTheNode() {
        h.accept(new UnbondNode(h.now(), "operator", node));
        NodeUnbonded unbonded = only(h.closeEmpty(), NodeUnbonded.class);
        assertThat(unbonded.rewardingRecordKept()).isFalse();
        assertThat(h.ledger().node(node)).isEmpty();
        // the owner may bond again
        assertThat(h.bond("operator", 200_000_000L, 10, 0)).isEqualTo(node + 1);
    }

    @Test
    void delegationQueuedBeforeAnUnbondIsReturned() {
        h.delegate("alice", node, 1_000_000L);
        h.accept(new UnbondNode(h.now(), "operator", node));
        DelegationReturned returned = only(h.closeEmpty(), DelegationReturned.class);
        assertThat(returned.returned()).isEqualTo(Unym.of(1_000_000L));
        assertThat(h.ledger().node(node)).isEmpty();
    }

    @Test
    void redelegationFoldsTheTruncatedValueIntoANewPrincipal() {
        h.delegate("alice", node, 18_000_000_000L);
        h.closeEmpty();
        h.close(set());
        Delegation before = h.ledger().delegation(node, "alice").orElseThrow();
        Decimal accrued = state().rewarding().delegationReward(before.amount(), before.cumulativeRewardRatio());
        Decimal delegatesBefore = state().rewarding().delegates();
        Decimal operatorBefore = state().rewarding().operator();
        h.delegate("alice", node, 1_000L);
        DelegationAdded added = only(h.closeEmpty(), DelegationAdded.class);
        Unym folded = Unym.floorOf(Decimal.of(18_000_000_000L).plus(accrued));
        assertThat(added.foldedIn()).isEqualTo(folded);
        assertThat(added.principal()).isEqualTo(folded.plus(Unym.of(1_000L)));
        assertThat(added.uniqueDelegationsAfter()).isEqualTo(1);
        // She was the only delegator: the dust D kept beyond her value moved to O when she left, then D = new principal.
        Decimal dust = delegatesBefore.minus(Decimal.of(18_000_000_000L).plus(accrued));
        assertThat(added.operatorAfter()).isEqualTo(operatorBefore.plus(dust));
        assertThat(added.delegatesAfter()).isEqualTo(added.principal().toDecimal());
        assertThat(h.ledger().delegation(node, "alice").orElseThrow().cumulativeRewardRatio()).isEqualTo(state().rewarding().totalUnitReward());
    }

    @Test
    void rewardingParamsChangeWaitsForIntervalEndUnlessForced() {
        Decimal supplyBefore = h.ledger().globals().params().interval().stakingSupply();
        Decimal newSupply = Decimal.of(200_000_000_000_000L);
        h.accept(new UpdateRewardingParams(h.now(), "admin", RewardingParamsUpdate.none().withStakingSupply(newSupply), false));
        assertThat(h.ledger().globals().params().interval().stakingSupply()).isEqualTo(supplyBefore);
        h.closeEmpty();
        h.close(set());
        List<LedgerEvent> last = h.close(set());
        Decimal removed = only(last, IntervalRolledOver.class).applied().removed();
        // Queued supply update first, then the interval's roll-over grows the new value (reference §7.8).
        Decimal scale = h.ledger().globals().params().interval().stakingSupplyScaleFactor().value();
        assertThat(h.ledger().globals().params().interval().stakingSupply()).isEqualTo(newSupply.plus(scale.times(removed)));

        h.accept(new UpdateRewardingParams(h.now(), "admin",
                RewardingParamsUpdate.none().withIntervalPoolEmission(Percent.fromPercentageValue(1)), true));
        Decimal pool = Decimal.of(250_000_000_000_000L).minus(removed);
        assertThat(h.ledger().globals().params().epochRewardBudget())
                .isEqualTo(pool.div(Decimal.of(3)).times(Percent.fromPercentageValue(1)));
    }

    @Test
    void theRewardPoolCannotBeSetInAFundedLedger() {
        // Deliberate difference from the contract (issue 15): the pool holds tokens, so an admin cannot mint or burn them.
        LedgerRejection r = h.reject(new UpdateRewardingParams(h.now(), "admin",
                RewardingParamsUpdate.none().withRewardPool(Decimal.of(100_000_000_000_000L)), true));
        assertThat(r).isInstanceOf(LedgerRejection.InvalidParameters.class);
        assertThat(r.field()).isEqualTo("reward_pool");
    }

    @Test
    void tv9_halvingEpochsInIntervalThroughTheLedgerDoublesTheBudget() {
        LedgerHarness p = LedgerHarness.initialized(ContractVectorsTest.paramsP());
        Decimal budget = p.ledger().globals().params().epochRewardBudget();
        p.accept(new UpdateIntervalConfig(p.now(), "admin", 360, Duration.ofHours(1), true));
        assertThat(p.ledger().globals().params().epochRewardBudget()).isEqualTo(budget.plus(budget));
        assertThat(p.ledger().globals().params().stakeSaturationPoint()).isEqualTo(ContractVectorsTest.paramsP().stakeSaturationPoint());
    }

    @Test
    void shorteningTheIntervalPastTheCurrentEpochMovesToTheNextInterval() {
        h.closeEmpty();
        h.closeEmpty(); // epoch 2 of 3 now
        h.accept(new UpdateIntervalConfig(h.now(), "admin", 2, Duration.ofHours(2), true));
        IntervalClock clock = h.ledger().globals().clock();
        assertThat(clock.intervalId()).isEqualTo(1);
        assertThat(clock.epochInInterval()).isZero();
        assertThat(clock.epochLength()).isEqualTo(Duration.ofHours(2));
        assertThat(clock.absoluteEpochId()).isEqualTo(2);
    }

    @Test
    void activeSetChangeIsAnEpochEvent() {
        h.accept(new UpdateActiveSet(h.now(), "admin", new ActiveSetUpdate(30, 60, 60), false));
        assertThat(h.ledger().globals().params().rewardedSet()).isEqualTo(new RewardedSetParams(20, 50, 30, 140));
        only(h.closeEmpty(), ActiveSetUpdated.class);
        assertThat(h.ledger().globals().params().rewardedSet()).isEqualTo(new RewardedSetParams(30, 60, 60, 90));
        assertThat(h.ledger().pendingEpochEvents()).isEmpty();
    }

    @Test
    void narrowedCostRangesClampAtRewardTimeAndThatIsPersisted() {
        h.closeEmpty();
        CostParamRanges narrower = new CostParamRanges(Percent.fromPercentageValue(20), Percent.HUNDRED, Unym.ZERO, Unym.of(1_000_000));
        h.accept(new UpdateContractSettings(h.now(), "admin", new ContractSettings(narrower, ContractSettings.DEFAULT_MINIMUM_PLEDGE)));
        NodeRewarded r = rewarded(h.close(set()), node);
        NodeCostParams clamped = new NodeCostParams(Percent.fromPercentageValue(20), Unym.of(1_000_000));
        assertThat(r.costParams()).isEqualTo(clamped);
        assertThat(state().rewarding().costParams()).isEqualTo(clamped);
    }

    @Test
    void zeroPerformanceOnlyMovesTheLastRewardedEpoch() {
        h.closeEmpty();
        h.accept(new UpdateContractSettings(h.now(), "admin", new ContractSettings(
                new CostParamRanges(Percent.fromPercentageValue(20), Percent.HUNDRED, Unym.ZERO, Unym.of(1_000_000)),
                ContractSettings.DEFAULT_MINIMUM_PLEDGE)));
        NodeRecord before = state();
        EpochRewarded epoch = only(h.close(List.of(LedgerHarness.node(node, Percent.ZERO, work))), EpochRewarded.class);
        assertThat(epoch.nodes()).containsExactly(new NodeIdle(node, Percent.ZERO, work));
        assertThat(epoch.distributed()).isEqualTo(Decimal.ZERO);
        assertThat(state().rewarding()).isEqualTo(before.rewarding().withLastRewardedEpoch(1));
    }

    @Test
    void closingTheSameEpochTwiceIsRefused() {
        h.closeEmpty();
        assertThat(h.reject(new CloseEpoch(h.now().plus(Duration.ofHours(2)), 0, List.of(), java.util.Optional.empty())))
                .isEqualTo(new LedgerRejection.EpochMismatch(1, 0));
    }
}
