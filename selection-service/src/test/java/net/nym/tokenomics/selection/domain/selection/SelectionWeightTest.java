package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionWeightTest {

    /** Reference TV-3: routing x config as f64, saturation, perf as Decimal, perf^20, Decimal weight, f64 weight. */
    @ParameterizedTest(name = "perf {0}, saturation {1}")
    @CsvSource({
            "1.0,     1,   1,                    1,                    1,                    1.0",
            "1.0,     0.5, 1,                    1,                    0.5,                  0.5",
            "0.99,    1,   0.989999999999999991, 0.817906937597230715, 0.817906937597230715, 0.8179069375972308",
            "0.95,    1,   0.949999999999999955, 0.358485922408541889, 0.358485922408541889, 0.3584859224085419",
            "0.90,    1,   0.899999999999999911, 0.121576654590569045, 0.121576654590569045, 0.12157665459056904",
            "0.5,     1,   0.5,                  0.000000953674316406, 0.000000953674316406, 9.53674316406e-07",
            "0.98505, 1,   0.985049999999999981, 0.739887187639772436, 0.739887187639772436, 0.7398871876397725",
            "0.0,     1,   0,                    0,                    0,                    0.0",
    })
    void reproducesTv3(double perfF64, String saturation, String perfDecimal, String perf20, String weight, double weightF64) {
        Percent performance = Percent.naiveFromF64OrZero(perfF64);
        SelectionWeight w = SelectionWeight.of(Decimal.parse(saturation), performance);

        assertThat(performance.value()).isEqualTo(Decimal.parse(perfDecimal));
        assertThat(w.performancePow20()).isEqualTo(Decimal.parse(perf20));
        assertThat(w.weight()).isEqualTo(Decimal.parse(weight));
        assertThat(w.toDouble()).isEqualTo(weightF64);
    }

    @org.junit.jupiter.api.Test
    void tv3RowFromTheDocsProductOfRoutingAndConfig() {
        assertThat(0.99 * 0.995).isEqualTo(0.98505);
    }

    @ParameterizedTest(name = "operator {0} + delegates {1} over {2} -> {3}")
    @CsvSource({
            "500000,    250000,   1000000, 0.75",
            "1000000,   500000,   1000000, 1",
            "0,         0,        1000000, 0",
            "1,         0,        3,       0.333333333333333333",
    })
    void saturationIsStakeOverSaturationPointCappedAtOne(String operator, String delegates, String point, String expected) {
        SelectionWeight w = SelectionWeight.of(Decimal.parse(operator), Decimal.parse(delegates), Decimal.parse(point), Percent.HUNDRED);
        assertThat(w.saturation()).isEqualTo(Decimal.parse(expected));
        assertThat(w.weight()).isEqualTo(Decimal.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void saturationAndPerformanceMultiplyWithFloor() {
        // 0.333333333333333333 x 0.817906937597230715 = 0.272635645865743571.6... floored
        SelectionWeight w = SelectionWeight.of(Decimal.parse("0.333333333333333333"), Percent.naiveFromF64OrZero(0.99));
        assertThat(w.weight()).isEqualTo(Decimal.parse("0.272635645865743571"));
    }

    @org.junit.jupiter.api.Test
    void theLongArithmeticGivesDecimalsFlooringResultsExactly() {
        java.util.Random r = new java.util.Random(20);
        long scale = 1_000_000_000_000_000_000L;
        long[] edges = {0, 1, 2, 999_999_999, 1_000_000_000, 1_000_000_001, scale / 2, scale - 1, scale};
        for (int i = 0; i < 200_000; i++) {
            long a = i < edges.length * edges.length ? edges[i / edges.length] : Math.floorMod(r.nextLong(), scale + 1);
            long b = i < edges.length * edges.length ? edges[i % edges.length] : Math.floorMod(r.nextLong(), scale + 1);
            Decimal da = Decimal.ofAtomics(java.math.BigInteger.valueOf(a));
            Decimal db = Decimal.ofAtomics(java.math.BigInteger.valueOf(b));
            assertThat(SelectionWeight.timesAtMostOne(a, b)).as("%d x %d", a, b).isEqualTo(da.times(db).atomics().longValueExact());
            if (i % 20 == 0) {
                int exponent = r.nextInt(41);
                assertThat(SelectionWeight.powAtMostOne(a, exponent)).as("%d ^ %d", a, exponent)
                        .isEqualTo(da.pow(exponent).atomics().longValueExact());
            }
        }
        // above 1 (not reachable from a Percent or a saturation) the Decimal path is taken
        SelectionWeight w = SelectionWeight.of(Decimal.parse("2.5"), Percent.parse("0.5"));
        assertThat(w.weight()).isEqualTo(Decimal.parse("2.5").times(Decimal.parse("0.5").pow(20)));
    }
}
