package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.UpdateRewardingParams;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static net.nym.tokenomics.rewards.domain.LedgerHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The fee-income extension through the ledger: off by default, and exactly the documented split when on. */
class FeeIncomeLedgerTest {

    private final LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
    private final Decimal work = h.ledger().globals().params().workFactors().active();
    private final long node = h.bond("operator", 10_000_000_000L, 10, 40_000_000);
    private final long gateway = h.bond("gateway-op", 10_000_000_000L, 10, 40_000_000);

    private List<RewardedNode> set() {
        return List.of(LedgerHarness.node(node, Percent.HUNDRED, work));
    }

    private Optional<FeeIncome> fees() {
        return Optional.of(new FeeIncome(h.epoch(), List.of(new FeeIncome.GatewayFees(gateway, Unym.of(1_000_000_000L)),
                new FeeIncome.GatewayFees(node, Unym.of(1L)))));
    }

    @Test
    void offByDefaultSoTheContractNumbersStay() {
        h.closeEmpty();
        List<LedgerEvent> epoch = h.close(set(), fees());
        EpochRewarded rewarded = only(epoch, EpochRewarded.class);
        assertThat(rewarded.fees()).isNull();
        assertThat(rewarded.budget().total()).isEqualTo(d("6944444444.444444444444444444"));
        assertThat(rewarded(epoch, node).split().nodeReward()).isEqualTo(d("1128452.541610435897435896"));
    }

    @Test
    void enabledAddsTheShareToTheBudgetAndCreditsGatewaysProportionally() {
        h.accept(new UpdateRewardingParams(h.now(), "admin",
                RewardingParamsUpdate.none().withFeeIncome(FeeIncomeParams.enabledWithShare(FeeIncomeParams.DEFAULT_REWARD_SHARE)), true));
        h.closeEmpty();
        Decimal gatewayOperatorBefore = h.ledger().node(gateway).orElseThrow().rewarding().operator();
        List<LedgerEvent> epoch = h.close(set(), fees());
        EpochRewarded rewarded = only(epoch, EpochRewarded.class);

        // F = 1_000_000_001; to_budget = F * 0.6; gateway pool = F - to_budget = 400000000.4
        Decimal f = Decimal.of(1_000_000_001L);
        assertThat(rewarded.budget().fromFees()).isEqualTo(d("600000000.6"));
        assertThat(rewarded.budget().total()).isEqualTo(d("6944444444.444444444444444444").plus(d("600000000.6")));
        // gateway: floor(400000000.4 * 1e9 / F) = 400000000; node: floor(400000000.4 * 1 / F) = 0, not paid
        assertThat(rewarded.gatewayCredits()).containsExactly(new GatewayCredited(gateway, Unym.of(400_000_000L),
                gatewayOperatorBefore.plus(Decimal.of(400_000_000L))));
        assertThat(rewarded.fees().returnedToPool()).isEqualTo(d("0.4"));
        assertThat(rewarded.poolChangeAfter().added()).isEqualTo(d("600000001"));
        assertThat(rewarded.distributed().plus(rewarded.unclaimed())).isEqualTo(rewarded.budget().total());
        assertThat(h.ledger().node(gateway).orElseThrow().rewarding().operator())
                .isEqualTo(gatewayOperatorBefore.plus(Decimal.of(400_000_000L)));

        // The node reward uses B + to_budget as its budget.
        NodeRewarded r = rewarded(epoch, node);
        Decimal expected = h.ledger().node(node).orElseThrow().rewarding().withOperator(Decimal.of(10_000_000_000L))
                .nodeReward(h.ledger().globals().params(), rewarded.budget().total(), 240, Percent.HUNDRED, work);
        assertThat(r.split().nodeReward()).isEqualTo(expected);
        assertThat(r.split().nodeReward()).isGreaterThan(d("1128452.541610435897435896"));
        assertThat(f).isEqualTo(rewarded.fees().totalFees().toDecimal());
    }
}
