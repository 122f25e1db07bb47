package net.nym.tokenomics.eventlog.api;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.encoding.Base58TooLongException;
import net.nym.tokenomics.eventlog.encoding.InvalidBase58Exception;

/**
 * Edge checks every service applies to a request's strings before anything else reads them: a field longer than its
 * longest legitimate value is a 400 {@code field_too_long} (checked by length alone, so a huge field costs nothing),
 * Base58 is decoded only within its bound. Each refusal is a {@link RejectedException}: nothing is recorded.
 */
public final class BoundedInput {

    /** The code of a field longer than the service accepts. */
    public static final String FIELD_TOO_LONG = "field_too_long";

    private BoundedInput() {
    }

    /** {@code value} itself, when it has at most {@code maxLength} characters. */
    public static String text(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw tooLong(field, value.length(), maxLength);
        }
        return value;
    }

    /**
     * The bytes of a Base58 field of at most {@code maxBytes} bytes. A longer text is {@code field_too_long} before
     * it is decoded; a character outside the alphabet, or a text that decodes to more than {@code maxBytes} bytes, is
     * {@code malformed_base58}. The caller checks exact lengths.
     */
    public static byte[] base58(String field, String value, int maxBytes) {
        try {
            return Base58.decode(value, maxBytes);
        } catch (Base58TooLongException e) {
            // Longer than any value of maxBytes is too long; a plausible length that holds too many bytes is malformed.
            String code = e.length() > e.maxLength() ? FIELD_TOO_LONG : "malformed_base58";
            throw RejectedException.of(ErrorKind.INVALID, code, field, field + ": " + e.getMessage());
        } catch (InvalidBase58Exception e) {
            throw RejectedException.of(ErrorKind.INVALID, "malformed_base58", field, field + " is not Base58: "
                    + e.getMessage());
        }
    }

    private static RejectedException tooLong(String field, int length, int maxLength) {
        return RejectedException.of(ErrorKind.INVALID, FIELD_TOO_LONG, field, field + " has " + length
                + " characters, at most " + maxLength + " are accepted");
    }
}
