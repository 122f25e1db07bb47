package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.LedgerInitialized;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static net.nym.tokenomics.rewards.domain.LedgerHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

class FoldDeterminismTest {

    @Test
    void foldingTheSameLogTwiceGivesTheSameStateAsTheLiveLedger() {
        LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
        Decimal work = h.ledger().globals().params().workFactors().active();
        long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);
        h.delegate("alice", node, 18_000_000_000L);
        h.closeEmpty();
        h.close(List.of(new RewardedNode(node, Percent.HUNDRED, work)));
        h.withdrawDelegator("alice", node);

        MixnetLedger once = LedgerEvolver.fold(h.log());
        MixnetLedger twice = LedgerEvolver.fold(h.log());
        assertThat(once.canonicalView()).isEqualTo(twice.canonicalView()).isEqualTo(h.ledger().canonicalView());
    }

    @Test
    void aCopyIsIndependentOfTheLedgerItWasTakenFrom() {
        LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
        h.bond("operator", 10_000_000_000L, 10, 40_000_000);
        MixnetLedger copy = h.ledger().copy();
        var before = copy.canonicalView();
        h.bond("second", 10_000_000_000L, 10, 40_000_000);
        assertThat(copy.canonicalView()).isEqualTo(before);
        assertThat(copy.bondedNodeOf("second")).isEmpty();
        assertThat(h.ledger().bondedNodeOf("second")).contains(2L);
    }

    @Test
    void decideDoesNotChangeTheLedger() {
        LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
        long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);
        h.delegate("alice", node, 18_000_000_000L);
        var before = h.ledger().canonicalView();
        Decision decision = h.decide(new CloseEpoch(h.ledger().globals().clock().currentEpochEnd(), 0, List.of(), Optional.empty()));
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        assertThat(h.ledger().canonicalView()).isEqualTo(before);
    }

    @Test
    void canonicalViewIsEmittedInKeyOrder() {
        LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
        long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);
        h.delegate("b-", node, 100L);
        h.delegate("b", node, 100L);
        h.delegate("a", node, 100L);
        h.closeEmpty();
        h.delegate("c", node, 5L);
        h.accept(new ChangeCostParams(h.now(), "operator", node, new CostParamsInput(Decimal.percent(5), java.math.BigInteger.ONE)));
        List<String> keys = new ArrayList<>();
        h.ledger().forEachCanonicalEntry((k, v) -> keys.add(k));
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        assertThat(keys).containsExactlyElementsOf(h.ledger().canonicalView().keySet());
        assertThat(keys).anyMatch(k -> k.startsWith("pending-epoch/")).anyMatch(k -> k.startsWith("pending-interval/"));
    }

    @Test
    void tv9_initializationDerivesBudgetAndSaturation() {
        // Whatever B and sat the given params carry, the ledger derives them again.
        RewardingParams given = RewardingParams.initial(Decimal.of(100_000_000_000_000L), Decimal.of(123_456_000_000_000L),
                Percent.HUNDRED, Percent.fromPercentageValue(23), Decimal.of(10), Percent.fromPercentageValue(1),
                new RewardedSetParams(50, 70, 120, 73), 1234, FeeIncomeParams.DISABLED);
        var i = given.interval();
        RewardingParams tampered = new RewardingParams(new net.nym.tokenomics.rewards.domain.rewarding.IntervalRewardParams(
                i.rewardPool(), i.stakingSupply(), i.stakingSupplyScaleFactor(), Decimal.ONE, Decimal.ONE, i.sybilResistance(),
                i.activeSetWorkFactor(), i.intervalPoolEmission()), given.rewardedSet(), 1234, FeeIncomeParams.DISABLED);
        LedgerHarness h = new LedgerHarness();
        LedgerInitialized init = only(h.accept(new InitializeLedger(GENESIS, tampered, ContractSettings.DEFAULT, GENESIS, Duration.ofHours(1))),
                LedgerInitialized.class);
        assertThat(init.params().epochRewardBudget()).isEqualTo(d("810372771.474878444084278768"));
        assertThat(init.params().stakeSaturationPoint()).isEqualTo(d("394428115015.974440894568690095"));
    }

    @Test
    void tv9_mainnetSnapshotThroughTheLedger() {
        RewardingParams mainnet = RewardingParams.initial(d("166613455567357.391753168447944888"), d("61194672938727.325886595653401629"),
                Percent.parse("0.07342892"), Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(80, 100, 60, 0), 720, FeeIncomeParams.DISABLED);
        LedgerHarness h = LedgerHarness.initialized(mainnet);
        assertThat(h.ledger().globals().params().epochRewardBudget()).isEqualTo(d("4628151543.537705326476901331"));
        assertThat(h.ledger().globals().params().stakeSaturationPoint()).isEqualTo(d("254977803911.363857860815222506"));
    }

    @Test
    void tv9_fullStandbySetIsAcceptedWithItsTotalWorkBelowOne() {
        RewardingParams p = ContractVectorsTest.paramsP().withUpdates(
                net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(50, 70, 120, 20)));
        LedgerHarness h = LedgerHarness.initialized(p);
        WorkFactors w = h.ledger().globals().params().workFactors();
        List<RewardedNode> set = new ArrayList<>();
        for (long id = 1; id <= 260; id++) {
            set.add(new RewardedNode(id, Percent.HUNDRED, id <= 240 ? w.active() : w.standby()));
        }
        var rewarded = only(h.close(set), LedgerEvent.EpochRewarded.class);
        assertThat(rewarded.nodes()).hasSize(260).allMatch(r -> r instanceof LedgerEvent.NodeNotRewardable);
        assertThat(w.totalFor(240, 20)).isEqualTo(d("0.99999999999999814"));
    }
}
