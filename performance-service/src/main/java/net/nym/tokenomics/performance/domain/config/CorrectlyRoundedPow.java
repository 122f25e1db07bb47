package net.nym.tokenomics.performance.domain.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code x^y} for doubles, rounded once to the nearest double from a 60-significant-digit evaluation of
 * {@code exp(y·ln x)}.
 *
 * <p>Why not {@code StrictMath.pow}: fdlibm is faithful (under 1 ulp) but not correctly rounded, and it disagrees
 * with the glibc {@code pow} that Rust's {@code f64::powf} calls on Linux in the last bit for many inputs — e.g.
 * {@code 0.995^(100^1.65)} is 4.5339324899752685e-5 with StrictMath but 4.533932489975269e-5 in nym-api (TV-5).
 * {@code Math.pow} may be an intrinsic and is not guaranteed identical across JVMs. A correctly rounded result is
 * the one value every conforming libm converges on, so this reproduces TV-5 and gives the same bits on every JVM:
 * it uses only {@link BigDecimal} arithmetic and the correctly rounded {@link BigDecimal#doubleValue()}.
 *
 * <p>The 60-digit intermediate leaves an error near 1e-58 relative; a double is mis-rounded only if the exact
 * result lies that close to a rounding midpoint, which no input of this domain is known to do.
 */
public final class CorrectlyRoundedPow {

    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal LN2 = lnOfReduced(TWO);

    private CorrectlyRoundedPow() {
    }

    /** Defined for finite {@code x ≥ 0} and finite {@code y}; {@code x^0 = 1}, {@code 0^y = 0} for {@code y > 0}. */
    public static double pow(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || x < 0) {
            throw new IllegalArgumentException("pow is defined here for finite x >= 0 and finite y, got " + x + "^" + y);
        }
        if (y == 0.0 || x == 1.0) {
            return 1.0;
        }
        if (x == 0.0) {
            return y > 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        if (y == 1.0) {
            return x;
        }
        BigDecimal exponent = new BigDecimal(y).multiply(ln(new BigDecimal(x)), MC);
        return exp(exponent);
    }

    /** Natural logarithm of a positive value: ln(m·2^k) = k·ln 2 + ln m with m in [1, 2). */
    static BigDecimal ln(BigDecimal x) {
        int k = 0;
        BigDecimal m = x;
        // Scale by powers of two; exact, since dividing by 2 only adds one decimal digit.
        int bits = x.unscaledValue().bitLength() - (int) Math.ceil(x.scale() * 3.321928094887362);
        if (bits > 2 || bits < -2) {
            k = bits;
            m = k > 0 ? x.divide(TWO.pow(k)) : x.multiply(TWO.pow(-k));
        }
        while (m.compareTo(TWO) >= 0) {
            m = m.divide(TWO);
            k++;
        }
        while (m.compareTo(BigDecimal.ONE) < 0) {
            m = m.multiply(TWO);
            k--;
        }
        return LN2.multiply(BigDecimal.valueOf(k), MC).add(lnOfReduced(m), MC);
    }

    /** ln m = 2·atanh((m−1)/(m+1)) = 2·Σ z^(2n+1)/(2n+1); |z| ≤ 1/3 for m in [1, 2], so each term gains ~1 digit. */
    private static BigDecimal lnOfReduced(BigDecimal m) {
        MathContext wide = new MathContext(MC.getPrecision() + 10, RoundingMode.HALF_EVEN);
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), wide);
        BigDecimal z2 = z.multiply(z, wide);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(wide.getPrecision() + 2);
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(n), wide), wide);
            term = term.multiply(z2, wide);
        }
        return sum.multiply(TWO, wide);
    }

    /** e^t as the nearest double: t = k·ln 2 + r with |r| ≤ ln2/2, e^r by Taylor series, scaled exactly by 2^k. */
    private static double exp(BigDecimal t) {
        if (t.compareTo(BigDecimal.valueOf(-800)) < 0) {
            return 0.0;
        }
        if (t.compareTo(BigDecimal.valueOf(800)) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        MathContext wide = new MathContext(MC.getPrecision() + 10, RoundingMode.HALF_EVEN);
        int k = t.divide(LN2, wide).setScale(0, RoundingMode.HALF_EVEN).intValueExact();
        BigDecimal r = t.subtract(LN2.multiply(BigDecimal.valueOf(k), wide), wide);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(wide.getPrecision() + 2);
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n++) {
            term = term.multiply(r, wide).divide(BigDecimal.valueOf(n), wide);
            sum = sum.add(term, wide);
        }
        BigDecimal scaled = k >= 0
                ? sum.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(k)))
                : sum.multiply(BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-k))));
        return scaled.doubleValue();
    }
}
