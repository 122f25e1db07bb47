package net.nym.tokenomics.rewards.rest;

import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.math.BigInteger;

/** Parsing at the edge: amounts are whole uNYM (JSON string or number), ratios are decimal strings. */
final class Inputs {

    private static final int MAX_DIGITS = 40;

    private Inputs() {
    }

    static BigInteger amount(String field, Object value) {
        if (value == null) {
            throw RejectedException.invalid(field, field + " is required");
        }
        String text = value.toString().trim();
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.matches("-?[0-9]+")) {
            throw RejectedException.invalid(field, field + " must be a whole number of uNYM, got '" + abbreviate(text) + "'");
        }
        return new BigInteger(text);
    }

    static Decimal decimal(String field, Object value) {
        if (value == null) {
            throw RejectedException.invalid(field, field + " is required");
        }
        String text = value.toString().trim();
        if (text.length() > MAX_DIGITS || !text.matches("-?[0-9]+(\\.[0-9]{1,18})?")) {
            throw RejectedException.invalid(field, field + " must be a decimal number, got '" + abbreviate(text) + "'");
        }
        if (text.startsWith("-")) {
            throw RejectedException.invalid(field, field + " must not be negative, got " + text);
        }
        try {
            return Decimal.parse(text);
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            // 40 digits pass the pattern, but Decimal holds less than 3.5 * 10^20 (the contract's u128 atoms).
            throw RejectedException.invalid(field, field + " is out of range: " + outOfRange.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 48 ? s.substring(0, 48) + "..." : s;
    }
}
