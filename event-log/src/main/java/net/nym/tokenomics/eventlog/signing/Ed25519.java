package net.nym.tokenomics.eventlog.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Plain ed25519 (RFC 8032: no pre-hash, no context) with keys in the raw 32-byte form Nym uses (identity keys travel
 * as Base58 of those bytes), on the JDK's own "Ed25519" provider. JCA reads keys only as DER, and for Ed25519 the DER
 * wrapping of a raw key is a fixed prefix (RFC 8410): conversion is prefix on, prefix off. Thread-safe: a fresh
 * {@link Signature} per call. Used by every service that verifies a signature and by the simulator that makes them.
 */
public final class Ed25519 {

    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) }. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    /** The JCA key of a raw 32-byte public key. */
    public static PublicKey publicKey(byte[] raw) {
        requireKeyLength(raw, "public key");
        return generate(() -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw))));
    }

    /** The JCA key of a raw 32-byte secret seed. */
    public static PrivateKey privateKey(byte[] seed) {
        requireKeyLength(seed, "secret key");
        return generate(() -> KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed))));
    }

    /**
     * The key pair of a raw 32-byte secret seed (RFC 8032: the seed is the private key), for identities that must be
     * the same on every run (simulated nodes, test fixtures).
     */
    public static KeyPair keyPair(byte[] seed) {
        requireKeyLength(seed, "secret key");
        return generate(() -> {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK's generator draws exactly the 32-byte private key from its SecureRandom: handing it the seed
            // makes the pair the seed's (JCA has no public "derive the public key" call).
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        });
    }

    /** The raw 32 bytes of a JCA Ed25519 public key (its X.509 encoding minus the fixed prefix). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + KEY_BYTES
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key (" + key.getAlgorithm() + ")");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * True only for a 32-byte key, a 64-byte signature and a signature valid over exactly {@code message}. Never
     * throws on bad input: an invalid point encoding or a malformed signature is a failed verification, not a fault.
     */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || rawPublicKey.length != KEY_BYTES || message == null) {
            return false;
        }
        return verify(publicKey(rawPublicKey), message, signature);
    }

    /** As {@link #verify(byte[], byte[], byte[])}, for a JCA key. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES || message == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireKeyLength(byte[] raw, String what) {
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an ed25519 " + what + " is " + KEY_BYTES + " bytes, got "
                    + (raw == null ? "none" : raw.length));
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
            // Every Java 15+ runtime ships Ed25519, and any 32 bytes are a well-formed key encoding.
            throw new IllegalStateException("Ed25519 key conversion failed", e);
        }
    }

    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
