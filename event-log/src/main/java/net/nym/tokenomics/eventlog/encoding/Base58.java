package net.nym.tokenomics.eventlog.encoding;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, as Nym shows serials, digests, identity keys and signatures ({@code bs58} crate).
 *
 * <p>Each leading zero byte is one leading {@code '1'} and back, so the encoding is a bijection between byte strings
 * and valid texts: the empty array is the empty string. Decoding is strict: whitespace, a sign, or any character
 * outside the alphabet ({@code 0}, {@code O}, {@code I}, {@code l} included) is an {@link InvalidBase58Exception}
 * naming the position.
 */
public final class Base58 {

    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final int[] VALUE_OF = new int[128];

    static {
        Arrays.fill(VALUE_OF, -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUE_OF[DIGITS[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.37: enough base-58 digits for the non-zero part.
        byte[] digits = new byte[(input.length - zeros) * 137 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            for (int j = 0; j < length; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[length++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + length);
        out.repeat('1', zeros);
        for (int j = length - 1; j >= 0; j--) {
            out.append(DIGITS[digits[j]]);
        }
        return out.toString();
    }

    /** Decodes strictly; the first character outside the alphabet is reported with its 0-based position. */
    public static byte[] decode(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        // log(58) / log(256) < 0.733: enough bytes for the remaining digits.
        byte[] bytes = new byte[(text.length() - zeros) * 733 / 1000 + 1];
        int length = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? VALUE_OF[c] : -1;
            if (carry < 0) {
                throw new InvalidBase58Exception(i, c);
            }
            for (int j = 0; j < length; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[length++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + length];
        for (int j = 0; j < length; j++) {
            out[zeros + j] = bytes[length - 1 - j];
        }
        return out;
    }
}
