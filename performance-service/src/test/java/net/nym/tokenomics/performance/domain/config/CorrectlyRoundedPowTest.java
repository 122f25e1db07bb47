package net.nym.tokenomics.performance.domain.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorrectlyRoundedPowTest {

    @ParameterizedTest
    @CsvSource({
            "2, 10, 1024",
            "4, 0.5, 2",
            "0.5, 3, 0.125",
            "10, -2, 0.01",
            "0.995, 0, 1",
            "0, 1.65, 0",
            "1, 12345.678, 1",
            "2, -1074, 4.9E-324",
            "2, 1023, 8.98846567431158E307",
            "0.995, 1e6, 0",
            "9, 0.5, 3"
    })
    void exactAndEdgeCases(double x, double y, double expected) {
        assertThat(CorrectlyRoundedPow.pow(x, y)).isEqualTo(expected);
    }

    @Test
    void differsFromFdlibmWhereFdlibmIsOffByOneUlp() {
        // Why StrictMath is not used: it rounds 0.995^(100^1.65) the other way from nym-api (TV-5).
        double inner = CorrectlyRoundedPow.pow(100, 1.65);
        assertThat(CorrectlyRoundedPow.pow(0.995, inner)).isEqualTo(4.533932489975269e-05);
        assertThat(StrictMath.pow(0.995, StrictMath.pow(100, 1.65))).isNotEqualTo(4.533932489975269e-05);
    }

    @Test
    void roundsCorrectlyWhereTheMathIntrinsicDoesNot() {
        // vb = 61: 0.995^882.6615891387765 = 0.011981660000311590042658... (90-digit reference); the nearest double
        // is 0.01198166000031159, while HotSpot's Math.pow intrinsic returns the next one up.
        assertThat(CorrectlyRoundedPow.pow(61, 1.65)).isEqualTo(882.6615891387765);
        assertThat(CorrectlyRoundedPow.pow(0.995, 882.6615891387765)).isEqualTo(0.01198166000031159);
    }

    @Test
    void naturalLogarithmMatchesKnownDigits() {
        assertThat(CorrectlyRoundedPow.ln(BigDecimal.TEN).toString())
                .startsWith("2.302585092994045684017991454684364207601101488628772976033");
        assertThat(CorrectlyRoundedPow.ln(new BigDecimal("0.5")).toString())
                .startsWith("-0.693147180559945309417232121458176568075500134360255254120");
    }

    @Test
    void rejectsNegativeBaseAndNonFiniteArguments() {
        assertThatThrownBy(() -> CorrectlyRoundedPow.pow(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorrectlyRoundedPow.pow(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorrectlyRoundedPow.pow(2, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultIsWithinHalfAnUlpOfAHigherPrecisionEvaluation() {
        // Property: across many (vb, 1.65) inputs the double result is the nearest double to the exact power, checked
        // by bracketing: the exact value must lie between the midpoints to the neighbouring doubles.
        for (int vb = 1; vb <= 400; vb++) {
            double inner = CorrectlyRoundedPow.pow(vb, 1.65);
            BigDecimal exact = exactPow(BigDecimal.valueOf(vb), new BigDecimal(1.65));
            BigDecimal lower = new BigDecimal(inner).add(new BigDecimal(Math.nextDown(inner))).divide(BigDecimal.TWO);
            BigDecimal upper = new BigDecimal(inner).add(new BigDecimal(Math.nextUp(inner))).divide(BigDecimal.TWO);
            assertThat(exact).as("vb=%d", vb).isBetween(lower, upper);
        }
    }

    /** exp(y ln x) at 100 digits by the same series; an independent precision level, not an independent method. */
    private static BigDecimal exactPow(BigDecimal x, BigDecimal y) {
        java.math.MathContext mc = new java.math.MathContext(100);
        BigDecimal t = y.multiply(CorrectlyRoundedPow.ln(x), mc);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 400; n++) {
            term = term.multiply(t, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
        }
        return sum;
    }
}
