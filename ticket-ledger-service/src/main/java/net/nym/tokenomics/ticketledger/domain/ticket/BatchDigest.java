package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Nym's redemption commitment ({@code verify_digest}, TV-10): SHA-256 over the serial bytes concatenated in list
 * order, with no separators or lengths, shown Base58. Order matters; the bytes are whatever the serials decode to.
 */
public final class BatchDigest {

    public static final int DIGEST_BYTES = 32;

    private BatchDigest() {
    }

    public static byte[] of(List<byte[]> serials) {
        MessageDigest sha256 = sha256();
        for (byte[] serial : serials) {
            sha256.update(serial);
        }
        return sha256.digest();
    }

    public static String base58Of(List<byte[]> serials) {
        return Base58.encode(of(serials));
    }

    /** Every SE platform must provide SHA-256, so its absence is a broken runtime, not an input error. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
