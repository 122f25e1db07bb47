package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeeDistributionTest {

    private static FeeIncome income(long... idAndFees) {
        List<FeeIncome.GatewayFees> gateways = new java.util.ArrayList<>();
        for (int i = 0; i < idAndFees.length; i += 2) {
            gateways.add(new FeeIncome.GatewayFees(idAndFees[i], Unym.of(idAndFees[i + 1])));
        }
        return new FeeIncome(7, gateways);
    }

    @Test
    void sixtyPercentToTheBudgetAndTheRestProportionallyFlooredToGateways() {
        // F = 1001: to_budget = 600.6, gateway_pool = 400.4; credits floor(400.4*1/1001)=0 (not paid), floor(400.4*1000/1001)=400
        FeeDistribution f = FeeDistribution.compute(income(9, 1000, 4, 1), FeeIncomeParams.DEFAULT_REWARD_SHARE, id -> true);
        assertThat(f.totalFees()).isEqualTo(Unym.of(1001));
        assertThat(f.toRewardBudget()).isEqualTo(Decimal.parse("600.6"));
        assertThat(f.gatewayPool()).isEqualTo(Decimal.parse("400.4"));
        assertThat(f.credits()).containsExactly(new FeeDistribution.GatewayCredit(9, Unym.of(1000), Unym.of(400)));
        assertThat(f.returnedToPool()).isEqualTo(Decimal.parse("0.4"));
        assertThat(f.addedToPool()).isEqualTo(Decimal.parse("601"));
    }

    @Test
    void creditOfAGatewayThatCannotBePaidReturnsToThePool() {
        FeeDistribution f = FeeDistribution.compute(income(1, 500, 2, 500), Percent.fromPercentageValue(50), id -> id == 1);
        assertThat(f.credits()).extracting(FeeDistribution.GatewayCredit::credit).containsExactly(Unym.of(250));
        assertThat(f.returnedToPool()).isEqualTo(Decimal.of(250));
        assertThat(f.toRewardBudget().plus(Decimal.of(250)).plus(f.returnedToPool())).isEqualTo(Decimal.of(1000));
    }

    @Test
    void noFeesNoSplit() {
        FeeDistribution f = FeeDistribution.compute(income(), FeeIncomeParams.DEFAULT_REWARD_SHARE, id -> true);
        assertThat(f.addedToPool()).isEqualTo(Decimal.ZERO);
        assertThat(f.credits()).isEmpty();
    }

    /** The credit as the Decimal product then quotient computes it, where that product fits in 128 bits. */
    private static Unym decimalCredit(Decimal gatewayPool, Unym fees, Unym total) {
        return Unym.floorOf(gatewayPool.times(fees.toDecimal()).div(total.toDecimal()));
    }

    @Test
    void creditsEqualTheDecimalFormulaWhereverItFits() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(20261202);
        for (int i = 0; i < 20_000; i++) {
            long a = 1 + rng.nextLong(5_000_000_000L);
            long b = 1 + rng.nextLong(5_000_000_000L);
            FeeDistribution f = FeeDistribution.compute(income(1, a, 2, b), FeeIncomeParams.DEFAULT_REWARD_SHARE, id -> true);
            Unym total = Unym.of(a + b);
            List<Unym> expected = java.util.stream.Stream.of(decimalCredit(f.gatewayPool(), Unym.of(a), total),
                    decimalCredit(f.gatewayPool(), Unym.of(b), total)).filter(c -> !c.isZero()).toList();
            assertThat(f.credits()).extracting(FeeDistribution.GatewayCredit::credit).as("fees %d and %d", a, b)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void oneGatewayWithAMillionNymOfFeesInAnEpochIsSplitExactly() {
        // 10^12 uNYM: the Decimal product gateway_pool * f_g would be 4 * 10^35 * 10^12 > 2^128
        long fees = 1_000_000_000_000L;
        FeeDistribution f = FeeDistribution.compute(income(3, fees, 5, 1), FeeIncomeParams.DEFAULT_REWARD_SHARE, id -> true);
        Decimal pool = Decimal.of(fees + 1).minus(Decimal.of(fees + 1).times(FeeIncomeParams.DEFAULT_REWARD_SHARE));
        java.math.BigInteger expected = pool.atomics().multiply(java.math.BigInteger.valueOf(fees))
                .divide(java.math.BigInteger.valueOf(fees + 1).multiply(Decimal.SCALE));
        assertThat(f.credits()).extracting(FeeDistribution.GatewayCredit::credit).containsExactly(new Unym(expected));
        assertThat(f.toRewardBudget().plus(new Unym(expected).toDecimal()).plus(f.returnedToPool())).isEqualTo(Decimal.of(fees + 1));
    }
}
