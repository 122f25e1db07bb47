package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static net.nym.tokenomics.rewards.domain.LedgerHarness.d;
import static net.nym.tokenomics.rewards.domain.LedgerHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TV7 {@code multiple_nodes_against_known_values}: 10 nodes, one epoch per interval, 23 intervals with the pool and
 * supply rolled over after each, through decide/evolve. Every value is compared to all 18 digits.
 */
class MultiNodeVectorTest {

    private record Spec(long pledge, long delegation, int profitMargin, long operatingCost, int performance, boolean active) {
    }

    private static final List<Spec> NODES = List.of(
            new Spec(11_000_000_000000L, 1_000_000_000000L, 10, 40_000_000, 100, true),
            new Spec(1_000_000_000000L, 11_000_000_000000L, 10, 40_000_000, 100, true),
            new Spec(1_000_000_000000L, 9_000_000_000000L, 10, 40_000_000, 100, true),
            new Spec(1_000_000_000000L, 7_000_000_000000L, 0, 500_000_000, 90, true),
            new Spec(1000_000000L, 7_999_000_000000L, 10, 40_000_000, 90, true),
            new Spec(1_000_000_000000L, 7_000_000_000000L, 10, 40_000_000, 0, true),
            new Spec(11_000_000_000000L, 1_000_000_000000L, 10, 40_000_000, 100, false),
            new Spec(1_000_000_000000L, 9_000_000_000000L, 10, 40_000_000, 100, false),
            new Spec(1_000_000_000000L, 7_000_000_000000L, 0, 500_000_000, 90, false),
            new Spec(1_000_000_000000L, 7_000_000_000000L, 10, 40_000_000, 0, false));

    private static final String[][] FINAL_O_D = {
            {"24307061704726.807241019032902791", "2031528592775.674914034841893849"},
            {"3544171010629.919366818893823769", "20854154351479.96722623633467555"},
            {"3781120900089.886398534561477504", "18634530734287.533142234547036527"},
            {"2313562111772.316494299695801578", "16090515100131.85603075372112699"},
            {"1419679306492.79595539847760108", "16802494863659.928748634033387125"},
            {"1000000000000", "7000000000000"},
            {"14114996375922.568570847855331308", "1249173915284.05259623477430107"},
            {"1225564192694.352790295139261335", "9931461332688.533791247541911727"},
            {"1112319106593.860374496820742447", "7710855078658.264033103287380718"},
            {"1000000000000", "7000000000000"},
    };

    static RewardingParams params() {
        return RewardingParams.initial(
                Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L), Percent.HUNDRED,
                Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(1, 2, 3, 4), 1, FeeIncomeParams.DISABLED);
    }

    @Test
    void tv7_twentyThreeIntervalsAgainstKnownValues() {
        LedgerHarness h = LedgerHarness.initialized(params());
        RewardingParams p = h.ledger().globals().params();
        assertThat(p.epochRewardBudget()).isEqualTo(d("5000000000000"));
        assertThat(p.stakeSaturationPoint()).isEqualTo(d("10000000000000"));
        WorkFactors work = p.workFactors();
        assertThat(work.active()).isEqualTo(d("0.15625"));
        assertThat(work.standby()).isEqualTo(d("0.015625"));

        List<Long> ids = new ArrayList<>();
        List<RewardedNode> set = new ArrayList<>();
        for (int i = 0; i < NODES.size(); i++) {
            Spec s = NODES.get(i);
            long id = h.bond("op" + i, s.pledge(), s.profitMargin(), s.operatingCost());
            h.delegate("delegator" + i, id, s.delegation());
            ids.add(id);
            set.add(new RewardedNode(id, Percent.fromPercentageValue(s.performance()), s.active() ? work.active() : work.standby()));
        }
        // Genesis epoch: delegations are applied; its (empty) interval rolls over without changing anything.
        h.closeEmpty();
        assertThat(h.ledger().globals().params().epochRewardBudget()).isEqualTo(d("5000000000000"));

        for (int interval = 1; interval <= 23; interval++) {
            List<LedgerEvent> events = h.close(set);
            EpochRewarded rewarded = only(events, EpochRewarded.class);
            assertConserves(rewarded);
            IntervalRolledOver rollOver = only(events, IntervalRolledOver.class);
            assertThat(rollOver.applied().removed()).isEqualTo(rewarded.distributed());
            if (interval == 1) {
                NodeRewarded n0 = (NodeRewarded) rewarded.nodes().getFirst();
                assertThat(n0.split().operator()).isEqualTo(d("662623192307.692306976001538461"));
                assertThat(n0.split().delegates()).isEqualTo(d("53722961538.461539177844615385"));
                RewardingParams after = h.ledger().globals().params();
                assertThat(after.interval().rewardPool()).isEqualTo(d("246886260923076.92307692307692308"));
                assertThat(after.interval().stakingSupply()).isEqualTo(d("103113739076923.07692307692307692"));
                assertThat(after.epochRewardBudget()).isEqualTo(d("4937725218461.538461538461538461"));
                assertThat(after.stakeSaturationPoint()).isEqualTo(d("10311373907692.307692307692307692"));
            }
        }

        RewardingParams last = h.ledger().globals().params();
        assertThat(last.interval().rewardPool()).isEqualTo(d("184876811322111.682325810441344632"));
        assertThat(last.interval().stakingSupply()).isEqualTo(d("165123188677888.317674189558655368"));
        for (int i = 0; i < ids.size(); i++) {
            NodeRecord node = h.ledger().node(ids.get(i)).orElseThrow();
            assertThat(node.rewarding().operator()).as("O of n%d", i).isEqualTo(d(FINAL_O_D[i][0]));
            assertThat(node.rewarding().delegates()).as("D of n%d", i).isEqualTo(d(FINAL_O_D[i][1]));
        }
        assertThat(h.ledger().globals().clock().intervalId()).isEqualTo(24);
        assertThat(LedgerEvolver.fold(h.log()).canonicalView()).isEqualTo(h.ledger().canonicalView());
    }

    static void assertConserves(EpochRewarded rewarded) {
        Decimal sum = Decimal.ZERO;
        for (NodeEpochResult result : rewarded.nodes()) {
            if (result instanceof NodeRewarded r) {
                assertThat(r.split().operator().plus(r.split().delegates())).isEqualTo(r.split().nodeReward());
                sum = sum.plus(r.split().nodeReward());
            }
        }
        assertThat(sum).isEqualTo(rewarded.distributed());
        assertThat(sum.plus(rewarded.unclaimed())).isEqualTo(rewarded.budget().total());
    }
}
