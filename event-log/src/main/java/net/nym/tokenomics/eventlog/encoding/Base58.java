package net.nym.tokenomics.eventlog.encoding;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, as Nym shows serials, digests, identity keys and signatures ({@code bs58} crate).
 *
 * <p>Each leading zero byte is one leading {@code '1'} and back, so the encoding is a bijection between byte strings
 * and valid texts: the empty array is the empty string. Decoding is strict: whitespace, a sign, or any character
 * outside the alphabet ({@code 0}, {@code O}, {@code I}, {@code l} included) is an {@link InvalidBase58Exception}
 * naming the position.
 *
 * <p>Decoding costs the square of the text's length, so there is no unbounded decode: every reader names the most
 * bytes its value can have, and a longer text is a {@link Base58TooLongException} before any work is done.
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

    /**
     * The length of the longest Base58 text of {@code bytes} bytes: that of {@code bytes} bytes of {@code 0xff}, i.e.
     * the smallest {@code L} with {@code 58^L >= 256^bytes} (a leading zero byte costs one character, less than a
     * non-zero one). {@code ceil(bytes * log(256) / log(58))}: the ratio is irrational, so the double is never off by
     * a whole character for any array length ({@code Base58Test} checks it against {@link #encode}).
     */
    public static int maxEncodedLength(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a byte count is not negative: " + bytes);
        }
        return (int) Math.ceil(bytes * (Math.log(256) / Math.log(58)));
    }

    /**
     * Decodes strictly a value of at most {@code maxBytes} bytes. A text longer than {@link #maxEncodedLength}
     * of {@code maxBytes} is refused by its length alone, before any character is read; a shorter one that still
     * decodes to more than {@code maxBytes} bytes (leading {@code '1'}s) is refused too. The first character outside
     * the alphabet is reported with its 0-based position.
     *
     * @throws Base58TooLongException when the text is longer than a value of {@code maxBytes} bytes can be
     * @throws InvalidBase58Exception when a character is outside the alphabet
     */
    public static byte[] decode(String text, int maxBytes) {
        int maxLength = maxEncodedLength(maxBytes);
        if (text.length() > maxLength) {
            throw new Base58TooLongException("base58 text of " + text.length() + " characters is longer than the "
                    + maxLength + " of a " + maxBytes + "-byte value", text.length(), maxLength, maxBytes);
        }
        byte[] out = decodeBounded(text);
        if (out.length > maxBytes) {
            throw new Base58TooLongException("base58 text decodes to " + out.length + " bytes, more than the "
                    + maxBytes + " expected", text.length(), maxLength, maxBytes);
        }
        return out;
    }

    /** Only ever called with a text whose length {@link #decode(String, int)} has bounded. */
    private static byte[] decodeBounded(String text) {
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
