package net.nym.tokenomics.eventlog.decimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The mixnet contract's fixed-point Decimal (cosmwasm-std 2.2.2): a non-negative number with exactly 18 fractional
 * digits, stored as an integer count of atoms (value x 10^18) that must fit in an unsigned 128-bit integer.
 *
 * <p>Semantics, all as the contract has them:
 * <ul>
 *   <li>{@link #plus} and {@link #minus} are exact; a result below 0 or above {@link #MAX} throws.</li>
 *   <li>{@link #times} is {@code floor(a*b / 10^18)} and {@link #div} is {@code floor(a*10^18 / b)}: every
 *       multiply and divide floors, so the grouping of an expression changes its digits.</li>
 *   <li>{@link #div} by zero throws.</li>
 *   <li>{@link #pow} is square-and-multiply with a floor at every step, so it is not the exact power.</li>
 * </ul>
 * JSON form is the plain decimal string with trailing zeros trimmed ({@code "0.3"}, {@code "10"}).
 */
public record Decimal(BigInteger atomics) implements Comparable<Decimal> {

    public static final int DECIMAL_PLACES = 18;
    public static final BigInteger SCALE = BigInteger.TEN.pow(DECIMAL_PLACES);
    /** Largest representable atoms value: 2^128 - 1. */
    public static final BigInteger MAX_ATOMICS = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
            1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
            1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    public static final Decimal ZERO = new Decimal(BigInteger.ZERO);
    public static final Decimal ONE = new Decimal(SCALE);
    public static final Decimal MAX = new Decimal(MAX_ATOMICS);

    public Decimal {
        Objects.requireNonNull(atomics, "atomics");
        if (atomics.signum() < 0) {
            throw new DecimalArithmeticException("Decimal cannot be negative: " + atomics + " atomics");
        }
        if (atomics.compareTo(MAX_ATOMICS) > 0) {
            throw new DecimalArithmeticException("Decimal overflow: " + atomics + " atomics exceeds 2^128-1");
        }
    }

    public static Decimal ofAtomics(BigInteger atomics) {
        return new Decimal(atomics);
    }

    /** An integer amount, e.g. uNYM converted to a Decimal ({@code from_atomics(x, 0)}). */
    public static Decimal of(long integer) {
        return of(BigInteger.valueOf(integer));
    }

    public static Decimal of(BigInteger integer) {
        return new Decimal(integer.multiply(SCALE));
    }

    /** {@code Decimal::percent(p)}: p / 100 exactly. */
    public static Decimal percent(long p) {
        return new Decimal(BigInteger.valueOf(p).multiply(BigInteger.TEN.pow(16)));
    }

    /** {@code Decimal::permille(p)}: p / 1000 exactly. */
    public static Decimal permille(long p) {
        return new Decimal(BigInteger.valueOf(p).multiply(BigInteger.TEN.pow(15)));
    }

    /** {@code from_ratio(n, d) = floor(n * 10^18 / d)}. */
    public static Decimal fromRatio(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new DecimalArithmeticException("Division by zero: " + numerator + " / 0");
        }
        if (numerator.signum() < 0 || denominator.signum() < 0) {
            throw new DecimalArithmeticException("Ratio must be non-negative: " + numerator + " / " + denominator);
        }
        return new Decimal(numerator.multiply(SCALE).divide(denominator));
    }

    public static Decimal fromRatio(long numerator, long denominator) {
        return fromRatio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * Parses a plain decimal string ("0.95", "10", "1128452.541610435897435896"). More than 18 fractional digits,
     * a sign, an exponent or anything else that is not a plain non-negative decimal is rejected, so a value can
     * never be silently rounded on the way in.
     */
    @JsonCreator
    public static Decimal parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 80) {
            throw new NumberFormatException("not a decimal: " + (text == null ? "null" : "'" + abbreviate(text) + "'"));
        }
        int dot = text.indexOf('.');
        int intEnd = dot < 0 ? text.length() : dot;
        int fracStart = dot < 0 ? text.length() : dot + 1;
        if (intEnd == 0 || !allDigits(text, 0, intEnd) || !allDigits(text, fracStart, text.length())
                || (dot >= 0 && fracStart == text.length())) {
            throw new NumberFormatException("not a plain non-negative decimal: '" + abbreviate(text) + "'");
        }
        int fracDigits = text.length() - fracStart;
        if (fracDigits > DECIMAL_PLACES) {
            throw new NumberFormatException("more than 18 fractional digits: '" + abbreviate(text) + "'");
        }
        // digits only from here: up to 18 of them fit a long, and the fraction is its digits times 10^(18 - count)
        long fraction = fracDigits == 0 ? 0 : Long.parseLong(text, fracStart, text.length(), 10) * POW10[DECIMAL_PLACES - fracDigits];
        BigInteger integer = intEnd <= DECIMAL_PLACES ? BigInteger.valueOf(Long.parseLong(text, 0, intEnd, 10))
                : new BigInteger(text.substring(0, intEnd));
        BigInteger atoms = integer.signum() == 0 ? BigInteger.valueOf(fraction)
                : integer.multiply(SCALE).add(BigInteger.valueOf(fraction));
        try {
            return new Decimal(atoms);
        } catch (DecimalArithmeticException e) {
            throw new NumberFormatException("decimal out of range: '" + abbreviate(text) + "'");
        }
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    public Decimal plus(Decimal other) {
        return new Decimal(atomics.add(other.atomics));
    }

    /** Exact subtraction; below zero is an error, as in the contract. */
    public Decimal minus(Decimal other) {
        BigInteger result = atomics.subtract(other.atomics);
        if (result.signum() < 0) {
            throw new DecimalArithmeticException("Subtraction below zero: " + this + " - " + other);
        }
        return new Decimal(result);
    }

    /** {@code floor(a * b)} at 18 places. */
    public Decimal times(Decimal other) {
        return new Decimal(atomics.multiply(other.atomics).divide(SCALE));
    }

    public Decimal times(Percent other) {
        return times(other.value());
    }

    /** {@code floor(a / b)} at 18 places; division by zero is an error. */
    public Decimal div(Decimal other) {
        if (other.atomics.signum() == 0) {
            throw new DecimalArithmeticException("Division by zero: " + this + " / 0");
        }
        return new Decimal(atomics.multiply(SCALE).divide(other.atomics));
    }

    /**
     * {@code checked_pow}: square-and-multiply starting from y = 1; while n > 1, even n squares x, odd n multiplies y by x
     * and squares x; the result is x * y. Every product floors.
     */
    public Decimal pow(int exponent) {
        if (exponent < 0) {
            throw new DecimalArithmeticException("negative exponent " + exponent);
        }
        if (exponent == 0) {
            return ONE;
        }
        Decimal x = this;
        Decimal y = ONE;
        int n = exponent;
        while (n > 1) {
            if (n % 2 == 0) {
                x = x.times(x);
                n = n / 2;
            } else {
                y = x.times(y);
                x = x.times(x);
                n = (n - 1) / 2;
            }
        }
        return x.times(y);
    }

    public Decimal min(Decimal other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Decimal max(Decimal other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return atomics.signum() == 0;
    }

    public boolean greaterThan(Decimal other) {
        return compareTo(other) > 0;
    }

    /** {@code Uint128(1).mul_floor(dec)}: the integer part, as when tokens move. */
    public BigInteger floorToInteger() {
        return atomics.divide(SCALE);
    }

    /** Exact value as a BigDecimal (for display and conversions at the edges only). */
    public BigDecimal toBigDecimal() {
        return new BigDecimal(atomics, DECIMAL_PLACES);
    }

    /** {@code atomics as f64 / 1e18} as nym-api's naive_to_f64 does; only for edges that need a float. */
    public double toDouble() {
        // a long converts to the nearest double (ties to even) exactly as BigInteger.doubleValue() does: same bits, and
        // every value up to 9.2 (a weight, a percent, a saturation) takes this path without BigInteger's conversion
        return (atomics.bitLength() < 64 ? (double) atomics.longValue() : atomics.doubleValue()) / 1e18;
    }

    @Override
    public int compareTo(Decimal o) {
        return atomics.compareTo(o.atomics);
    }

    @JsonValue
    @Override
    public String toString() {
        // the digits of the atomics with a dot 18 places from the right: no division of a BigInteger
        String digits = atomics.toString();
        int fracStart = Math.max(digits.length() - DECIMAL_PLACES, 0);
        int end = digits.length();
        while (end > fracStart && digits.charAt(end - 1) == '0') {
            end--;
        }
        StringBuilder out = new StringBuilder(DECIMAL_PLACES + digits.length() + 2);
        if (fracStart == 0) {
            out.append('0');
        } else {
            out.append(digits, 0, fracStart);
        }
        if (end > fracStart) {
            out.append('.').repeat('0', DECIMAL_PLACES - (digits.length() - fracStart)).append(digits, fracStart, end);
        }
        return out.toString();
    }
}
