package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The formulas of reference §1-§3 on their own, against the literal vectors (TV1, TV2 intermediates, TV9). */
class RewardingMathTest {

    private static Decimal d(String s) {
        return Decimal.parse(s);
    }

    static RewardingParams paramsP() {
        return RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L), Percent.HUNDRED,
                Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(20, 50, 30, 140), 720, FeeIncomeParams.DISABLED);
    }

    private static final NodeCostParams COSTS_P = new NodeCostParams(Percent.fromPercentageValue(10), Unym.of(40_000_000));

    @Test
    void tv9_initializeContractBudgetAndSaturation() {
        RewardingParams p = RewardingParams.initial(Decimal.of(100_000_000_000_000L), Decimal.of(123_456_000_000_000L),
                Percent.HUNDRED, Percent.fromPercentageValue(23), Decimal.of(10), Percent.fromPercentageValue(1),
                new RewardedSetParams(50, 70, 120, 73), 1234, FeeIncomeParams.DISABLED);
        assertThat(p.epochRewardBudget()).isEqualTo(d("810372771.474878444084278768"));
        assertThat(p.stakeSaturationPoint()).isEqualTo(d("394428115015.974440894568690095"));
    }

    @Test
    void tv9_mainnetSnapshot() {
        RewardingParams p = RewardingParams.initial(d("166613455567357.391753168447944888"), d("61194672938727.325886595653401629"),
                Percent.parse("0.07342892"), Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(80, 100, 60, 0), 720, FeeIncomeParams.DISABLED);
        assertThat(p.epochRewardBudget()).isEqualTo(d("4628151543.537705326476901331"));
        assertThat(p.stakeSaturationPoint()).isEqualTo(d("254977803911.363857860815222506"));
    }

    @Test
    void tv9_workFactorsWithStandbyAndTheirTotal() {
        RewardingParams p = paramsP().withUpdates(RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(50, 70, 120, 20)));
        WorkFactors w = p.workFactors();
        assertThat(w.standby()).isEqualTo(d("0.000413223140495867"));
        assertThat(w.active()).isEqualTo(d("0.00413223140495867"));
        assertThat(w.active().times(Decimal.of(240)).plus(w.standby().times(Decimal.of(20)))).isEqualTo(d("0.99999999999999814"));
        assertThat(WorkFactors.forAssignedSet(p, 240, 20)).isEqualTo(w);
    }

    @Test
    void naiveRewardingActiveWorkComesFromTheFlooredStandbyValue() {
        RewardingParams p = RewardingParams.defaults();
        assertThat(p.workFactors().active()).isEqualTo(d("0.00416666666666666"));
    }

    @Test
    void assignedSetLargerThanParamsShrinksWorkByTheMaxRule() {
        RewardingParams p = paramsP().withUpdates(RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(50, 70, 120, 20)));
        WorkFactors w = WorkFactors.forAssignedSet(p, 300, 40);
        // k = max(260, 340) = 340, k_r = max(20, 40) = 40: standby = 1 / (3400 - 360)
        assertThat(w.standby()).isEqualTo(Decimal.ONE.div(Decimal.of(3040)));
        assertThat(w.active()).isEqualTo(Decimal.of(10).times(w.standby()));
        assertThat(w.totalFor(300, 40).greaterThan(Decimal.ONE)).isFalse();
    }

    @Test
    void moreActiveNodesThanTheMaxRuleAllowsFallBackToTheActualStandbyCount() {
        RewardingParams p = paramsP().withUpdates(RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(50, 70, 120, 20)));
        // nym-api's rule: k = 375, k_r = 20 gives 10/3570 per active node, and 370 of them get more than 1 in total.
        WorkFactors w = WorkFactors.forAssignedSet(p, 370, 5);
        assertThat(w.standby()).isEqualTo(Decimal.ONE.div(Decimal.of(3705)));
        assertThat(w.totalFor(370, 5).greaterThan(Decimal.ONE)).isFalse();
        // P expects 100 active + 140 standby; 150 active, none standby.
        assertThat(WorkFactors.forAssignedSet(paramsP(), 150, 0).totalFor(150, 0).greaterThan(Decimal.ONE)).isFalse();
    }

    @Test
    void rewardingInputGivesEveryRoleItsWorkAndMissingPerformanceZero() {
        RewardingParams p = MultiNodeParams.tv7();
        TreeMap<Long, RewardedSetRole> roles = new TreeMap<>(Map.of(
                3L, RewardedSetRole.ENTRY_GATEWAY, 1L, RewardedSetRole.STANDBY, 2L, RewardedSetRole.LAYER2));
        var input = WorkFactors.rewardingInput(p, roles, Map.of(1L, Percent.HUNDRED, 3L, Percent.fromPercentageValue(50)));
        assertThat(input).extracting(RewardedNode::nodeId).containsExactly(1L, 2L, 3L);
        assertThat(input.get(0).workFactor()).isEqualTo(d("0.015625"));
        assertThat(input.get(1).workFactor()).isEqualTo(d("0.15625"));
        assertThat(input.get(1).performance()).isEqualTo(Percent.ZERO);
        assertThat(input.get(2).performance()).isEqualTo(Percent.fromPercentageValue(50));
    }

    @Test
    void tv1_nodeRewardAndItsIntermediates() {
        RewardingParams p = paramsP();
        NodeRewarding node = NodeRewarding.initial(COSTS_P, Unym.of(10_000_000_000L), 0);
        assertThat(node.bondSaturation(p.stakeSaturationPoint())).isEqualTo(d("0.024"));
        assertThat(node.pledgeSaturation(p.stakeSaturationPoint())).isEqualTo(d("0.024"));
        Decimal reward = node.nodeReward(p, p.epochRewardBudget(), p.rewardedSetSize(), Percent.HUNDRED, p.workFactors().active());
        assertThat(reward).isEqualTo(d("1128452.541610435897435896"));
        RewardSplit split = node.split(reward, Percent.HUNDRED, 720);
        assertThat(split.operator()).isEqualTo(reward);
        assertThat(split.delegates()).isEqualTo(Decimal.ZERO);
        assertThat(split.operatingCost()).isEqualTo(d("55555.555555555555555555"));
    }

    @Test
    void tv2_splitAndUnitRewardOfOneDelegation() {
        RewardingParams p = paramsP();
        NodeRewarding node = NodeRewarding.initial(COSTS_P, Unym.of(10_000_000_000L), 0)
                .withStake(Decimal.of(10_000_000_000L), Decimal.of(18_000_000_000L), 1);
        Decimal sat = p.stakeSaturationPoint();
        assertThat(node.bondSaturation(sat)).isEqualTo(d("0.0672"));
        assertThat(p.epochRewardBudget().times(Percent.HUNDRED).times(node.bondSaturation(sat))).isEqualTo(d("466666666.666666666666666666"));
        Decimal reward = node.nodeReward(p, p.epochRewardBudget(), 240, Percent.HUNDRED, p.workFactors().active());
        assertThat(reward).isEqualTo(d("3159667.116509220512820512"));
        RewardSplit split = node.split(reward, Percent.HUNDRED, 720);
        assertThat(reward.minus(split.operatingCost())).isEqualTo(d("3104111.560953664957264957"));
        assertThat(split.operator()).isEqualTo(d("1363716.856243171496953611"));
        assertThat(split.delegates()).isEqualTo(d("1795950.260266049015866901"));
        NodeRewarding after = node.distribute(split, 1);
        assertThat(after.totalUnitReward()).isEqualTo(d("99775.014459224944328188"));
        assertThat(after.lastRewardedEpoch()).isEqualTo(1);
        assertThat(after.delegationReward(Unym.of(18_000_000_000L), Decimal.ZERO)).isEqualTo(d("1795950.260266048997907384"));
    }

    @Test
    void rewardEqualToTheOperatingCostGoesEntirelyToTheOperator() {
        NodeRewarding node = NodeRewarding.initial(COSTS_P, Unym.of(10_000_000_000L), 0)
                .withStake(Decimal.of(10_000_000_000L), Decimal.of(18_000_000_000L), 1);
        Decimal cost = d("55555.555555555555555555");
        RewardSplit atCost = node.split(cost, Percent.HUNDRED, 720);
        assertThat(atCost.operator()).isEqualTo(cost);
        assertThat(atCost.delegates()).isEqualTo(Decimal.ZERO);
        RewardSplit justAbove = node.split(cost.plus(Decimal.ofAtomics(java.math.BigInteger.ONE)), Percent.HUNDRED, 720);
        assertThat(justAbove.operatingCost()).isEqualTo(cost);
    }

    @Test
    void operatingCostScalesWithPerformance() {
        NodeRewarding node = NodeRewarding.initial(COSTS_P, Unym.of(10_000_000_000L), 0);
        RewardSplit split = node.split(Decimal.of(1_000_000), Percent.fromPercentageValue(90), 720);
        assertThat(split.operatingCost()).isEqualTo(d("55555.555555555555555555").times(Percent.fromPercentageValue(90)));
    }

    @Test
    void unitRewardDoesNotMoveWithoutDelegates() {
        NodeRewarding node = NodeRewarding.initial(COSTS_P, Unym.of(10_000_000_000L), 0);
        NodeRewarding after = node.distribute(new RewardSplit(Decimal.of(5), Decimal.ZERO, Decimal.of(5), Decimal.ZERO), 3);
        assertThat(after.totalUnitReward()).isEqualTo(Decimal.ZERO);
        assertThat(after.operator()).isEqualTo(Decimal.of(10_000_000_005L));
    }

    @Test
    void delegationAccrualKeepsContractDigitsAndSurvivesTheContractsOverflow() {
        NodeRewarding node = NodeRewarding.initial(COSTS_P, Unym.of(1), 0).withTotals(Decimal.ONE, Decimal.ZERO, d("99775.014459224944328188"));
        // ((T - S) * A) / (S + U) with S = 0, U = 1e9
        assertThat(node.delegationReward(Unym.of(18_000_000_000L), Decimal.ZERO))
                .isEqualTo(d("99775.014459224944328188").times(Decimal.of(18_000_000_000L)).div(Decimal.of(1_000_000_000L)));
        // (T - S) * A = 1e8 * 1e15 = 1e23 > 3.4e20 would fail in the contract; the quotient 1e14 fits.
        NodeRewarding grown = node.withTotals(Decimal.ONE, Decimal.ZERO, Decimal.of(100_000_000L));
        assertThat(grown.delegationReward(Unym.TOKEN_SUPPLY, Decimal.ZERO)).isEqualTo(Decimal.of(100_000_000_000_000L));
    }

    @Test
    void tv9_rollOverSubtractsRemovedAndScalesItIntoSupply() {
        RewardingParams p = paramsP();
        RewardingParams after = p.rolledOver(new PoolChange(Decimal.of(100_000_000), Decimal.ZERO));
        assertThat(after.interval().rewardPool()).isEqualTo(Decimal.of(250_000_000_000_000L - 100_000_000));
        assertThat(after.interval().stakingSupply()).isEqualTo(Decimal.of(100_000_000_000_000L + 100_000_000));
        assertThat(after.epochRewardBudget()).isEqualTo(Decimal.of(249_999_900_000_000L).div(Decimal.of(720)).times(Percent.fromPercentageValue(2)));
        assertThat(after.stakeSaturationPoint()).isEqualTo(Decimal.of(100_000_100_000_000L).div(Decimal.of(240)));
    }

    @Test
    void tv9_halvingEpochsInIntervalDoublesTheBudgetAndLeavesSaturation() {
        RewardingParams p = paramsP();
        RewardingParams half = p.withEpochsInInterval(360);
        assertThat(half.epochRewardBudget()).isEqualTo(p.epochRewardBudget().plus(p.epochRewardBudget()));
        assertThat(half.stakeSaturationPoint()).isEqualTo(p.stakeSaturationPoint());
    }

    @Test
    void updatesRecomputeOnlyWhatTheirFieldsFeed() {
        RewardingParams p = paramsP();
        RewardingParams alphaOnly = p.withUpdates(RewardingParamsUpdate.none().withActiveSetWorkFactor(Decimal.of(5)));
        assertThat(alphaOnly.epochRewardBudget()).isEqualTo(p.epochRewardBudget());
        assertThat(alphaOnly.stakeSaturationPoint()).isEqualTo(p.stakeSaturationPoint());

        RewardingParams pool = p.withUpdates(RewardingParamsUpdate.none().withRewardPool(Decimal.of(1_000_000_000_000L)));
        assertThat(pool.epochRewardBudget()).isEqualTo(Decimal.of(1_000_000_000_000L).div(Decimal.of(720)).times(Percent.fromPercentageValue(2)));
        assertThat(pool.stakeSaturationPoint()).isEqualTo(p.stakeSaturationPoint());

        RewardingParams set = p.withUpdates(RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(10, 10, 30, 0)));
        assertThat(set.stakeSaturationPoint()).isEqualTo(Decimal.of(100_000_000_000_000L).div(Decimal.of(50)));
        assertThat(set.epochRewardBudget()).isEqualTo(p.epochRewardBudget());
    }

    @Test
    void activeSetChangeKeepsTheRewardedSetSize() {
        RewardingParams p = paramsP().withActiveSet(new ActiveSetUpdate(30, 60, 60));
        assertThat(p.rewardedSet()).isEqualTo(new RewardedSetParams(30, 60, 60, 90));
        assertThat(p.stakeSaturationPoint()).isEqualTo(paramsP().stakeSaturationPoint());
    }

    @Test
    void validation() {
        assertThat(new RewardedSetParams(0, 1, 3, 0).problem()).isPresent();
        assertThat(new RewardedSetParams(1, 1, 4, 0).problem()).isPresent();
        assertThat(new RewardedSetParams(1, 1, 3, 0).problem()).isEmpty();
        assertThat(RewardingParamsUpdate.none().problem(paramsP())).isPresent();
        assertThat(RewardingParamsUpdate.none().withActiveSetWorkFactor(d("0.5")).problem(paramsP())).isPresent();
        assertThat(RewardingParamsUpdate.none().withStakingSupply(Decimal.ZERO).problem(paramsP())).isPresent();
        assertThat(new ActiveSetUpdate(100, 100, 60).problem(paramsP().rewardedSet())).isPresent();
        assertThatThrownBy(() -> paramsP().withEpochsInInterval(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clampingMovesCostParamsIntoTheRanges() {
        CostParamRanges ranges = new CostParamRanges(Percent.fromPercentageValue(20), Percent.fromPercentageValue(50), Unym.of(100), Unym.of(1000));
        assertThat(ranges.clamp(new NodeCostParams(Percent.fromPercentageValue(10), Unym.of(5000))))
                .isEqualTo(new NodeCostParams(Percent.fromPercentageValue(20), Unym.of(1000)));
        NodeCostParams inside = new NodeCostParams(Percent.fromPercentageValue(30), Unym.of(500));
        assertThat(ranges.clamp(inside)).isSameAs(inside);
    }

    /** TV7's parameters (k = 10, 1/2/3/4). */
    static final class MultiNodeParams {
        static RewardingParams tv7() {
            return RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L), Percent.HUNDRED,
                    Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                    new RewardedSetParams(1, 2, 3, 4), 1, FeeIncomeParams.DISABLED);
        }
    }
}
