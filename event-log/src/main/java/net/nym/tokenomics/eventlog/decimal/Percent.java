package net.nym.tokenomics.eventlog.decimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigInteger;
import java.util.Objects;

/** The contract's Percent: a {@link Decimal} in [0, 1]. JSON is a decimal string; values above 1 are rejected. */
public record Percent(Decimal value) implements Comparable<Percent> {

    public static final Percent ZERO = new Percent(Decimal.ZERO);
    public static final Percent HUNDRED = new Percent(Decimal.ONE);

    private static final BigInteger TWO_POW_52 = BigInteger.ONE.shiftLeft(52);
    private static final Decimal ONE_HUNDREDTH = Decimal.percent(1);
    private static final Decimal HALF_HUNDREDTH = Decimal.permille(5);

    public Percent {
        Objects.requireNonNull(value, "value");
        if (value.compareTo(Decimal.ONE) > 0) {
            throw new IllegalArgumentException("Percent must be within [0, 1], got " + value);
        }
    }

    public static Percent of(Decimal value) {
        return new Percent(value);
    }

    /** {@code Percent::from_percentage_value(p)}: p / 100 exactly, p in [0, 100]. */
    public static Percent fromPercentageValue(long p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentage value must be within [0, 100], got " + p);
        }
        return new Percent(Decimal.percent(p));
    }

    @JsonCreator
    public static Percent parse(String text) {
        return new Percent(Decimal.parse(text));
    }

    /**
     * nym-api's {@code Percent::naive_try_from_f64}: 1.0 maps to 1; any other x in [0, 1) to
     * {@code from_ratio(trunc(x * 2^52), 2^52)}. Outside [0, 1] (or NaN) is an error.
     */
    public static Percent naiveTryFromF64(double x) {
        if (Double.isNaN(x) || x < 0.0 || x > 1.0) {
            throw new IllegalArgumentException("f64 " + x + " is not within [0, 1]");
        }
        if (x == 1.0) {
            return HUNDRED;
        }
        // x * 2^52 only changes the exponent, so it is exact; the cast truncates toward zero like Rust's `as`.
        long numerator = (long) (x * 4503599627370496.0);
        return new Percent(Decimal.fromRatio(BigInteger.valueOf(numerator), TWO_POW_52));
    }

    /** naive_try_from_f64 with {@code unwrap_or_default}: anything invalid becomes 0, as nym-api's callers do. */
    public static Percent naiveFromF64OrZero(double x) {
        try {
            return naiveTryFromF64(x);
        } catch (IllegalArgumentException e) {
            return ZERO;
        }
    }

    /** Half-up rounding to 2 places: floor to 2 places, then add 0.01 if the remainder is at least 0.005. */
    public Percent roundToTwoDecimalPlaces() {
        BigInteger hundredthAtoms = ONE_HUNDREDTH.atomics();
        BigInteger floored = value.atomics().divide(hundredthAtoms).multiply(hundredthAtoms);
        BigInteger remainder = value.atomics().subtract(floored);
        BigInteger result = remainder.compareTo(HALF_HUNDREDTH.atomics()) >= 0 ? floored.add(hundredthAtoms) : floored;
        return new Percent(new Decimal(result));
    }

    /** {@code (a + b) / 2} as an exact ratio, floored to 18 places. */
    public static Percent average(Percent a, Percent b) {
        return new Percent(Decimal.fromRatio(a.value.atomics().add(b.value.atomics()), Decimal.SCALE.multiply(BigInteger.TWO)));
    }

    /** {@code percent_to_absolute_integer}: the whole percentage points, truncated (0.0199 gives 1). */
    public int toAbsoluteInteger() {
        return value.atomics().divide(ONE_HUNDREDTH.atomics()).intValueExact();
    }

    public boolean isZero() {
        return value.isZero();
    }

    public double toDouble() {
        return value.toDouble();
    }

    @Override
    public int compareTo(Percent o) {
        return value.compareTo(o.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
