package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import org.junit.jupiter.api.Test;

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
}
