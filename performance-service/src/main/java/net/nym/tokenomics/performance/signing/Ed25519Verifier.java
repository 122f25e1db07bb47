package net.nym.tokenomics.performance.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Verifies ed25519 signatures (RFC 8032, pure Ed25519) with the JDK's "Ed25519" provider, for keys in the raw
 * 32-byte form nym uses (bs58 on the wire; decode with {@link net.nym.tokenomics.eventlog.encoding.Base58}). Thread-safe: a fresh {@link Signature} per
 * call.
 */
public final class Ed25519Verifier {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112); the raw key follows it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Verifier() {
    }

    /** True only for a well-formed 32-byte key, a 64-byte signature and a signature valid over exactly {@code message}. */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || rawPublicKey.length != 32 || signature == null || signature.length != 64
                || message == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // An invalid point encoding or malformed signature is a failed verification, not a fault.
            return false;
        }
    }

    public static PublicKey publicKey(byte[] rawPublicKey) throws GeneralSecurityException {
        byte[] encoded = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** The raw 32-byte key of a JDK Ed25519 public key (the tail of its X.509 encoding). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
        return raw;
    }
}
