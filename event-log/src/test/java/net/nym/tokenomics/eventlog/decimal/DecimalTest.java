package net.nym.tokenomics.eventlog.decimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors from shared/reference/rewarding-contract.md (§5, TV9, TV10) and nym-api-behaviour.md (TV-1, TV-3, TV-7). */
class DecimalTest {

    private static Decimal d(String s) {
        return Decimal.parse(s);
    }

    @Test
    void tv9_epochBudgetAndSaturationFromInitializeContract() {
        // pool 1e14, 1234 epochs, 1 % emission; budget divides first, then multiplies.
        Decimal budget = Decimal.of(100_000_000_000_000L).div(Decimal.of(1234)).times(Decimal.percent(1));
        assertThat(budget).hasToString("810372771.474878444084278768");
        Decimal sat = Decimal.of(123_456_000_000_000L).div(Decimal.of(313));
        assertThat(sat).hasToString("394428115015.974440894568690095");
    }

    @Test
    void tv9_mainnetSnapshotReproducesStoredBudgetAndSaturation() {
        Decimal pool = d("166613455567357.391753168447944888");
        Decimal supply = d("61194672938727.325886595653401629");
        Decimal budget = pool.div(Decimal.of(720)).times(Decimal.percent(2));
        assertThat(budget).hasToString("4628151543.537705326476901331");
        Decimal sat = supply.div(Decimal.of(80 + 100 + 60));
        assertThat(sat).hasToString("254977803911.363857860815222506");
    }

    @Test
    void tv9_workFactorsWithStandby() {
        // 50/70/120/20, f = 10: standby = 1 / ((f*k) - ((f-1)*k_r)), active = f * standby (from the floored value).
        Decimal f = Decimal.of(10);
        Decimal k = Decimal.of(260);
        Decimal kr = Decimal.of(20);
        Decimal standby = Decimal.ONE.div(f.times(k).minus(f.minus(Decimal.ONE).times(kr)));
        Decimal active = f.times(standby);
        assertThat(standby).hasToString("0.000413223140495867");
        assertThat(active).hasToString("0.00413223140495867");
        Decimal total = active.times(Decimal.of(240)).plus(standby.times(Decimal.of(20)));
        assertThat(total).hasToString("0.99999999999999814");
    }

    @Test
    void tv9_halvingEpochsInIntervalDoublesBudget() {
        Decimal pool = Decimal.of(250_000_000_000_000L);
        Decimal full = pool.div(Decimal.of(720)).times(Decimal.percent(2));
        Decimal half = pool.div(Decimal.of(360)).times(Decimal.percent(2));
        assertThat(half).isEqualTo(full.plus(full));
    }

    @Test
    void baseSimulatorDerivedValues() {
        Decimal pool = Decimal.of(250_000_000_000_000L);
        assertThat(pool.div(Decimal.of(720)).times(Decimal.percent(2))).hasToString("6944444444.444444444444444444");
        assertThat(Decimal.of(100_000_000_000_000L).div(Decimal.of(240))).hasToString("416666666666.666666666666666666");
        assertThat(Decimal.fromRatio(40_000_000, 720)).hasToString("55555.555555555555555555");
        Decimal standby = Decimal.ONE.div(Decimal.of(2400).minus(Decimal.of(9).times(Decimal.of(140))));
        assertThat(standby).hasToString("0.00087719298245614");
        assertThat(Decimal.of(10).times(standby)).hasToString("0.0087719298245614");
    }

    @ParameterizedTest
    @CsvSource({
            // perf as Decimal, perf^20 with flooring square-and-multiply (nym-api-behaviour TV-3)
            "1, 1",
            "0.989999999999999991, 0.817906937597230715",
            "0.949999999999999955, 0.358485922408541889",
            "0.899999999999999911, 0.121576654590569045",
            "0.5, 0.000000953674316406",
            "0.985049999999999981, 0.739887187639772436",
            "0, 0",
    })
    void tv3_flooringPowTwenty(String base, String expected) {
        assertThat(d(base).pow(20)).isEqualTo(d(expected));
    }

