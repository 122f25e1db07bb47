package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;

/**
 * Whether a text is the Base58 of exactly {@link TicketSerial#SERIAL_BYTES} bytes, decided without decoding it: a
 * serial is parsed at every redemption and at every replay of the log, and a Base58 decode is quadratic in the length.
 *
 * <p>Why comparing texts is exact: each leading {@code '1'} stands for one leading zero byte, and the rest is the
 * big-endian number of the remaining bytes, whose first byte is not zero. So with {@code z} leading {@code '1'}s the
 * text is 48 bytes exactly when the rest's value lies in {@code [256^(47-z), 256^(48-z) - 1]}. The rest has no leading
 * zero digit and the alphabet is in ascending ASCII order, so its value compares like (length, then the text
 * itself) — against the Base58 of those two bounds, computed once. {@code SerialTextTest} checks this against a full
 * decode on random and boundary inputs.
 */
final class SerialText {

    private static final int BYTES = TicketSerial.SERIAL_BYTES;
    private static final boolean[] DIGIT = new boolean[128];
    /** For z leading zero bytes: the Base58 of the smallest and of the largest (48 - z)-byte number without them. */
    private static final String[] LOWEST = new String[BYTES];
    private static final String[] HIGHEST = new String[BYTES];

    static {
        for (char c : "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray()) {
            DIGIT[c] = true;
        }
        for (int z = 0; z < BYTES; z++) {
            byte[] lowest = new byte[BYTES - z];
            lowest[0] = 1;
            byte[] highest = new byte[BYTES - z];
            java.util.Arrays.fill(highest, (byte) 0xff);
            LOWEST[z] = Base58.encode(lowest);
            HIGHEST[z] = Base58.encode(highest);
        }
    }

    private SerialText() {
    }

    static boolean isSerial(String text) {
        int n = text.length();
        int zeros = 0;
        while (zeros < n && text.charAt(zeros) == '1') {
            zeros++;
        }
        if (zeros >= BYTES) {
            return n == BYTES;
        }
        for (int i = zeros; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !DIGIT[c]) {
                return false;
            }
        }
        return compareRest(text, zeros, LOWEST[zeros]) >= 0 && compareRest(text, zeros, HIGHEST[zeros]) <= 0;
    }

    /** Compares the number written in text[from..] (no leading zero digit) with the one written in {@code bound}. */
    private static int compareRest(String text, int from, String bound) {
        int length = text.length() - from;
        if (length != bound.length()) {
            return Integer.compare(length, bound.length());
        }
        for (int i = 0; i < length; i++) {
            int d = Character.compare(text.charAt(from + i), bound.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
