package net.nym.tokenomics.eventlog.decimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A whole amount of uNYM (1 NYM = 1,000,000 uNYM), the contract's Uint128 coin amount. JSON is a string of digits.
 * Never negative; at most the 2^128 - 1 a Uint128 holds.
 */
public record Unym(BigInteger amount) implements Comparable<Unym> {

    public static final Unym ZERO = new Unym(BigInteger.ZERO);
    /** The total NYM supply, 1e15 uNYM: no pledge or delegation may exceed it. */
    public static final Unym TOKEN_SUPPLY = new Unym(BigInteger.TEN.pow(15));

    public Unym {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("uNYM amount cannot be negative: " + amount);
        }
        if (amount.compareTo(Decimal.MAX_ATOMICS) > 0) {
            throw new IllegalArgumentException("uNYM amount exceeds Uint128: " + amount);
        }
    }

    public static Unym of(long amount) {
        return new Unym(BigInteger.valueOf(amount));
    }

    /** Parses a string of decimal digits; signs, fractions, exponents and blanks are rejected. */
    @JsonCreator
    public static Unym parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 39 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("not a whole non-negative uNYM amount: "
                    + (text == null ? "null" : "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'"));
        }
        return new Unym(new BigInteger(text));
    }

    /** Truncation to coins ({@code truncate_reward}): the fraction of a Decimal is dropped. */
    public static Unym floorOf(Decimal value) {
        return new Unym(value.floorToInteger());
    }

    public Decimal toDecimal() {
        return Decimal.of(amount);
    }

    public Unym plus(Unym other) {
        return new Unym(amount.add(other.amount));
    }

    public Unym minus(Unym other) {
        return new Unym(amount.subtract(other.amount));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Unym o) {
        return amount.compareTo(o.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toString();
    }
}
