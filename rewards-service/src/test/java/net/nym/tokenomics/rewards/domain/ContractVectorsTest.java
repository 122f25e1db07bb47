package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.LedgerCommand.InitializeLedger;
import net.nym.tokenomics.rewards.domain.rewarding.IntervalRewardParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static net.nym.tokenomics.rewards.domain.LedgerHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of reference §6 (TV1-TV5, and TV9 on initialization), reproduced digit for digit through commands, {@code decide},
 * {@code evolve} and the folded state. Nodes bond and genesis delegations are made in epoch 0, which closes with
 * nobody rewarded, so "epoch 1" of the simulator is absolute epoch 1 here.
 */
class ContractVectorsTest {

    static final Percent FULL = Percent.HUNDRED;

    /** Parameter set P of {@code base_simulator}. */
    static RewardingParams paramsP() {
        return RewardingParams.initial(
                Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L), Percent.HUNDRED,
                Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(20, 50, 30, 140), 720, FeeIncomeParams.DISABLED);
    }

    private final LedgerHarness h = LedgerHarness.initialized(paramsP());
    private final Decimal activeWork = h.ledger().globals().params().workFactors().active();
    private final long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);

    private List<RewardedNode> set() {
        return List.of(LedgerHarness.node(node, FULL, activeWork));
    }

    private NodeRecord nodeState() {
        return h.ledger().node(node).orElseThrow();
    }

    @Test
    void derivedValuesOfP() {
        RewardingParams p = h.ledger().globals().params();
        assertThat(p.epochRewardBudget()).isEqualTo(d("6944444444.444444444444444444"));
        assertThat(p.stakeSaturationPoint()).isEqualTo(d("416666666666.666666666666666666"));
        assertThat(p.workFactors().standby()).isEqualTo(d("0.00087719298245614"));
        assertThat(p.workFactors().active()).isEqualTo(d("0.0087719298245614"));
        assertThat(nodeState().rewarding().costParams().epochOperatingCost(720)).isEqualTo(d("55555.555555555555555555"));
    }

    @Test
    void tv1_singleNodeNoDelegations() {
        h.closeEmpty();
        List<LedgerEvent> events = h.close(set());

        NodeRewarded r = rewarded(events, node);
        assertThat(r.split().nodeReward()).isEqualTo(d("1128452.541610435897435896"));
        assertThat(r.split().operator()).isEqualTo(d("1128452.541610435897435896"));
        assertThat(r.split().delegates()).isEqualTo(Decimal.ZERO);
        assertThat(nodeState().rewarding().operator()).isEqualTo(d("10001128452.541610435897435896"));
        assertThat(nodeState().rewarding().lastRewardedEpoch()).isEqualTo(1);
    }

    @Test
    void tv2_singleDelegationAtGenesis() {
        h.delegate("alice", node, 18_000_000_000L);
        h.closeEmpty();
        List<LedgerEvent> events = h.close(set());

        NodeRewarded r = rewarded(events, node);
        assertThat(r.split().nodeReward()).isEqualTo(d("3159667.116509220512820512"));
        assertThat(r.split().operator()).isEqualTo(d("1363716.856243171496953611"));
        assertThat(r.split().delegates()).isEqualTo(d("1795950.260266049015866901"));
        assertThat(r.totalUnitRewardAfter()).isEqualTo(d("99775.014459224944328188"));
        assertThat(nodeState().rewarding().operator()).isEqualTo(d("10001363716.856243171496953611"));
        assertThat(nodeState().rewarding().delegates()).isEqualTo(d("18001795950.260266049015866901"));
        Delegation alice = h.ledger().delegation(node, "alice").orElseThrow();
        assertThat(nodeState().rewarding().delegationReward(alice.amount(), alice.cumulativeRewardRatio()))
                .isEqualTo(d("1795950.260266048997907384"));
    }

    @Test
    void tv3_delegationAndUndelegation() {
        h.closeEmpty();
        // Epoch 1: no delegation yet. Alice delegates during epoch 1, so she is in from epoch 2 on.
        h.delegate("alice", node, 18_000_000_000L);
        List<LedgerEvent> epoch1 = h.close(set());
        assertThat(rewarded(epoch1, node).split().operator()).isEqualTo(d("1128452.541610435897435896"));
        assertThat(rewarded(epoch1, node).split().delegates()).isEqualTo(Decimal.ZERO);

        List<LedgerEvent> epoch2 = h.close(set());
        assertThat(rewarded(epoch2, node).split().operator()).isEqualTo(d("1363843.413584608173145556"));
        assertThat(rewarded(epoch2, node).split().delegates()).isEqualTo(d("1795952.258744039137825818"));

        // Alice undelegates during epoch 3: applied after epoch 3's rewarding.
        h.undelegate("alice", node);
        List<LedgerEvent> epoch3 = h.close(set());
        assertThat(rewarded(epoch3, node).split().operator()).isEqualTo(d("1364017.782444048630340511"));
        assertThat(rewarded(epoch3, node).split().delegates()).isEqualTo(d("1796135.926946868814167029"));

        DelegationRemoved removed = only(epoch3, DelegationRemoved.class);
        assertThat(removed.principal()).isEqualTo(Unym.of(18_000_000_000L));
        assertThat(removed.paid()).isEqualTo(Unym.of(18_003_592_088L));
        assertThat(Unym.floorOf(removed.accrued())).isEqualTo(Unym.of(3_592_088L));
        assertThat(nodeState().rewarding().delegates()).isEqualTo(Decimal.ZERO);
        assertThat(nodeState().rewarding().uniqueDelegations()).isZero();
        assertThat(nodeState().rewarding().operator()).isEqualTo(d("10003856313.737639092736842852"));
        assertThat(h.ledger().delegation(node, "alice")).isEmpty();
    }

    @Test
    void tv4_withdrawingOperatorReward() {
        h.delegate("alice", node, 18_000_000_000L);
        h.delegate("bob", node, 4_000_000_000L);
        h.closeEmpty();
        List<LedgerEvent> epoch1 = h.close(set());
        assertThat(rewarded(epoch1, node).split().operator()).isEqualTo(d("1411087.100764731794871794"));
        assertThat(rewarded(epoch1, node).split().delegates()).isEqualTo(d("2199961.032388663076923077"));

        OperatorRewardWithdrawn withdrawn = only(h.withdrawOperator("operator", node), OperatorRewardWithdrawn.class);
        assertThat(withdrawn.paid()).isEqualTo(Unym.of(1_411_087));
        assertThat(nodeState().rewarding().operator()).isEqualTo(Decimal.of(10_000_000_000L));

        List<LedgerEvent> epoch2 = h.close(set());
        assertThat(rewarded(epoch2, node).split().operator()).isEqualTo(d("1411113.000406794204418423"));
        assertThat(rewarded(epoch2, node).split().delegates()).isEqualTo(d("2200183.387908444920700037"));
    }

    @Test
    void tv5_withdrawingDelegatorReward() {
        h.delegate("alice", node, 18_000_000_000L);
        h.delegate("bob", node, 4_000_000_000L);
        h.closeEmpty();
        h.close(set());
        assertThat(nodeState().rewarding().totalUnitReward()).isEqualTo(d("99998.228744939229569252"));

        DelegatorRewardWithdrawn alice1 = only(h.withdrawDelegator("alice", node), DelegatorRewardWithdrawn.class);
        assertThat(alice1.accrued()).isEqualTo(d("1799968.117408906132246536"));
        assertThat(alice1.paid()).isEqualTo(Unym.of(1_799_968));
        assertThat(nodeState().rewarding().delegates()).isEqualTo(d("22000399992.914979756944676541"));

        List<LedgerEvent> epoch2 = h.close(set());
        assertThat(rewarded(epoch2, node).split().operator()).isEqualTo(d("1411250.190749266714782677"));
        assertThat(rewarded(epoch2, node).split().delegates()).isEqualTo(d("2200004.051009688216703649"));
        assertThat(nodeState().rewarding().totalUnitReward()).isEqualTo(d("200006.59442131702856882"));

        DelegatorRewardWithdrawn alice2 = only(h.withdrawDelegator("alice", node), DelegatorRewardWithdrawn.class);
        assertThat(alice2.accrued()).isEqualTo(d("1799970.58830417697806612"));
        assertThat(alice2.paid()).isEqualTo(Unym.of(1_799_970));
        DelegatorRewardWithdrawn bob = only(h.withdrawDelegator("bob", node), DelegatorRewardWithdrawn.class);
        assertThat(bob.accrued()).isEqualTo(d("800026.37768526811427528"));
        assertThat(bob.paid()).isEqualTo(Unym.of(800_026));
        assertThat(nodeState().rewarding().delegates()).isEqualTo(d("22000000000.00000000006903879"));
    }

    @Test
    void tv9_initializationDerivesBudgetAndSaturation() {
        // Whatever B and sat the given params carry, the ledger derives them again.
        RewardingParams given = RewardingParams.initial(Decimal.of(100_000_000_000_000L), Decimal.of(123_456_000_000_000L),
                Percent.HUNDRED, Percent.fromPercentageValue(23), Decimal.of(10), Percent.fromPercentageValue(1),
                new RewardedSetParams(50, 70, 120, 73), 1234, FeeIncomeParams.DISABLED);
        var i = given.interval();
        RewardingParams tampered = new RewardingParams(new IntervalRewardParams(
                i.rewardPool(), i.stakingSupply(), i.stakingSupplyScaleFactor(), Decimal.ONE, Decimal.ONE, i.sybilResistance(),
                i.activeSetWorkFactor(), i.intervalPoolEmission()), given.rewardedSet(), 1234, FeeIncomeParams.DISABLED);
        LedgerHarness fresh = new LedgerHarness();
        LedgerInitialized init = only(fresh.accept(new InitializeLedger(GENESIS, tampered, ContractSettings.DEFAULT, GENESIS, Duration.ofHours(1),
                        LedgerHarness.genesis(tampered))),
                LedgerInitialized.class);
        assertThat(init.params().epochRewardBudget()).isEqualTo(d("810372771.474878444084278768"));
        assertThat(init.params().stakeSaturationPoint()).isEqualTo(d("394428115015.974440894568690095"));
    }

    @Test
    void tv9_mainnetSnapshotThroughTheLedger() {
        RewardingParams mainnet = RewardingParams.initial(d("166613455567357.391753168447944888"), d("61194672938727.325886595653401629"),
                Percent.parse("0.07342892"), Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(80, 100, 60, 0), 720, FeeIncomeParams.DISABLED);
        LedgerHarness fresh = LedgerHarness.initialized(mainnet);
        assertThat(fresh.ledger().globals().params().epochRewardBudget()).isEqualTo(d("4628151543.537705326476901331"));
        assertThat(fresh.ledger().globals().params().stakeSaturationPoint()).isEqualTo(d("254977803911.363857860815222506"));
    }

    @Test
    void tv9_fullStandbySetIsAcceptedWithItsTotalWorkBelowOne() {
        RewardingParams p = ContractVectorsTest.paramsP().withUpdates(
                RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(50, 70, 120, 20)));
        LedgerHarness fresh = LedgerHarness.initialized(p);
        WorkFactors w = fresh.ledger().globals().params().workFactors();
        List<RewardedNode> set = new ArrayList<>();
        for (long id = 1; id <= 260; id++) {
            set.add(new RewardedNode(id, Percent.HUNDRED, id <= 240 ? w.active() : w.standby()));
        }
        var rewarded = only(fresh.close(set), LedgerEvent.EpochRewarded.class);
        assertThat(rewarded.nodes()).hasSize(260).allMatch(r -> r instanceof LedgerEvent.NodeNotRewardable);
        assertThat(w.totalFor(240, 20)).isEqualTo(d("0.99999999999999814"));
    }
}
