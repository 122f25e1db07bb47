package net.nym.tokenomics.ticketledger.signing;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Converts between Nym's raw ed25519 keys (32-byte public key, 32-byte secret seed) and JCA keys. JCA only reads
 * DER, and for Ed25519 the DER wrapping of a raw key is a fixed prefix (RFC 8410), so conversion is prefix on,
 * prefix off.
 */
public final class Ed25519Keys {

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) }. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    public static final int RAW_KEY_BYTES = 32;

    private Ed25519Keys() {
    }

    public static PublicKey publicKey(byte[] raw) {
        requireRawLength(raw, "public key");
        return generate(() -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw))));
    }

    public static PublicKey publicKey(GatewayIdentity identity) {
        return publicKey(identity.bytes());
    }

    public static PrivateKey privateKey(byte[] rawSeed) {
        requireRawLength(rawSeed, "secret key");
        return generate(() -> KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, rawSeed))));
    }

    /** The raw 32 bytes of a JCA Ed25519 public key (its X.509 encoding minus the fixed prefix). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + RAW_KEY_BYTES
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key (" + key.getAlgorithm() + ")");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static GatewayIdentity identity(PublicKey key) {
        return GatewayIdentity.ofBytes(rawPublicKey(key));
    }

    private static void requireRawLength(byte[] raw, String what) {
        if (raw.length != RAW_KEY_BYTES) {
            throw new IllegalArgumentException("an ed25519 " + what + " is " + RAW_KEY_BYTES + " bytes, got " + raw.length);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private interface KeyOperation<T> {
        T run() throws GeneralSecurityException;
    }

    private static <T> T generate(KeyOperation<T> operation) {
        try {
            return operation.run();
        } catch (GeneralSecurityException e) {
            // Every Java 15+ runtime ships Ed25519 and any 32 bytes are a well-formed key encoding.
            throw new IllegalStateException("Ed25519 key conversion failed", e);
        }
    }
}
