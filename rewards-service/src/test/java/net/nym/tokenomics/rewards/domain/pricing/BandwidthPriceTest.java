package net.nym.tokenomics.rewards.domain.pricing;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BandwidthPriceTest {

    private static Decimal d(String s) {
        return Decimal.parse(s);
    }

    /** {@code count} nodes with the same cost. */
    private static List<LinearCost> nodes(int count, String fixed, String perPacket) {
        List<LinearCost> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new LinearCost(d(fixed), d(perPacket)));
        }
        return out;
    }

    /**
     * Eq. 1 by hand. L, W, E[M], τ, Mix (count x fixed + slope), Idl (count x fixed), packet x, expected F(x).
     * Row 1: C* = (6·(10 + 0.5x) + 6·10)/6 = 20 + 0.5x; F = 3·(0.5 + 2·20/100) + 0.25 = 3·0.9 + 0.25 = 2.95.
     * Row 3: flat costs, C* = (3·100 + 3·100)/3 = 200, F = 1·(0 + 3·200/600) + 0 = 1.
     * Row 4: C*(0) = 1/3 floored, W·C*(0)/E[M] = 0.999999999999999999/7 floored.
     */
    @ParameterizedTest
    @CsvSource({
            "3, 2, 100, 0.25, 6, 10, 0.5, 6, 10, 1,   2.95",
            "3, 2, 100, 0.25, 6, 10, 0.5, 6, 10, 999, 2.95",
            "1, 3, 600, 0,    3, 100, 0,  3, 100, 17, 1",
            "1, 3, 7,   0,    1, 1, 0,    0, 0,  1,  0.142857142857142857",
            "2, 1, 10,  1,    2, 0, 3,    0, 0,  5,  7",
    })
    void feeOfThePacketIsEquationOne(int l, int w, long em, String tau, int mixCount, String mixFixed, String slope,
                                     int idleCount, String idleFixed, long x, String expected) {
        BandwidthPrice price = new BandwidthPrice(l, w, em, d(tau), nodes(mixCount, mixFixed, slope),
                nodes(idleCount, idleFixed, "0"));
        assertThat(price.fee(x)).isEqualTo(d(expected));
    }

    /** The closed-form revenue is the packet-by-packet sum of eq. 1, digit for digit, also for partial blocks. */
    @ParameterizedTest
    @CsvSource({
            "3, 2, 100, 0.25, 0",
            "3, 2, 100, 0.25, 1",
            "3, 2, 100, 0.25, 7",
            "3, 5, 37, 0.000001, 123",
            "1, 1, 1, 0, 50",
            "3, 120, 1000, 0.3, 1001",
    })
    void revenueIsTheSumOfTheFees(int l, int w, long em, String tau, long m) {
        List<LinearCost> mix = new ArrayList<>();
        for (int i = 0; i < l * w; i++) {
            mix.add(new LinearCost(Decimal.fromRatio(200_000_000L + i, 720), Decimal.fromRatio(i + 1, 3)));
        }
        BandwidthPrice price = new BandwidthPrice(l, w, em, d(tau), mix, nodes(l * w, "277777.777777777777777777", "0"));
        Decimal sum = Decimal.ZERO;
        for (long x = 1; x <= m; x++) {
            sum = sum.plus(price.fee(x));
        }
        assertThat(price.revenue(m)).isEqualTo(sum);
    }

    /**
     * Theorem 1, exactly: with linear costs and a demand distribution whose values are multiples of W, the expected
     * fees equal the expected costs plus τ·E[M]. Inputs are chosen so that no division rounds (C*(0)·W/E[M], E[M]/W).
     * Columns: L, W, τ, Mix fixed, Mix slope, Idl fixed, demand values (equally likely, mean E[M]).
     */
    @ParameterizedTest
    @CsvSource({
            "3, 2, 0.25, 10, 0.5, 10, 80 120",
            "3, 4, 0,    12, 2,   18, 40 200 120",
            "1, 5, 1.5,  5,  0,   5,  50 150 100 100",
            "3, 120, 0.000001, 240, 0.001, 120, 36000 108000",
    })
    void theoremOneFeesCoverCostsAndLeaveTheSurplus(int l, int w, String tau, String mixFixed, String slope,
                                                    String idleFixed, String demands) {
        long[] values = java.util.Arrays.stream(demands.split(" ")).mapToLong(Long::parseLong).toArray();
        long sum = java.util.Arrays.stream(values).sum();
        long em = sum / values.length;
        BandwidthPrice price = new BandwidthPrice(l, w, em, d(tau), nodes(l * w, mixFixed, slope), nodes(l * w, idleFixed, "0"));
        Decimal revenue = Decimal.ZERO;
        Decimal cost = Decimal.ZERO;
        for (long m : values) {
            revenue = revenue.plus(price.revenue(m));
            cost = cost.plus(price.cost(m));
        }
        Decimal n = Decimal.of(values.length);
        assertThat(revenue.div(n)).isEqualTo(price.expectedCost().plus(price.expectedSurplus()));
        // and cost is linear, so the average cost is the cost at the expected demand
        assertThat(cost.div(n)).isEqualTo(price.expectedCost());
    }

    /** With flat declared costs (Nym's), every packet has the same price: Σ C_i(0) / E[M] + τ. */
    @Test
    void flatCostsGiveAConstantPrice() {
        BandwidthPrice price = new BandwidthPrice(3, 120, 720_000_000L, Decimal.ZERO,
                nodes(360, "277777.777777777777777777", "0"), nodes(360, "277777.777777777777777777", "0"));
        assertThat(price.fee(1)).isEqualTo(price.fee(719_999_999L));
        // 720 nodes x 200 NYM / 720 epochs = 200 NYM per epoch over 720M packets: about 0.2778 uNYM per packet
        assertThat(price.fee(1)).isEqualTo(d("0.277777777777777776"));
        assertThat(price.revenue(720_000_000L)).isLessThanOrEqualTo(price.expectedCost());
        assertThat(price.expectedCost().minus(price.revenue(720_000_000L))).isLessThan(d("0.000001"));
    }

    @Test
    void refusesImpossibleInputs() {
        assertThatThrownBy(() -> new BandwidthPrice(0, 1, 1, Decimal.ZERO, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        BandwidthPrice price = new BandwidthPrice(1, 1, 1, Decimal.ZERO, List.of(), List.of());
        assertThatThrownBy(() -> price.fee(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> price.revenue(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