    @Test
    void powEdgeCases() {
        assertThat(d("0.5").pow(0)).isEqualTo(Decimal.ONE);
        assertThat(d("0.5").pow(1)).isEqualTo(d("0.5"));
        assertThat(d("3").pow(3)).isEqualTo(d("27"));
        // 1/3 squared floors at each step: not the exact power.
        Decimal third = Decimal.ONE.div(Decimal.of(3));
        assertThat(third.pow(2)).hasToString("0.11111111111111111");
    }

    @Test
    void multiplyAndDivideFloor() {
        assertThat(d("0.000000000000000001").times(d("0.5"))).isEqualTo(Decimal.ZERO);
        assertThat(Decimal.ONE.div(Decimal.of(3))).hasToString("0.333333333333333333");
        assertThat(Decimal.of(2).div(Decimal.of(3))).hasToString("0.666666666666666666");
        // grouping changes digits: (1/3)*3 floors twice, 1*(3/3) is exact.
        Decimal three = Decimal.of(3);
        assertThat(Decimal.ONE.div(three).times(three)).hasToString("0.999999999999999999");
        assertThat(Decimal.ONE.times(three.div(three))).isEqualTo(Decimal.ONE);
    }

    @Test
    void contractErrorsAreExceptions() {
        assertThatThrownBy(() -> d("1").minus(d("1.000000000000000001")))
                .isInstanceOf(DecimalArithmeticException.class).hasMessageContaining("below zero");
        assertThatThrownBy(() -> d("1").div(Decimal.ZERO))
                .isInstanceOf(DecimalArithmeticException.class).hasMessageContaining("Division by zero");
        assertThatThrownBy(() -> Decimal.MAX.plus(Decimal.ofAtomics(BigInteger.ONE)))
                .isInstanceOf(DecimalArithmeticException.class).hasMessageContaining("overflow");
        assertThatThrownBy(() -> Decimal.fromRatio(1, 0)).isInstanceOf(DecimalArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1e5", "1.", ".5", "0.1234567890123456789", "abc", "1,5", " 1", "NaN",
            "400000000000000000000"})
    void rejectsAnythingButAPlainDecimal(String text) {
        assertThatThrownBy(() -> Decimal.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"0.30, 0.3", "10.000, 10", "0, 0", "1128452.541610435897435896, 1128452.541610435897435896",
            "007, 7"})
    void printsTrimmedPlainStrings(String in, String out) {
        assertThat(d(in)).hasToString(out);
    }

    /**
     * The text form against {@link java.math.BigDecimal} as the reference, over every digit count from 1 to the maximum
     * (2^128 - 1 has 39 digits) and trailing-zero pattern, with a fixed seed: printing the atomics with a dot 18 places
     * from the right must equal the trimmed plain form of atomics / 10^18, and parsing it must give the atomics back.
     */
    @Test
    void textFormMatchesBigDecimalForEveryDigitCount() {
        java.util.Random random = new java.util.Random(20261202);
        for (int i = 0; i < 20_000; i++) {
            BigInteger atomics = new BigInteger(1 + random.nextInt(128), random);
            if (random.nextBoolean()) {
                atomics = atomics.divide(BigInteger.TEN.pow(random.nextInt(20))).multiply(BigInteger.TEN.pow(random.nextInt(20)));
            }
            if (atomics.compareTo(Decimal.MAX_ATOMICS) > 0) {
                continue;
            }
            String expected = new java.math.BigDecimal(atomics, 18).stripTrailingZeros().toPlainString();
            Decimal d = Decimal.ofAtomics(atomics);
            assertThat(d.toString()).as("atomics %s", atomics).isEqualTo(expected);
            assertThat(Decimal.parse(expected).atomics()).as("parse %s", expected).isEqualTo(atomics);
            // the same value with the fraction padded to 18 places, and with leading zeros, parses the same
            String padded = new java.math.BigDecimal(atomics, 18).toPlainString();
            assertThat(Decimal.parse(padded)).isEqualTo(d);
            assertThat(Decimal.parse("000" + padded)).isEqualTo(d);
        }
    }

