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
        // The number is accumulated in 32-bit limbs (least significant first), five digits per pass: 58^5 < 2^30, so
        // limb * 58^5 + carry stays below 2^63. That is 20 times fewer inner steps than a byte per digit, on the
        // ticket ledger's hottest path (every serial is decoded once).
        // log(58) / log(256) < 0.733: enough bytes for the remaining digits.
        int[] limbs = new int[((text.length() - zeros) * 733 / 1000 + 1) / 4 + 2];
        int used = 0;
        int i = zeros;
        while (i < text.length()) {
            long multiplier = 1;
            long chunk = 0;
            for (int k = 0; k < 5 && i < text.length(); k++, i++) {
                char c = text.charAt(i);
                int value = c < 128 ? VALUE_OF[c] : -1;
                if (value < 0) {
                    throw new InvalidBase58Exception(i, c);
                }
                chunk = chunk * 58 + value;
                multiplier *= 58;
            }
            long carry = chunk;
            for (int j = 0; j < used; j++) {
                long t = (limbs[j] & 0xffff_ffffL) * multiplier + carry;
                limbs[j] = (int) t;
                carry = t >>> 32;
            }
            while (carry != 0) {
                limbs[used++] = (int) carry;
                carry >>>= 32;
            }
        }
        int significant = used * 4;
        if (used > 0) {
            significant -= Integer.numberOfLeadingZeros(limbs[used - 1]) / 8;
        }
        byte[] out = new byte[zeros + significant];
        for (int b = 0; b < significant; b++) {
            out[out.length - 1 - b] = (byte) (limbs[b / 4] >>> (8 * (b % 4)));
        }
        return out;
    }
}
