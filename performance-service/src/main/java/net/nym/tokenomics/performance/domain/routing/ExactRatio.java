package net.nym.tokenomics.performance.domain.routing;

import java.math.BigInteger;

/** Non-negative rational → nearest double, rounded once. */
final class ExactRatio {

    private static final long TWO_POW_53 = 1L << 53;

    private ExactRatio() {
    }

    /**
     * {@code n / d} correctly rounded. When both are below 2^53 they are exact doubles and IEEE division rounds the
     * exact quotient once. Otherwise the quotient is scaled to 64+ significant bits with a sticky bit, which
     * {@link java.math.BigDecimal} then rounds once as well.
     */
    static double toDouble(BigInteger n, BigInteger d) {
        if (n.signum() == 0) {
            return 0.0;
        }
        if (n.bitLength() <= 53 && d.bitLength() <= 53 && n.longValue() < TWO_POW_53 && d.longValue() < TWO_POW_53) {
            return (double) n.longValue() / (double) d.longValue();
        }
        int shift = Math.max(0, 66 - (n.bitLength() - d.bitLength()));
        BigInteger[] qr = n.shiftLeft(shift).divideAndRemainder(d);
        // A non-zero remainder becomes a low sticky bit; the quotient has > 64 significant bits so it cannot be
        // confused with a rounding midpoint.
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].shiftLeft(1).or(BigInteger.ONE);
        int extra = qr[1].signum() == 0 ? 0 : 1;
        return new java.math.BigDecimal(q).divide(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(shift + extra)))
                .doubleValue();
    }

    static double toDouble(long n, long d) {
        return toDouble(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }
}