    /** The conversion nym-api samples with: atomics converted to the nearest double, then one division by 1e18. */
    @Test
    void toDoubleIsTheCorrectlyRoundedConversionOverEveryBitLength() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            int bits = 1 + random.nextInt(128);
            BigInteger atomics = new BigInteger(bits, random).setBit(bits - 1);
            if (random.nextInt(4) == 0) {
                // at and beside the 53-bit boundaries, where a conversion that truncates instead of rounding differs
                atomics = BigInteger.ONE.shiftLeft(53 + random.nextInt(11)).add(BigInteger.valueOf(random.nextInt(2048) - 1024));
            }
            double expected = atomics.doubleValue() / 1e18;
            assertThat(Decimal.ofAtomics(atomics).toDouble()).as("atomics %s", atomics).isEqualTo(expected);
        }
    }

    @Test
    void equalityDoesNotDependOnScale() {
        assertThat(d("0.50")).isEqualTo(d("0.5")).hasSameHashCodeAs(d("0.5"));
    }

    @Test
    void jsonIsAString() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        record Holder(Decimal amount, Percent share, Unym coins) { }
        Holder h = new Holder(d("1128452.541610435897435896"), Percent.parse("0.95"), Unym.of(18_000_000_000L));
        String json = mapper.writeValueAsString(h);
        assertThat(json).isEqualTo("{\"amount\":\"1128452.541610435897435896\",\"share\":\"0.95\",\"coins\":\"18000000000\"}");
        assertThat(mapper.readValue(json, Holder.class)).isEqualTo(h);
    }

    @ParameterizedTest
    @CsvSource({
            "0.98, 0.979999999999999982",
            "0.9, 0.899999999999999911",
            "0.999, 0.998999999999999888",
            "0.123456789, 0.123456788999999789",
            "0.5, 0.5",
            "1.0, 1",
            "0.0, 0",
            "0.99, 0.989999999999999991",
    })
    void tv10_naiveTryFromF64(double input, String expected) {
        assertThat(Percent.naiveTryFromF64(input)).isEqualTo(Percent.parse(expected));
    }

    @Test
    void tv10_outOfRangeFloatsAreErrorsOrZero() {
        for (double bad : List.of(-0.1, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY)) {
            assertThatThrownBy(() -> Percent.naiveTryFromF64(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(Percent.naiveFromF64OrZero(bad)).isEqualTo(Percent.ZERO);
        }
    }

    @Test
    void fromPercentageValueIsExact() {
        assertThat(Percent.fromPercentageValue(90).value()).isEqualTo(d("0.9"));
    }

    @ParameterizedTest
    @CsvSource({"0.123, 0.12", "0.125, 0.13", "0.994, 0.99", "0.995, 1", "0.999, 1", "0.515, 0.52"})
    void tv7_roundingPercent(String in, String out) {
        assertThat(Percent.parse(in).roundToTwoDecimalPlaces()).isEqualTo(Percent.parse(out));
    }

    @Test
    void tv7_averageAndAbsoluteInteger() {
        assertThat(Percent.average(Percent.parse("0.123"), Percent.parse("0.456"))).isEqualTo(Percent.parse("0.2895"));
        assertThat(Percent.parse("0.0199").toAbsoluteInteger()).isEqualTo(1);
        assertThat(Percent.parse("0.999999999").toAbsoluteInteger()).isEqualTo(99);
    }

    @Test
    void tv7_percentSerde() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readValue("\"0.95\"", Percent.class)).isEqualTo(Percent.parse("0.95"));
        assertThatThrownBy(() -> mapper.readValue("\"1.1\"", Percent.class)).hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> mapper.readValue("\"42\"", Percent.class)).hasMessageContaining("within [0, 1]");
    }

    @Test
    void unymRejectsNonIntegers() {
        for (String bad : List.of("-5", "1.5", "1e3", "", "12a", " 7")) {
            assertThatThrownBy(() -> Unym.parse(bad)).isInstanceOf(NumberFormatException.class);
        }
        assertThat(Unym.floorOf(d("1795950.260266049015866901"))).isEqualTo(Unym.of(1_795_950));
    }
}
