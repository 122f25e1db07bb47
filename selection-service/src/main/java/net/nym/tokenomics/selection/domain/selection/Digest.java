package net.nym.tokenomics.selection.domain.selection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 digest as 64 lowercase hex characters (normalised in the constructor). */
public record Digest(String hex) {

    /** The "previous result digest" of the very first epoch, which has no predecessor: 32 zero bytes. */
    public static final Digest ZERO = new Digest("0".repeat(64));

    public Digest {
        hex = hex.toLowerCase(java.util.Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("digest must be 64 hex characters, got '" + hex + "'");
        }
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    public static Digest sha256(byte[]... parts) {
        MessageDigest md = newSha256();
        for (byte[] part : parts) {
            md.update(part);
        }
        return new Digest(HexFormat.of().formatHex(md.digest()));
    }

    public static Digest sha256(String utf8) {
        return sha256(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code v} as 8 bytes, big-endian ({@code u64_be} in the seed and counter formats). */
    static byte[] u64be(long v) {
        byte[] b = new byte[Long.BYTES];
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
