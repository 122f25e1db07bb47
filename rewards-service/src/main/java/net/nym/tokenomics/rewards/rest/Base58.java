package net.nym.tokenomics.rewards.rest;

import java.math.BigInteger;

/** Bitcoin-alphabet base58, as Nym spells ed25519 identity keys. */
public final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    /** The decoded bytes, or null if {@code text} is not base58. */
    public static byte[] decode(String text) {
        BigInteger n = BigInteger.ZERO;
        for (char ch : text.toCharArray()) {
            int digit = ALPHABET.indexOf(ch);
            if (digit < 0) {
                return null;
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] raw = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + raw.length - strip];
        System.arraycopy(raw, strip, out, zeros, raw.length - strip);
        return out;
    }

    public static String encode(byte[] bytes) {
        BigInteger n = new BigInteger(1, bytes);
        StringBuilder sb = new StringBuilder();
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }
}
