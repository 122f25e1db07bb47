package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.domain.LedgerEvent.NodeRewarded;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static net.nym.tokenomics.rewards.domain.LedgerHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

class EstimatesTest {

    private final LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
    private final Decimal work = h.ledger().globals().params().workFactors().active();
    private final long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);

    @Test
    void nextEpochEstimatesMatchWhatTheEpochThenPays() {
        h.delegate("alice", node, 18_000_000_000L);
        h.delegate("bob", node, 4_000_000_000L);
        h.closeEmpty();
        h.close(List.of(new RewardedNode(node, Percent.HUNDRED, work)));

        var nodeEstimate = RewardEstimates.forNode(h.ledger(), node, Percent.HUNDRED, work).orElseThrow();
        var alice = RewardEstimates.forDelegation(h.ledger(), node, "alice", Percent.HUNDRED, work).orElseThrow();
        Decimal d = h.ledger().node(node).orElseThrow().rewarding().delegates();

        NodeRewarded paid = rewarded(h.close(List.of(new RewardedNode(node, Percent.HUNDRED, work))), node);
        assertThat(nodeEstimate.split()).isEqualTo(paid.split());
        assertThat(alice.nextEpochReward()).isEqualTo(alice.currentValue().div(d).times(paid.split().delegates()));
        assertThat(alice.accrued()).isGreaterThan(Decimal.ZERO);
        assertThat(alice.annualisedReturn())
                .isEqualTo(alice.nextEpochReward().times(Decimal.of(8760)).div(alice.currentValue()));
        assertThat(nodeEstimate.operatorAnnualisedReturn()).isGreaterThan(Decimal.ZERO);
    }

    @Test
    void epochsPerYearFollowTheEpochLength() {
        assertThat(RewardEstimates.epochsPerYear(Duration.ofHours(1))).isEqualTo(8760);
        assertThat(RewardEstimates.epochsPerYear(Duration.ofMinutes(30))).isEqualTo(17520);
        assertThat(RewardEstimates.annualisedReturn(Decimal.ONE, Decimal.ZERO, Duration.ofHours(1))).isEqualTo(Decimal.ZERO);
    }

    @Test
    void pendingOperatorRewardAndNoEstimateForUnknownNodes() {
        h.closeEmpty();
        h.close(List.of(new RewardedNode(node, Percent.HUNDRED, work)));
        assertThat(RewardEstimates.pendingOperatorReward(h.ledger(), node)).contains(d("1128452.541610435897435896"));
        assertThat(RewardEstimates.forNode(h.ledger(), 999, Percent.HUNDRED, work)).isEmpty();
        assertThat(RewardEstimates.forDelegation(h.ledger(), node, "nobody", Percent.HUNDRED, work)).isEmpty();
    }
}
